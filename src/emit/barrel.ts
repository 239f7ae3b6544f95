/**
 * The barrels the `barrel` option asks for. `index`: one `index.ts` re-exporting every model
 * and the runtime's public API by name; names two models share (a `Code` in components/ and
 * in errors/) get a folder prefix there (`ErrorsCode`), so it is never ambiguous. `folders`:
 * an `index.ts` in each folder of modules, the root's also re-exporting the runtime's API, so
 * a consumer loads one folder's models. `none`: no barrel.
 */
import { posix } from "node:path";
import type { ExportDeclarationStructure, OptionalKind } from "ts-morph";
import { printStructure, StructureKind } from "./ts-morph.js";
import type { EmitOptions } from "../config/defaults.js";
import { prefixedNames, type ModelNames } from "../shared/names.js";
import type { OutputFile } from "../shared/output-file.js";
import { BARREL_PATH as BARREL, barrelFolders, barrelPathIn, header } from "./files.js";
import { importSpecifier } from "./naming.js";
import type { BarrelEntry } from "./plan.js";
import { RUNTIME_PUBLIC } from "./runtime-names.js";
import { enabledOutputs } from "../shared/outputs.js";

export type { BarrelEntry };

/** The barrel modules of the output folder, as the `barrel` option says. */
export function emitBarrels(modules: readonly BarrelEntry[], options: EmitOptions): OutputFile[] {
  if (options.barrel === "index") return [emitBarrel(BARREL, modules, options, "every model doc of the input folder")];
  return barrelFolders(
    modules.map((module) => module.path),
    options.barrel,
  ).map((folder) =>
    emitBarrel(
      barrelPathIn(folder),
      modules.filter((module) => posix.dirname(module.path) === folder),
      options,
      folder === "." ? "the model docs at the input folder's root" : `the model docs in ${folder}/`,
    ),
  );
}

/** A barrel at `path` re-exporting `modules`, and the runtime's public API when it is the root's. */
function emitBarrel(path: string, modules: readonly BarrelEntry[], options: EmitOptions, what: string): OutputFile {
  const enabled = enabledOutputs(options.outputs);
  const runtimeApi = path === BARREL ? RUNTIME_PUBLIC.filter(({ output }) => enabled.has(output)) : [];
  const uses = new Map<string, number>();
  const count = (name: string) => uses.set(name, (uses.get(name) ?? 0) + 1);
  runtimeApi.forEach(({ name }) => count(name));
  modules.forEach((module) => module.exports.forEach(({ key }) => count(module.names[key])));

  const taken = new Set(uses.keys());
  const declarations: OptionalKind<ExportDeclarationStructure>[] =
    runtimeApi.length > 0
      ? [
          {
            kind: StructureKind.ExportDeclaration,
            moduleSpecifier: importSpecifier(BARREL, options.runtimeModule),
            namedExports: runtimeApi.map(({ name, typeOnly }) => ({ name, isTypeOnly: typeOnly })),
          },
        ]
      : [];
  for (const module of modules) {
    const { names } = module;
    const shared = module.exports.some(({ key }) => uses.get(names[key])! > 1);
    const local = shared ? barrelNames(module, taken) : names;
    declarations.push({
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: importSpecifier(path, module.path),
      namedExports: module.exports.map(({ key, typeOnly }) => ({
        name: names[key],
        isTypeOnly: typeOnly,
        ...(local[key] !== names[key] ? { alias: local[key] } : {}),
      })),
    });
  }
  const text = printStructure({ kind: StructureKind.SourceFile, statements: declarations });
  return { path, content: `${header(what, options)}\n\n${text}` };
}

/** Names with a folder prefix that no other export of the barrel has; they are taken then. */
function barrelNames(module: BarrelEntry, taken: Set<string>): ModelNames {
  const exported = (candidate: ModelNames) => module.exports.map(({ key }) => candidate[key]);
  const local = prefixedNames(module.modelPath, module.names, (candidate) =>
    exported(candidate).every((name) => !taken.has(name)),
  );
  exported(local).forEach((name) => taken.add(name));
  return local;
}
