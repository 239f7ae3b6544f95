/**
 * The wire functions every model module exports, around the codec its kind writes: the wire
 * form's type, `parseX` (parsed JSON to the model), `xFromJSON` (JSON text), and the way back,
 * `xToWire` and `xToJSON`.
 */
import type { StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "./ts-morph.js";
import { isRecursive, runtime, runtimeType, type ModuleContext } from "./context.js";
import { stringLiteral } from "./escape.js";
import { jsDoc } from "./jsdoc.js";
import { wireChanges, wireRenamedModels, type WireChange } from "../ir/refs.js";
import { wireTypeText } from "./code/type-text.js";
import { propertyKey } from "./naming.js";

/**
 * The wire type: `Wire<X>`, which maps `X`'s dates to strings, unless some field on the way
 * is named otherwise in JSON (`created_at` for `createdAt`), which a mapped type cannot say:
 * then the wire form is written out, naming the other models' wire types.
 */
function wireTypeOf(ctx: ModuleContext): string {
  const body = ctx.model.body;
  if (!wireRenamedModels(ctx.models).has(ctx.model.path) || body.kind === "enum")
    return `${runtimeType(ctx, "Wire")}<${ctx.names.type}>`;
  if (body.kind === "union") return body.members.map((member) => wireTypeText(member.type, ctx)).join(" | ");
  const properties = body.fields.map((field) => {
    const text = wireTypeText(field.type, ctx);
    const type = field.nullable && field.type.kind !== "unknown" ? `${text} | null` : text;
    return `${propertyKey(field.wireName ?? field.name)}${field.required ? "" : "?"}: ${type};`;
  });
  return properties.length === 0 ? "Record<string, never>" : `{ ${properties.join(" ")} }`;
}

/** The values JSON holds as strings, as the docs name them, and the type each becomes. */
const HELD_AS_STRINGS: ReadonlyArray<readonly [change: WireChange, name: string, becomes: string]> = [
  ["date", "date-times", "`Date`"],
  ["rfcDate", "calendar dates", "`RFCDate`"],
  ["bigint", "big integers", "`bigint`"],
];

/** What the model's wire form changes, so the docs name only what happens to this model. */
function changesOf(ctx: ModuleContext): { held: (typeof HELD_AS_STRINGS)[number][]; renamed: boolean } {
  const changes = wireChanges(ctx.models);
  const makes = (change: WireChange) => changes.get(change)!.has(ctx.model.path);
  return { held: HELD_AS_STRINGS.filter(([change]) => makes(change)), renamed: makes("renamed") };
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)!}`;
}

/** The wire type, the codec (initialised by `codec`, an expression) and the four functions. */
export function wireStructures(ctx: ModuleContext, codec: string): StatementStructures[] {
  const { type, wire, codec: codecName } = ctx.names;
  const result = `${runtimeType(ctx, "ValidationResult")}<${type}>`;
  const { held, renamed } = changesOf(ctx);
  const asStrings = held.length > 0 ? `${listed(held.map(([, name]) => name))} as strings` : undefined;
  const carried = [asStrings, renamed ? "fields under the names JSON gives them" : undefined].filter(Boolean);
  const unknown =
    ctx.options.unknownProperties === "keep"
      ? "kept"
      : ctx.options.unknownProperties === "reject"
        ? "issues"
        : "left out";
  const converted = [
    ...held.map(([, name, becomes]) => `${name} become ${becomes}`),
    ...(renamed ? ["fields take the model's names"] : []),
  ];
  const read = [
    ...(converted.length > 0 ? [listed(converted)] : []),
    `properties the doc does not list are ${unknown}`,
  ];
  return [
    {
      kind: StructureKind.TypeAlias,
      name: wire,
      isExported: true,
      docs: jsDoc(
        carried.length > 0
          ? `{@link ${type}} as JSON carries it: ${carried.join(", ")}.`
          : `{@link ${type}} as JSON carries it: the same shape, as nothing in it is converted.`,
      ),
      type: wireTypeOf(ctx),
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: jsDoc(`Reads {@link ${type}} from its wire form and writes it back.`),
      declarations: [
        {
          name: codecName,
          type: `${runtimeType(ctx, "Codec")}<${type}, ${wire}>`,
          initializer: codecInitializer(ctx, codec),
        },
      ],
    },
    {
      kind: StructureKind.Function,
      name: ctx.names.parse,
      isExported: true,
      docs: jsDoc(
        `Reads \`wire\` (parsed JSON, such as \`await response.json()\`) as {@link ${type}}: ${read.join("; ")}. The value, or every issue with its path; \`wire\` is not changed.`,
      ),
      parameters: [{ name: "wire", type: "unknown" }],
      returnType: result,
      statements: [`return ${runtime(ctx, "decodeWith")}(${codecName}, wire);`],
    },
    {
      kind: StructureKind.Function,
      name: ctx.names.fromJSON,
      isExported: true,
      docs: jsDoc(
        `Reads JSON text as {@link ${type}}, as {@link ${ctx.names.parse}} reads parsed JSON; text that is no JSON is an issue.`,
      ),
      parameters: [{ name: "text", type: "string" }],
      returnType: result,
      statements: [`return ${runtime(ctx, "decodeJSON")}(${codecName}, text);`],
    },
    {
      kind: StructureKind.Function,
      name: ctx.names.toWire,
      isExported: true,
      docs: jsDoc(
        `The wire form of a valid {@link ${type}}: what \`JSON.stringify\` should get${asStrings ? ` (${asStrings})` : ""}.`,
      ),
      parameters: [{ name: "value", type }],
      returnType: wire,
      statements: [`return ${codecName}.encode(value);`],
    },
    {
      kind: StructureKind.Function,
      name: ctx.names.toJSON,
      isExported: true,
      docs: jsDoc(`A valid {@link ${type}} as JSON text; {@link ${ctx.names.fromJSON}} reads it back.`),
      parameters: [{ name: "value", type }],
      returnType: "string",
      statements: [`return JSON.stringify(${codecName}.encode(value));`],
    },
  ];
}

/** The codec, bounded in depth when the model is recursive (a cycle or a hostile depth must not overflow the stack). */
function codecInitializer(ctx: ModuleContext, codec: string): string {
  if (!isRecursive(ctx)) return `/* @__PURE__ */ ${codec}`;
  return `/* @__PURE__ */ ${runtime(ctx, "boundedCodec")}(/* @__PURE__ */ ${codec}, ${stringLiteral(ctx.names.type)})`;
}
