/** Values as TypeScript literals: the literals of types and enums, and examples. */
import type { ExampleValue } from "../../ir/types.js";
import { assertNever } from "../../shared/assert-never.js";
import { stringLiteral } from "../escape.js";
import { literalKey } from "../naming.js";

/** A string, number or boolean as a TypeScript literal. */
export function literalText(value: string | number | boolean): string {
  return typeof value === "string" ? stringLiteral(value) : String(value);
}

/** An example value as a TypeScript expression; `rfcDate` names the runtime's `RFCDate` where the expression needs it. */
export function exampleLiteral(value: ExampleValue, rfcDate: () => string = () => "RFCDate"): string {
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
    case "rfcDate":
      return `new ${rfcDate()}(${stringLiteral(value.value)})`;
    case "array":
      return `[${value.items.map((item) => exampleLiteral(item, rfcDate)).join(", ")}]`;
    case "object":
      return `{ ${value.entries.map(([key, item]) => `${literalKey(key)}: ${exampleLiteral(item, rfcDate)}`).join(", ")} }`;
    default:
      return assertNever(value);
  }
}
