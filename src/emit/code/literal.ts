/** Values as TypeScript literals: the literals of types and enums, and examples. */
import type { ExampleValue } from "../../ir/types.js";
import { assertNever } from "../../shared/assert-never.js";
import { stringLiteral } from "../escape.js";
import { literalKey } from "../naming.js";

/** A string, number or boolean as a TypeScript literal. */
export function literalText(value: string | number | boolean): string {
  return typeof value === "string" ? stringLiteral(value) : String(value);
}

/** How an example is written: `rfcDate` names the runtime's `RFCDate`; `pure` marks each `new` pure, for code (not for doc text). */
export interface LiteralOptions {
  rfcDate?: () => string;
  pure?: boolean;
}

/** An example value as a TypeScript expression. */
export function exampleLiteral(value: ExampleValue, options: LiteralOptions = {}): string {
  // A bundler cannot tell that `new Date(…)` has no side effects; the mark lets it drop an unused example.
  const construct = (constructor: string, argument: string) =>
    `${options.pure ? "/* @__PURE__ */ " : ""}new ${constructor}(${stringLiteral(argument)})`;
  switch (value.kind) {
    case "string":
      return stringLiteral(value.value);
    case "number":
      return Object.is(value.value, -0) ? "-0" : String(value.value);
    case "boolean":
      return String(value.value);
    case "bigint":
      return `${value.value}n`;
    case "null":
      return "null";
    case "date":
      return construct("Date", value.iso);
    case "rfcDate":
      return construct(options.rfcDate?.() ?? "RFCDate", value.value);
    case "array":
      return `[${value.items.map((item) => exampleLiteral(item, options)).join(", ")}]`;
    case "object":
      return `{ ${value.entries.map(([key, item]) => `${literalKey(key)}: ${exampleLiteral(item, options)}`).join(", ")} }`;
    default:
      return assertNever(value);
  }
}
