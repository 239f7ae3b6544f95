/** Enum models: a literal union type and a same-named const of its members; a guard and a one-issue collector. */
import type { StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "../ts-morph.js";
import type { EnumModel } from "../../ir/types.js";
import { anyOf, equals, render } from "../code/condition.js";
import { literalText } from "../code/literal.js";
import { runtime, type ModuleContext } from "../context.js";
import { stringLiteral } from "../escape.js";
import { jsDoc } from "../jsdoc.js";
import { literalKey } from "../naming.js";
import { enumKeys } from "../enum-keys.js";

/** A literal union, a same-named const of the members, and for open enums `string & {}`. */
export function enumDeclarations(body: EnumModel, ctx: ModuleContext): StatementStructures[] {
  const literals = body.members.map((member) => literalText(member.value));
  const openTail = body.open ? [typeof body.members[0]?.value === "number" ? "(number & {})" : "(string & {})"] : [];
  const memberKeys = constKeys(body);
  const alias: StatementStructures = {
    kind: StructureKind.TypeAlias,
    name: ctx.names.type,
    isExported: true,
    docs: jsDoc(
      ctx.model.description,
      body.open ? [["remarks", "Open enum: values not listed here are accepted too."]] : [],
    ),
    type: [...literals, ...openTail].join(" | "),
  };
  if (ctx.options.enumStyle === "union") return [alias];
  return [
    alias,
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: jsDoc(`The members of {@link ${ctx.names.type}}.`),
      declarations: [
        {
          name: ctx.names.type,
          initializer: `{ ${body.members.map((member, i) => `${memberKeys[i]}: ${literalText(member.value)}`).join(", ")} } as const`,
        },
      ],
    },
  ];
}

/** Keys of the enum const: the Name column, else the value as the TypeScript SDK names it; `__proto__` quoted. */
function constKeys(body: EnumModel): string[] {
  // `__proto__` as a plain key would set the const's prototype rather than add a member.
  return enumKeys(body.members).map(literalKey);
}

/** The body of `isX`: one of the members; an open enum accepts any value of its members' type. */
export function enumGuard(body: EnumModel): string[] {
  if (body.open)
    return [`return typeof value === "${typeof body.members[0]?.value === "number" ? "number" : "string"}";`];
  return [`return ${render(anyOf(body.members.map((member) => equals("value", literalText(member.value)))))};`];
}

/** The values an enum takes, as a message says them. */
function expectedValues(body: EnumModel): string {
  return (
    body.members.map((member) => JSON.stringify(member.value)).join(" | ") +
    (body.open ? ` | ${typeof body.members[0]?.value}` : "")
  );
}

/** An enum is one value: one issue naming the values expected. */
export function enumCollector(body: EnumModel, ctx: ModuleContext): string[] {
  return [
    `if (!${ctx.names.is}(value)) ${runtime(ctx, "pushIssue")}(issues, path, ${stringLiteral(expectedValues(body))}, value);`,
  ];
}

/** An enum's wire form is its value: the codec is its guard. */
export function enumCodec(body: EnumModel, ctx: ModuleContext): string {
  return `${runtime(ctx, "leafCodec")}(${ctx.names.is}, ${stringLiteral(expectedValues(body))})`;
}
