/**
 * `index.ts`: re-exports every model and the runtime's public API by name. Names two
 * models share (a `Code` in components/ and in errors/) get a folder prefix there
 * (`ErrorsCode`), so the barrel is never ambiguous.
 */
import type { ExportDeclarationStructure, OptionalKind } from "ts-morph";
import { printStructure, StructureKind } from "./ts-morph.js";
import type { EmitOptions } from "../config/defaults.js";
import { prefixedNames, type ModelNames } from "../shared/names.js";
import type { OutputFile } from "../shared/output-file.js";
import { BARREL_PATH as BARREL, banner } from "./files.js";
import { importSpecifier } from "./naming.js";
import type { BarrelEntry } from "./plan.js";
import { RUNTIME_PUBLIC } from "./runtime-names.js";

export type { BarrelEntry };

/** The barrel module of the output folder. */
export function emitBarrel(modules: readonly BarrelEntry[], options: EmitOptions): OutputFile {
  const uses = new Map<string, number>();
  const count = (name: string) => uses.set(name, (uses.get(name) ?? 0) + 1);
  RUNTIME_PUBLIC.forEach(({ name }) => count(name));
  modules.forEach((module) => module.exports.forEach(({ key }) => count(module.names[key])));

  const taken = new Set(uses.keys());
  const declarations: OptionalKind<ExportDeclarationStructure>[] = [
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: importSpecifier(BARREL, options.runtimeModule),
      namedExports: RUNTIME_PUBLIC.map(({ name, typeOnly }) => ({ name, isTypeOnly: typeOnly })),
    },
  ];
  for (const module of modules) {
    const { names } = module;
    const shared = module.exports.some(({ key }) => uses.get(names[key])! > 1);
    const local = shared ? barrelNames(module, taken) : names;
    declarations.push({
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: importSpecifier(BARREL, module.path),
      namedExports: module.exports.map(({ key, typeOnly }) => ({
        name: names[key],
        isTypeOnly: typeOnly,
        ...(local[key] !== names[key] ? { alias: local[key] } : {}),
      })),
    });
  }
  const text = printStructure({ kind: StructureKind.SourceFile, statements: declarations });
  return { path: BARREL, content: `${banner("every model doc of the input folder")}\n\n${text}` };
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
