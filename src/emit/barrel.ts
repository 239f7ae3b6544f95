/** `index.ts`: re-exports every model module and the runtime. */
import { printStructure, StructureKind } from "ts-morph";
import type { ModelSet } from "../ir/resolve.js";
import type { EmitOptions } from "./context.js";
import { banner, type OutputFile } from "./module.js";
import { importSpecifier, modulePathOf } from "./naming.js";

const BARREL = "index.ts";

/** The barrel module of the output folder. */
export function emitBarrel(models: ModelSet, options: EmitOptions): OutputFile {
  const modules = [options.runtimeModule, ...models.models.map((model) => modulePathOf(model.path))];
  const text = printStructure({
    kind: StructureKind.SourceFile,
    statements: modules.map((module) => ({
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: importSpecifier(BARREL, module),
    })),
  });
  return { path: BARREL, content: `${banner("every doc of the input folder")}\n\n${text}` };
}
