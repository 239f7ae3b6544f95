/** One model's module, from its plan: the kind's declarations and validator bodies, the builder, the example. */
import type { StatementStructures } from "ts-morph";
import { printStructure, StructureKind } from "./ts-morph.js";
import type { EmitOptions } from "../config/defaults.js";
import type { ModelSet } from "../ir/resolve.js";
import { assertNever } from "../shared/assert-never.js";
import type { OutputFile } from "../shared/output-file.js";
import { enabledOutputs, type Output } from "../shared/outputs.js";
import { exampleLiteral } from "./code/literal.js";
import { createContext, importStructures, type ModuleContext } from "./context.js";
import { exampleStructure } from "./example.js";
import { header } from "./files.js";
import { enumCodec, enumCollector, enumDeclarations, enumGuard } from "./kinds/enum.js";
import { objectBuilder, objectCodec, objectCollector, objectDeclarations, objectGuard } from "./kinds/object.js";
import { unionCodec, unionCollector, unionDeclarations, unionGuard } from "./kinds/union.js";
import { exportsName, type ModulePlan } from "./plan.js";
import { schemaStructure } from "./standard-schema.js";
import { validatorStructures, type ValidatorBodies } from "./validators.js";
import { wireStructures } from "./wire.js";

/** A statement preceded by a blank line, so declarations read as paragraphs. */
function separated(statement: StatementStructures): StatementStructures {
  return { ...statement, leadingTrivia: (writer) => writer.blankLineIfLastNot() };
}

/** What a model's kind writes for the enabled outputs: its type declarations, validator bodies, codec and builder. */
interface KindParts {
  declarations: StatementStructures[];
  bodies?: ValidatorBodies;
  /** The codec's initializer, an expression. */
  codec?: string;
  builder: StatementStructures[];
}

/** The parts in the order they were always made (declarations, guard, collector, codec, builder): module-level helpers are numbered as they come. */
function kindParts(plan: ModulePlan, ctx: ModuleContext, enabled: ReadonlySet<Output>): KindParts {
  const body = plan.model.body;
  const validators = enabled.has("validators");
  const wire = enabled.has("wire");
  switch (body.kind) {
    case "object": {
      const fieldExamples = new Map([...plan.examples.fields].map(([name, value]) => [name, exampleLiteral(value)]));
      const declarations = objectDeclarations(body, ctx, fieldExamples);
      const bodies = validators ? { guard: objectGuard(body, ctx), collector: objectCollector(body, ctx) } : undefined;
      return {
        declarations,
        ...(bodies ? { bodies } : {}),
        ...(wire ? { codec: objectCodec(body, ctx) } : {}),
        builder: exportsName(plan, "builder") ? objectBuilder(body, ctx) : [],
      };
    }
    case "enum": {
      const declarations = enumDeclarations(body, ctx);
      const bodies = validators
        ? { guard: enumGuard(body), collector: enumCollector(body, ctx), comparesOnly: true }
        : undefined;
      return {
        declarations,
        ...(bodies ? { bodies } : {}),
        ...(wire ? { codec: enumCodec(body, ctx) } : {}),
        builder: [],
      };
    }
    case "union": {
      const declarations = unionDeclarations(body, ctx);
      const bodies = validators ? { guard: unionGuard(body, ctx), collector: unionCollector(body, ctx) } : undefined;
      return {
        declarations,
        ...(bodies ? { bodies } : {}),
        ...(wire ? { codec: unionCodec(body, ctx) } : {}),
        builder: [],
      };
    }
    default:
      return assertNever(body);
  }
}

/**
 * Each output's statements in a module (what it exports and writes beside the module is
 * `emit/plan.ts`'s `OUTPUT_PLANS`). Called only for the enabled outputs, whose parts
 * `kindParts` made.
 */
const OUTPUT_CODE: Readonly<
  Record<Output, (plan: ModulePlan, ctx: ModuleContext, parts: KindParts) => StatementStructures[]>
> = {
  types: (_plan, _ctx, parts) => parts.declarations,
  validators: (_plan, ctx, parts) => validatorStructures(ctx, parts.bodies!),
  wire: (_plan, ctx, parts) => wireStructures(ctx, parts.codec!),
  standardSchema: (plan, ctx) => [schemaStructure(ctx, plan.schema!, plan.files.includes(plan.schema!.path))],
  jsonSchema: () => [],
  builders: (_plan, _ctx, parts) => parts.builder,
  examples: (plan, ctx) =>
    plan.examples.model && exportsName(plan, "example")
      ? [exampleStructure(plan.examples.model.value, plan.examples.model.source, ctx)]
      : [],
};

/** Emits the module its plan describes: the enabled outputs' code, under the model's type declarations. */
export function emitModule(plan: ModulePlan, models: ModelSet, options: EmitOptions): OutputFile {
  const ctx = createContext(plan.model, models, options);
  const enabled = enabledOutputs(options.outputs);
  const parts = kindParts(plan, ctx, enabled);
  const [types, ...rest] = [...enabled].map((output) => OUTPUT_CODE[output](plan, ctx, parts));
  // Module-level helpers and constants, and the imports, are known only once every statement is built.
  const statements: StatementStructures[] = [
    ...types!,
    ...ctx.constants.values(),
    ...ctx.helpers.values(),
    ...rest.flat(),
  ];
  const text = printStructure({
    kind: StructureKind.SourceFile,
    statements: [...importStructures(ctx), ...statements.map(separated)],
  });
  return { path: plan.path, content: `${header(plan.model.path, options)}\n\n${text}` };
}
