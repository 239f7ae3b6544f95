/** Examples as typed constants: `fooExample: Foo`. */
import type { StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "./ts-morph.js";
import type { ExampleValue } from "../ir/types.js";
import { assertNever } from "../shared/assert-never.js";
import type { ModuleContext } from "./context.js";
import { stringLiteral } from "./escape.js";
import { jsDoc } from "./jsdoc.js";
import { literalKey, needsOwnField } from "./naming.js";

/** An example value as a TypeScript expression. */
export function exampleLiteral(value: ExampleValue): string {
  switch (value.kind) {
    case "string":
      return stringLiteral(value.value);
    case "number":
      return Object.is(value.value, -0) ? "-0" : String(value.value);
    case "boolean":
      return String(value.value);
    case "null":
      return "null";
    case "date":
      return `new Date(${stringLiteral(value.iso)})`;
    case "array":
      return `[${value.items.map(exampleLiteral).join(", ")}]`;
    case "object":
      return `{ ${value.entries.map(([key, item]) => `${literalKey(key)}: ${exampleLiteral(item)}`).join(", ")} }`;
    default:
      return assertNever(value);
  }
}

/** The `xExample` constant of the module's model. */
export function exampleStructure(value: ExampleValue, source: string, ctx: ModuleContext): StatementStructures {
  // TypeScript checks an absent `constructor?: string` against the literal's inherited
  // `constructor: Function`; a cast (still checked for overlap) keeps such examples valid.
  const body = ctx.model.body;
  const present = new Set(value.kind === "object" ? value.entries.map(([key]) => key) : []);
  const cast = body.kind === "object" && body.fields.some((field) => needsOwnField(field.name) && !present.has(field.name));
  const literal = exampleLiteral(value);
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: jsDoc(`Example of {@link ${ctx.names.type}}, from ${source}.`),
    declarations: [{ name: ctx.names.example, type: ctx.names.type, initializer: cast ? `${literal} as ${ctx.names.type}` : literal }],
  };
}
