/** What emitting one module needs to know, and the imports it collects on the way. */
import type { ImportDeclarationStructure, OptionalKind } from "ts-morph";
import { StructureKind } from "ts-morph";
import type { ModelSet } from "../ir/resolve.js";
import { compareText } from "../ir/resolve.js";
import type { ModelDoc } from "../ir/types.js";
import { importSpecifier, modulePathOf, namesOf, type ModelNames } from "./naming.js";

/** Options that shape the emitted code; filled with defaults by the config. */
export interface EmitOptions {
  /** How `*any*` is typed. */
  anyType: "unknown" | "any";
  /** TypeScript types for external names such as `AxiosResponse`. */
  externalTypes: Readonly<Record<string, string>>;
  /** The runtime helpers' module, relative to the output folder. */
  runtimeModule: string;
}

interface ModelImport {
  path: string;
  exported: ModelNames;
  local: ModelNames;
  used: Set<keyof ModelNames>;
}

/** Per-module emit state: the model, every model, and the imports used so far. */
export interface ModuleContext {
  model: ModelDoc;
  names: ModelNames;
  modulePath: string;
  models: ModelSet;
  options: EmitOptions;
  runtime: Set<string>;
  runtimeTypes: Set<string>;
  imports: Map<string, ModelImport>;
}

export function createContext(model: ModelDoc, models: ModelSet, options: EmitOptions): ModuleContext {
  return {
    model,
    names: namesOf(model),
    modulePath: modulePathOf(model.path),
    models,
    options,
    runtime: new Set(),
    runtimeTypes: new Set(),
    imports: new Map(),
  };
}

/** Marks a runtime helper as used and returns its name. */
export function runtime(ctx: ModuleContext, name: string): string {
  ctx.runtime.add(name);
  return name;
}

/** Marks a runtime type as used and returns its name. */
export function runtimeType(ctx: ModuleContext, name: string): string {
  ctx.runtimeTypes.add(name);
  return name;
}

/** The local name of an export of the model at `targetPath`, importing it when needed. */
export function refName(ctx: ModuleContext, targetPath: string, key: keyof ModelNames): string {
  if (targetPath === ctx.model.path) return ctx.names[key];
  let entry = ctx.imports.get(targetPath);
  if (!entry) {
    const target = ctx.models.byPath.get(targetPath)!;
    const exported = namesOf(target);
    entry = { path: targetPath, exported, local: localNames(ctx, target, exported), used: new Set() };
    ctx.imports.set(targetPath, entry);
  }
  entry.used.add(key);
  return entry.local[key];
}

/** Imported names that clash with this module's own or another import get a folder prefix. */
function localNames(ctx: ModuleContext, target: ModelDoc, exported: ModelNames): ModelNames {
  const taken = new Set([ctx.names.type, ...[...ctx.imports.values()].map((entry) => entry.local.type)]);
  if (!taken.has(exported.type)) return exported;
  const folders = target.path.split("/").slice(0, -1).reverse();
  for (let depth = 1; depth <= folders.length; depth++) {
    const prefix = folders
      .slice(0, depth)
      .reverse()
      .map((folder) => folder.charAt(0).toUpperCase() + folder.slice(1).replace(/[^\w$]/g, ""))
      .join("");
    const candidate = namesOf({ name: `${prefix}${exported.type}` });
    if (!taken.has(candidate.type)) return candidate;
  }
  return namesOf({ name: `Imported${taken.size}${exported.type}` });
}

/** The import declarations the module needs, in a stable order. */
export function importStructures(ctx: ModuleContext): OptionalKind<ImportDeclarationStructure>[] {
  const declarations: OptionalKind<ImportDeclarationStructure>[] = [];
  const runtimeNames = [
    ...[...ctx.runtime].map((name) => ({ name, isTypeOnly: false })),
    ...[...ctx.runtimeTypes].map((name) => ({ name, isTypeOnly: true })),
  ].sort((a, b) => compareText(a.name, b.name));
  if (runtimeNames.length > 0) {
    declarations.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: importSpecifier(ctx.modulePath, ctx.options.runtimeModule),
      namedImports: runtimeNames,
    });
  }
  const entries = [...ctx.imports.values()].sort((a, b) => compareText(a.path, b.path));
  for (const entry of entries) {
    const keys = [...entry.used].sort((a, b) => compareText(entry.exported[a], entry.exported[b]));
    declarations.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: importSpecifier(ctx.modulePath, modulePathOf(entry.path)),
      namedImports: keys.map((key) => ({
        name: entry.exported[key],
        ...(entry.local[key] !== entry.exported[key] ? { alias: entry.local[key] } : {}),
        isTypeOnly: key === "type",
      })),
    });
  }
  return declarations;
}
