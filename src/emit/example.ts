/** A model's typed example: `export const fooExample: Foo = …`. */
import type { StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "./ts-morph.js";
import type { ExampleSource } from "../ir/examples.js";
import type { ExampleValue } from "../ir/types.js";
import { exampleLiteral } from "./code/literal.js";
import { runtime, type ModuleContext } from "./context.js";
import { jsDoc } from "./jsdoc.js";
import { needsOwnField } from "./naming.js";

/** The `xExample` constant of the module's model. */
export function exampleStructure(value: ExampleValue, source: ExampleSource, ctx: ModuleContext): StatementStructures {
  // TypeScript checks an absent `constructor?: string` against the literal's inherited
  // `constructor: Function`; a cast (still checked for overlap) keeps such examples valid.
  const body = ctx.model.body;
  const present = new Set(value.kind === "object" ? value.entries.map(([key]) => key) : []);
  const cast =
    body.kind === "object" && body.fields.some((field) => needsOwnField(field.name) && !present.has(field.name));
  const literal = exampleLiteral(value, { rfcDate: () => runtime(ctx, "RFCDate"), pure: true });
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: jsDoc(`Example of {@link ${ctx.names.type}}, from the doc's ${source}.`),
    declarations: [
      {
        name: ctx.names.example,
        type: ctx.names.type,
        initializer: cast ? `${literal} as ${ctx.names.type}` : literal,
      },
    ],
  };
}
