/**
 * Boolean conditions of generated code, kept as data until they are printed: a guard can be
 * negated or joined with another test without re-reading generated text.
 */

export type Condition =
  /** Always true: a type such as `unknown` that needs no check. */
  | { kind: "true" }
  /** `left === right`, `left != right`…: negated by flipping the operator. */
  | { kind: "compare"; left: string; equal: boolean; loose: boolean; right: string }
  /** A call such as `isFoo(value)`: negated as `!isFoo(value)`. */
  | { kind: "call"; text: string }
  | { kind: "not"; of: Condition }
  | { kind: "or"; items: readonly Condition[] }
  | { kind: "and"; items: readonly Condition[] };

export const TRUE: Condition = { kind: "true" };

/** `left === right`. */
export function equals(left: string, right: string): Condition {
  return { kind: "compare", left, equal: true, loose: false, right };
}

/** `left !== right`. */
export function differs(left: string, right: string): Condition {
  return { kind: "compare", left, equal: false, loose: false, right };
}

/** `value != null`: neither `null` nor `undefined`. */
export function isPresent(value: string): Condition {
  return { kind: "compare", left: value, equal: false, loose: true, right: "null" };
}

export function call(text: string): Condition {
  return { kind: "call", text };
}

/** `a || b || …`; one item is itself. */
export function anyOf(items: readonly Condition[]): Condition {
  return items.length === 1 ? items[0]! : { kind: "or", items };
}

/** `a && b && …`, leaving out what is always true. */
export function allOf(items: readonly Condition[]): Condition {
  const needed = items.filter((item) => item.kind !== "true");
  return needed.length === 0 ? TRUE : needed.length === 1 ? needed[0]! : { kind: "and", items: needed };
}

/** The opposite condition, written as directly as it can be (`a !== b`, `!isFoo(a)`). */
export function negate(condition: Condition): Condition {
  switch (condition.kind) {
    case "compare":
      return { ...condition, equal: !condition.equal };
    case "not":
      return condition.of;
    default:
      return { kind: "not", of: condition };
  }
}

export function isAlwaysTrue(condition: Condition): boolean {
  return condition.kind === "true";
}

/** An `if` statement: `if (condition) then`. */
export function ifThen(condition: Condition, then: string): string {
  return `if (${render(condition)}) ${then}`;
}

/** The condition as TypeScript; parenthesised wherever it sits inside another. */
export function render(condition: Condition): string {
  switch (condition.kind) {
    case "true":
      return "true";
    case "compare":
      return `${condition.left} ${condition.equal ? "=" : "!"}=${condition.loose ? "" : "="} ${condition.right}`;
    case "call":
      return condition.text;
    case "not":
      return condition.of.kind === "call" ? `!${condition.of.text}` : `!(${render(condition.of)})`;
    case "or":
      return `(${condition.items.map(render).join(" || ")})`;
    case "and":
      // An `or` prints its own parentheses; `&&` binds tighter than everything else here.
      return condition.items.map(render).join(" && ");
  }
}
