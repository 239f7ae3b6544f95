/** One model's module, from its plan: the kind's declarations and validator bodies, the builder, the example. */
import type { StatementStructures } from "ts-morph";
import { printStructure, StructureKind } from "./ts-morph.js";
import type { EmitOptions } from "../config/defaults.js";
import type { ModelSet } from "../ir/resolve.js";
import { assertNever } from "../shared/assert-never.js";
import type { OutputFile } from "../shared/output-file.js";
import { exampleLiteral } from "./code/literal.js";
import { createContext, importStructures, type ModuleContext } from "./context.js";
import { exampleStructure } from "./example.js";
import { banner } from "./files.js";
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

/** What a model's kind writes: its type declarations, its validator bodies, and its other exports (the builder). */
interface KindParts {
  declarations: StatementStructures[];
  bodies: ValidatorBodies;
  /** The codec's initializer, an expression. */
  codec: string;
  extra: StatementStructures[];
}

function kindParts(plan: ModulePlan, ctx: ModuleContext): KindParts {
  const body = plan.model.body;
  switch (body.kind) {
    case "object": {
      const fieldExamples = new Map([...plan.examples.fields].map(([name, value]) => [name, exampleLiteral(value)]));
      const declarations = objectDeclarations(body, ctx, fieldExamples);
      const bodies = { guard: objectGuard(body, ctx), collector: objectCollector(body, ctx) };
      return {
        declarations,
        bodies,
        codec: objectCodec(body, ctx),
        extra: exportsName(plan, "builder") ? objectBuilder(body, ctx) : [],
      };
    }
    case "enum": {
      const declarations = enumDeclarations(body, ctx);
      return {
        declarations,
        bodies: { guard: enumGuard(body), collector: enumCollector(body, ctx) },
        codec: enumCodec(body, ctx),
        extra: [],
      };
    }
    case "union": {
      const declarations = unionDeclarations(body, ctx);
      return {
        declarations,
        bodies: { guard: unionGuard(body, ctx), collector: unionCollector(body, ctx) },
        codec: unionCodec(body, ctx),
        extra: [],
      };
    }
    default:
      return assertNever(body);
  }
}

/** Emits the module its plan describes: type, validators, wire functions and Standard Schema, builder, example. */
export function emitModule(plan: ModulePlan, models: ModelSet, options: EmitOptions): OutputFile {
  const ctx = createContext(plan.model, models, options);
  const parts = kindParts(plan, ctx);
  const validators = validatorStructures(ctx, parts.bodies);
  const wire = [...wireStructures(ctx, parts.codec), schemaStructure(ctx, plan.schema)];
  const example =
    plan.examples.model && exportsName(plan, "example")
      ? [exampleStructure(plan.examples.model.value, plan.examples.model.source, ctx)]
      : [];
  // Module-level helpers and constants, and the imports, are known only once every statement is built.
  const statements: StatementStructures[] = [
    ...parts.declarations,
    ...ctx.constants.values(),
    ...ctx.helpers.values(),
    ...validators,
    ...wire,
    ...parts.extra,
    ...example,
  ];
  const text = printStructure({
    kind: StructureKind.SourceFile,
    statements: [...importStructures(ctx), ...statements.map(separated)],
  });
  return { path: plan.path, content: `${banner(plan.model.path)}\n\n${text}` };
}
