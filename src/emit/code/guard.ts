/**
 * Guards of types: the condition that a value has a type, and a guard function to hand
 * the runtime's `isArrayOf` and `isRecordOf`. Knows types, not model kinds.
 */
import { StructureKind } from "../ts-morph.js";
import type { PlatformTypeName, ResolvedType } from "../../ir/types.js";
import { assertNever } from "../../shared/assert-never.js";
import { refName, runtime, type ModuleContext } from "../context.js";
import { anyOf, call, equals, render, TRUE, type Condition } from "./condition.js";
import { literalText } from "./literal.js";
import { typeText } from "./type-text.js";

/** The runtime guard of each platform type. */
export const PLATFORM_GUARDS: Record<PlatformTypeName, string> = {
  Uint8Array: "isUint8Array",
  "ReadableStream<Uint8Array>": "isReadableStream",
  File: "isFile",
  Blob: "isBlob",
};

/** The condition that `value` (an expression) has type `type`. */
export function guardCondition(type: ResolvedType, value: string, ctx: ModuleContext): Condition {
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean":
      return equals(`typeof ${value}`, `"${type.kind}"`);
    case "integer":
      return call(`Number.isInteger(${value})`);
    case "bigint":
      return equals(`typeof ${value}`, `"bigint"`);
    case "null":
      return equals(value, "null");
    case "unknown":
    case "external":
      return TRUE;
    case "literal":
      return equals(value, literalText(type.value));
    case "date":
      return call(`${runtime(ctx, "isValidDate")}(${value})`);
    case "rfcDate":
      return call(`${runtime(ctx, "isRFCDate")}(${value})`);
    case "platform":
      return call(`${runtime(ctx, PLATFORM_GUARDS[type.name])}(${value})`);
    case "array":
      return call(`${runtime(ctx, "isArrayOf")}(${value}, ${guardFunction(type.element, ctx)})`);
    case "record":
      return call(`${runtime(ctx, "isRecordOf")}(${value}, ${guardFunction(type.value, ctx)})`);
    case "union":
      return anyOf(type.members.map((member) => guardCondition(member, value, ctx)));
    case "ref":
      return call(`${refName(ctx, type.target, "is")}(${value})`);
    default:
      return assertNever(type);
  }
}

/** A type-guard function for `type`: a named guard where one exists, else a module-level helper. */
export function guardFunction(type: ResolvedType, ctx: ModuleContext): string {
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean":
      return runtime(ctx, `is${type.kind.charAt(0).toUpperCase()}${type.kind.slice(1)}`);
    case "integer":
      return runtime(ctx, "isInteger");
    case "bigint":
      return runtime(ctx, "isBigInt");
    case "unknown":
    case "external":
      return runtime(ctx, "isUnknown");
    case "date":
      return runtime(ctx, "isValidDate");
    case "rfcDate":
      return runtime(ctx, "isRFCDate");
    case "platform":
      return runtime(ctx, PLATFORM_GUARDS[type.name]);
    case "ref":
      return refName(ctx, type.target, "is");
    default:
      return helperGuard(type, ctx);
  }
}

/** A module-level guard for a nested type such as `string[][]`, made once per module. */
function helperGuard(type: ResolvedType, ctx: ModuleContext): string {
  const text = typeText(type, ctx);
  const body = render(guardCondition(type, "value", ctx));
  const key = `${text}\n${body}`;
  const existing = ctx.helpers.get(key);
  if (existing) return existing.name;
  const name = `${ctx.names.is}Part${ctx.helpers.size + 1}`;
  ctx.helpers.set(key, {
    kind: StructureKind.Function,
    name,
    parameters: [{ name: "value", type: "unknown" }],
    returnType: `value is ${text}`,
    statements: [`return ${body};`],
  });
  return name;
}

/** Types one guard condition checks whole, with no nested issues to collect. */
export function isLeaf(type: ResolvedType): boolean {
  return !["ref", "array", "record", "unknown", "external"].includes(type.kind);
}
