/** One model → the source text of its module, assembled from ts-morph structures. */
import type { StatementStructures } from "ts-morph";
import { printStructure, StructureKind } from "./ts-morph.js";
import type { ModelExamples } from "../ir/examples.js";
import type { ModelSet } from "../ir/resolve.js";
import type { ResolvedModel } from "../ir/types.js";
import { builderStructures } from "./builders.js";
import { banner, moduleExports, type ModelModule } from "./files.js";
import type { EmitOptions } from "../config/defaults.js";
import { createContext, importStructures } from "./context.js";
import { exampleLiteral, exampleStructure } from "./examples.js";
import { typeStructures } from "./types.js";
import { validatorStructures } from "./validators.js";

/** A statement preceded by a blank line, so declarations read as paragraphs. */
function separated(statement: StatementStructures): StatementStructures {
  return { ...statement, leadingTrivia: (writer) => writer.blankLineIfLastNot() };
}

/** Emits the module of one model: type, validators, builder, example. */
export function emitModelModule(model: ResolvedModel, models: ModelSet, examples: ModelExamples, options: EmitOptions): ModelModule {
  const ctx = createContext(model, models, options);
  const fieldExamples = new Map([...examples.fields].map(([name, value]) => [name, exampleLiteral(value)]));
  const types = typeStructures(ctx, fieldExamples);
  const validators = validatorStructures(ctx);
  const statements: StatementStructures[] = [
    ...types,
    ...ctx.constants.values(),
    ...ctx.helpers.values(),
    ...validators,
    ...(model.body.kind === "object" ? builderStructures(model.body, ctx) : []),
    ...(examples.model ? [exampleStructure(examples.model.value, `the doc's ${examples.model.source}`, ctx)] : []),
  ];
  // Imports are known only once every statement has been built.
  const text = printStructure({
    kind: StructureKind.SourceFile,
    statements: [...importStructures(ctx), ...statements.map(separated)],
  });
  return { path: ctx.modulePath, content: `${banner(model.path)}\n\n${text}`, model, exports: moduleExports(model, examples, options) };
}
