/**
 * Codecs of types: the expression of the runtime codec that reads a type from its wire form
 * (parsed JSON) and writes it back. Knows types, not model kinds.
 */
import { describeType } from "../../ir/examples.js";
import type { ResolvedType } from "../../ir/types.js";
import { assertNever } from "../../shared/assert-never.js";
import { refName, runtime, type ModuleContext } from "../context.js";
import { stringLiteral } from "../escape.js";
import { PLATFORM_GUARDS } from "./guard.js";
import { literalText } from "./literal.js";

/** The codec of `type`, as an expression; codecs of other models are their modules' `XCodec`. */
export function codecExpr(type: ResolvedType, ctx: ModuleContext): string {
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean":
      return runtime(ctx, `${type.kind}Codec`);
    case "integer":
      return runtime(ctx, "integerCodec");
    case "bigint":
      return runtime(ctx, "bigintCodec");
    case "null":
      return runtime(ctx, "nullCodec");
    case "unknown":
    case "external":
      return runtime(ctx, "unknownCodec");
    case "literal":
      return `${runtime(ctx, "literalCodec")}(${literalText(type.value)})`;
    case "date":
      return runtime(ctx, "dateTimeCodec");
    case "rfcDate":
      return runtime(ctx, "rfcDateCodec");
    case "platform":
      // Binary values have no JSON form: a value the platform type accepts passes as it is.
      return `${runtime(ctx, "leafCodec")}(${runtime(ctx, PLATFORM_GUARDS[type.name])}, ${stringLiteral(type.name)})`;
    case "array":
      return `${runtime(ctx, "arrayCodec")}(${codecExpr(type.element, ctx)}, ${stringLiteral(describeType(type))})`;
    case "record":
      return `${runtime(ctx, "recordCodec")}(${codecExpr(type.value, ctx)}, ${stringLiteral(describeType(type))})`;
    case "union":
      return unionCodecExpr(type.members, ctx);
    case "ref":
      return refName(ctx, type.target, "codec");
    default:
      return assertNever(type);
  }
}

/**
 * A union of types: each member by its codec, the first that reads the value without an
 * issue; `typeArguments` (`<Foo, FooWire>`) and a discriminator (an expression) where the
 * union is a model.
 */
export function unionCodecExpr(
  members: readonly ResolvedType[],
  ctx: ModuleContext,
  typeArguments = "",
  discriminator?: string,
): string {
  // Without a discriminator, the first member that reads a value wins: the members whose wire
  // form says more come first (a date-time string is a Date where the union has one, not a
  // string), and one that takes anything comes last. A discriminator points at members by index.
  const order = discriminator ? members : [...members].sort((a, b) => specificity(a) - specificity(b));
  const named = order.map((member) => `[${stringLiteral(describeType(member))}, ${codecExpr(member, ctx)}]`);
  const expected = stringLiteral(members.map(describeType).join(" | "));
  return `${runtime(ctx, "unionCodec")}${typeArguments}(${expected}, [${named.join(", ")}]${discriminator ? `, ${discriminator}` : ""})`;
}

/** How much a wire value must look like to be read as `type`: lower reads first. */
function specificity(type: ResolvedType): number {
  switch (type.kind) {
    case "null":
    case "literal":
      return 0;
    case "date":
    case "rfcDate":
    case "bigint":
      return 1;
    case "ref":
    case "array":
    case "record":
    case "platform":
    case "union":
      return 2;
    case "integer":
      return 2.5; // before `number`, so a union of both reads 3 as the integer it is
    case "string":
    case "number":
    case "boolean":
      return 3;
    case "unknown":
    case "external":
      return 4;
    default:
      return assertNever(type);
  }
}
