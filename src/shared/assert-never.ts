/** Ends an exhaustive `switch`: a new IR kind without a case is a compile error. */
export function assertNever(value: never): never {
  throw new Error(`unexpected IR node: ${JSON.stringify(value)}`);
}
