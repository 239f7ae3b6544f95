/** What emitting one module needs to know, and the imports it collects on the way. */
import type {
  FunctionDeclarationStructure,
  ImportDeclarationStructure,
  OptionalKind,
  VariableStatementStructure,
} from "ts-morph";
import { StructureKind } from "./ts-morph.js";
import type { EmitOptions } from "../config/defaults.js";
import type { ModelSet } from "../ir/resolve.js";
import { recursiveModels } from "../ir/refs.js";
import { compareText } from "../shared/text.js";
import type { ResolvedModel } from "../ir/types.js";
import { namesOf, prefixedNames, type ModelNames } from "../shared/names.js";
import { importSpecifier, modulePathOf } from "./naming.js";

interface ModelImport {
  path: string;
  exported: ModelNames;
  local: ModelNames;
  used: Set<keyof ModelNames>;
}

/** Per-module emit state: the model, every model, and the imports used so far. */
export interface ModuleContext {
  model: ResolvedModel;
  names: ModelNames;
  modulePath: string;
  models: ModelSet;
  options: EmitOptions;
  /** Runtime helpers used, by name, and whether only as types. */
  runtime: Map<string, { typeOnly: boolean }>;
  /** The local name of the runtime's namespace import. */
  runtimeNamespace: string;
  imports: Map<string, ModelImport>;
  /** Module-level guard functions for nested types, by their code, so none is made per call. */
  helpers: Map<string, FunctionDeclarationStructure & { name: string }>;
  /** Module-level constants, by name. */
  constants: Map<string, VariableStatementStructure>;
}

export function createContext(model: ResolvedModel, models: ModelSet, options: EmitOptions): ModuleContext {
  const names = namesOf(model);
  return {
    model,
    names,
    runtimeNamespace: Object.values(names).includes(RUNTIME_NAMESPACE) ? "$runtime" : RUNTIME_NAMESPACE,
    modulePath: modulePathOf(model.path),
    models,
    options,
    runtime: new Map(),
    imports: new Map(),
    helpers: new Map(),
    constants: new Map(),
  };
}

/**
 * The condition under which `value` is no object to walk. It also makes the walk read own
 * fields only: an object whose fields could be inherited (see the runtime's `readsOwnFields`)
 * is replaced by a copy of its own properties, inside the condition so the compiler keeps
 * `value` narrowed to a record; a plain object costs one cached load and no allocation.
 */
export function notOwnObject(ctx: ModuleContext): string {
  const isObject = runtime(ctx, "isObject");
  return `!${isObject}(value) || (!${runtime(ctx, "readsOwnFields")}(value[${runtime(ctx, "PROTOTYPE_KEY")}]) && !${isObject}((value = ${runtime(ctx, "ownProperties")}(value))))`;
}

/** Whether the module's model reaches itself through links: its walks then count their depth. */
export function isRecursive(ctx: ModuleContext): boolean {
  return recursiveModels(ctx.models).has(ctx.model.path);
}

/** Marks a runtime helper as used and returns its local name. */
export function runtime(ctx: ModuleContext, name: string): string {
  return useRuntime(ctx, name, false);
}

/** Marks a runtime type as used and returns its local name. */
export function runtimeType(ctx: ModuleContext, name: string): string {
  return useRuntime(ctx, name, true);
}

/**
 * The runtime is one namespace import (`import * as $ from "./runtime.js"`): one line where
 * named imports took one per helper, and no model name (`ValidationError`, `Object`) can
 * clash with a helper's. Bundlers resolve `$.name` statically, so tree-shaking is unchanged.
 */
const RUNTIME_NAMESPACE = "$";

function useRuntime(ctx: ModuleContext, name: string, typeOnly: boolean): string {
  const entry = ctx.runtime.get(name);
  if (!entry) ctx.runtime.set(name, { typeOnly });
  // A class such as `RFCDate` may be a type in one place and a value in another: then it is a value import.
  else if (!typeOnly) entry.typeOnly = false;
  return runtimeLocal(ctx, name);
}

/** How this module refers to a runtime helper, without marking it as used. */
export function runtimeLocal(ctx: ModuleContext, name: string): string {
  return `${ctx.runtimeNamespace}.${name}`;
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
function localNames(ctx: ModuleContext, target: ResolvedModel, exported: ModelNames): ModelNames {
  // Runtime helpers are reached through the namespace, so only its name can clash.
  const taken = new Set([
    ctx.runtimeNamespace,
    ...Object.values(ctx.names),
    ...[...ctx.imports.values()].flatMap((entry) => Object.values(entry.local)),
  ]);
  const free = (names: ModelNames) => Object.values(names).every((name) => !taken.has(name));
  return free(exported) ? exported : prefixedNames(target.path, exported, free);
}

/** The import declarations the module needs, in a stable order; one of types only is `import type`, which no runtime loads. */
export function importStructures(ctx: ModuleContext): OptionalKind<ImportDeclarationStructure>[] {
  return importDeclarations(ctx).map((declaration) => {
    const named = declaration.namedImports as Array<{ name: string; isTypeOnly?: boolean; alias?: string }> | undefined;
    if (!named?.every((specifier) => specifier.isTypeOnly)) return declaration;
    return {
      ...declaration,
      isTypeOnly: true,
      namedImports: named.map(({ isTypeOnly: _typeOnly, ...specifier }) => specifier),
    };
  });
}

function importDeclarations(ctx: ModuleContext): OptionalKind<ImportDeclarationStructure>[] {
  const declarations: OptionalKind<ImportDeclarationStructure>[] = [];
  if (ctx.runtime.size > 0) {
    declarations.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: importSpecifier(ctx.modulePath, ctx.options.runtimeModule),
      namespaceImport: ctx.runtimeNamespace,
      isTypeOnly: [...ctx.runtime.values()].every((entry) => entry.typeOnly),
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
        isTypeOnly: key === "type" || key === "wire",
      })),
    });
  }
  return declarations;
}
