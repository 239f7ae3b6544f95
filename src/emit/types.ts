/** The model's type: an interface for objects, a literal union (and const) for enums, a union type. */
import type { StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "./ts-morph.js";
import type { EnumModel, ResolvedObjectModel, ResolvedUnionModel } from "../ir/types.js";
import { assertNever } from "../shared/assert-never.js";
import type { ModuleContext } from "./context.js";
import { stringLiteral } from "./escape.js";
import { fieldDoc, jsDoc } from "./jsdoc.js";
import { propertyKey } from "./naming.js";
import { fieldTypeText, typeText } from "./type-text.js";

/** ResolvedField examples as printed TypeScript, by field name (for `@example`). */
export type FieldExampleTexts = ReadonlyMap<string, string>;

/** The declarations of the model's type. */
export function typeStructures(ctx: ModuleContext, examples: FieldExampleTexts): StatementStructures[] {
  const body = ctx.model.body;
  switch (body.kind) {
    case "object":
      return [objectInterface(body, ctx, examples)];
    case "enum":
      return enumDeclarations(body, ctx);
    case "union":
      return [unionAlias(body, ctx)];
    default:
      return assertNever(body);
  }
}

function objectInterface(body: ResolvedObjectModel, ctx: ModuleContext, examples: FieldExampleTexts): StatementStructures {
  return {
    kind: StructureKind.Interface,
    name: ctx.names.type,
    isExported: true,
    docs: jsDoc(ctx.model.description),
    properties: body.fields.map((field) => ({
      name: propertyKey(field.name),
      type: fieldTypeText(field, ctx),
      hasQuestionToken: !field.required,
      docs: fieldDoc(field, examples.get(field.name)),
    })),
  };
}

/** A literal union, a same-named const of the members, and for open enums `string & {}`. */
function enumDeclarations(body: EnumModel, ctx: ModuleContext): StatementStructures[] {
  const literals = body.members.map((member) => literalText(member.value));
  const openTail = body.open ? [typeof body.members[0]?.value === "number" ? "(number & {})" : "(string & {})"] : [];
  const memberKeys = constKeys(body);
  const alias: StatementStructures = {
    kind: StructureKind.TypeAlias,
    name: ctx.names.type,
    isExported: true,
    docs: jsDoc(ctx.model.description, body.open ? [["remarks", "Open enum: values not listed here are accepted too."]] : []),
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

/** Keys of the enum const: the Name column, else the value in PascalCase, made unique. */
function constKeys(body: EnumModel): string[] {
  const used = new Set<string>();
  return body.members.map((member) => {
    const base = member.name ?? pascalCase(String(member.value));
    let key = /^\d/.test(base) || base === "" ? `Value${base}` : base;
    for (let n = 2; used.has(key); n++) key = `${base}${n}`;
    used.add(key);
    return propertyKey(key);
  });
}

function unionAlias(body: ResolvedUnionModel, ctx: ModuleContext): StatementStructures {
  return {
    kind: StructureKind.TypeAlias,
    name: ctx.names.type,
    isExported: true,
    docs: jsDoc(ctx.model.description),
    type: body.members.map((member) => typeText(member.type, ctx)).join(" | "),
  };
}

/** `json_object` → `JsonObject`, `text/plain` → `TextPlain`. */
function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

function literalText(value: string | number): string {
  return typeof value === "string" ? stringLiteral(value) : String(value);
}
