/** A type expression as TypeScript type text. */
import type { ResolvedField, ResolvedType } from "../../ir/types.js";
import { reaches, refTargets } from "../../ir/refs.js";
import { assertNever } from "../../shared/assert-never.js";
import { refName, runtimeType, type ModuleContext } from "../context.js";
import { stringLiteral } from "../escape.js";

/** The TypeScript type for `type`, importing the models it names. */
export function typeText(type: ResolvedType, ctx: ModuleContext): string {
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean":
    case "null":
      return type.kind;
    case "integer":
      return "number";
    case "bigint":
      return "bigint";
    case "unknown":
      return ctx.options.anyType;
    case "literal":
      return typeof type.value === "string" ? stringLiteral(type.value) : String(type.value);
    case "date":
      return "Date";
    case "rfcDate":
      return runtimeType(ctx, "RFCDate");
    case "platform":
      return type.name;
    case "array": {
      const element = typeText(type.element, ctx);
      return type.element.kind === "union" ? `Array<${element}>` : `${element}[]`;
    }
    case "record": {
      const value = typeText(type.value, ctx);
      return selfReferential(type, ctx) ? `{ [key: string]: ${value} }` : `Record<string, ${value}>`;
    }
    case "union":
      // Each text once: an integer and a number are both `number`.
      return [...new Set(type.members.map((member) => typeText(member, ctx)))].join(" | ");
    case "ref":
      return refName(ctx, type.target, "type");
    case "external":
      // An own key only: `toString` or `__proto__` is no configured type.
      return Object.hasOwn(ctx.options.externalTypes, type.name) ? ctx.options.externalTypes[type.name]! : "unknown";
    default:
      return assertNever(type);
  }
}

/** The TypeScript type of `type`'s wire form: dates as strings, other models as their wire types. */
export function wireTypeText(type: ResolvedType, ctx: ModuleContext): string {
  switch (type.kind) {
    case "date":
    case "rfcDate":
    case "bigint":
      return "string";
    case "array": {
      const element = wireTypeText(type.element, ctx);
      return type.element.kind === "union" ? `Array<${element}>` : `${element}[]`;
    }
    case "record":
      return `{ [key: string]: ${wireTypeText(type.value, ctx)} }`;
    case "union":
      return [...new Set(type.members.map((member) => wireTypeText(member, ctx)))].join(" | ");
    case "ref":
      return refName(ctx, type.target, "wire");
    default:
      return typeText(type, ctx);
  }
}

/**
 * A union's alias may not reach itself through `Record` (TS2456: the mapped type is resolved
 * eagerly), but may through an index signature, which TypeScript defers.
 */
function selfReferential(type: ResolvedType & { kind: "record" }, ctx: ModuleContext): boolean {
  return ctx.model.body.kind === "union" && reaches(ctx.models, refTargets(type.value), ctx.model.path);
}

/** A field's type: its type, or `T | null` when the field is nullable. */
export function fieldTypeText(field: ResolvedField, ctx: ModuleContext): string {
  const text = typeText(field.type, ctx);
  return field.nullable && field.type.kind !== "unknown" ? `${text} | null` : text;
}
