/**
 * Wrong wire values, derived from the IR: one-leaf mutants (a leaf replaced by a value its type
 * rejects) and any-node mutants (any part of a JSON value replaced, or a key taken out), for
 * the property tests of the parse and of the JSON Schema.
 */
import fc from "fast-check";
import type { ModelSet } from "../../src/ir/resolve.js";
import type { ResolvedType } from "../../src/ir/types.js";

export type WirePath = Array<string | number>;

/** Where a wire value's leaves are, with a value that their type rejects, outside unions and unknown types. */
export function mutableLeaves(
  type: ResolvedType,
  wire: unknown,
  set: ModelSet,
  path: ReadonlyArray<string | number>,
): Array<[WirePath, unknown]> {
  const leaves: Array<[WirePath, unknown]> = [];
  const visit = (t: ResolvedType, value: unknown, at: WirePath) => {
    if (value === null || value === undefined) return;
    switch (t.kind) {
      case "string":
        leaves.push([at, 12345]);
        return;
      case "number":
        leaves.push([at, "not a number"]);
        return;
      case "integer":
        leaves.push([at, 1.5]);
        return;
      case "bigint":
        leaves.push([at, "1.5"]);
        return;
      case "boolean":
        leaves.push([at, "yes"]);
        return;
      case "date":
        leaves.push([at, "not a date"]);
        return;
      case "rfcDate":
        leaves.push([at, "2023-02-30"]);
        return;
      case "literal":
        leaves.push([at, typeof t.value === "string" ? 0 : "not the literal"]);
        return;
      case "array":
        (value as unknown[]).forEach((item, i) => visit(t.element, item, [...at, i]));
        return;
      case "record":
        for (const [key, item] of Object.entries(value)) visit(t.value, item, [...at, key]);
        return;
      case "ref": {
        const model = set.byPath.get(t.target)!;
        if (model.body.kind === "enum" && !model.body.open)
          leaves.push([at, typeof model.body.members[0]?.value === "number" ? -987654321 : "__no_such_member__"]);
        if (model.body.kind === "object") {
          // The wire form names a field as JSON does (`created_at` for `createdAt`).
          for (const field of model.body.fields) {
            const key = field.wireName ?? field.name;
            if (Object.hasOwn(value, key)) visit(field.type, (value as Record<string, unknown>)[key], [...at, key]);
          }
        }
        return;
      }
      default:
        return; // unions, unknown, external, platform: no single wrong value
    }
  };
  visit(type, wire, [...path]);
  return leaves;
}

/** A copy of the JSON value `wire` (through JSON, which keeps a `__proto__` key an own property) with `value` at `path`. */
export function withValueAt(wire: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = JSON.parse(JSON.stringify(wire)) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  Object.defineProperty(parent, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A copy of the JSON value `wire` without the key at `path`. */
function withoutKeyAt(wire: unknown, path: readonly (string | number)[]): unknown {
  const copy = JSON.parse(JSON.stringify(wire)) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  if (Array.isArray(parent)) parent.splice(path.at(-1) as number, 1);
  else delete parent[path.at(-1)!];
  return copy;
}

/** Every path into a JSON value, the root first. */
export function pathsOf(wire: unknown, at: WirePath = []): WirePath[] {
  const paths: WirePath[] = [at];
  if (Array.isArray(wire)) wire.forEach((item, i) => paths.push(...pathsOf(item, [...at, i])));
  else if (wire !== null && typeof wire === "object")
    for (const [key, item] of Object.entries(wire)) paths.push(...pathsOf(item, [...at, key]));
  return paths;
}

/** Values worth putting anywhere: any JSON, and strings at the edges of the date rules. */
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown),
  fc.constantFrom(
    null,
    0,
    -1,
    1.5,
    "",
    true,
    false,
    [],
    {},
    "2024-02-29",
    "2023-02-29",
    "2024-13-01",
    "2024-03-01T09:30:00Z",
    "2024-03-01T09:30:00.123+02:00",
    "2024-03-01T24:00:00Z",
    "2024-03-01 09:30:00Z",
    "2024-02-30T09:30:00Z",
  ),
);

/** A JSON value with one part replaced by another JSON value, or one key or item taken out. */
export function anyNodeMutant(wire: unknown): fc.Arbitrary<{ path: WirePath; mutant: unknown }> {
  const paths = pathsOf(wire);
  return fc.tuple(fc.nat({ max: paths.length - 1 }), fc.boolean(), replacement).map(([index, remove, value]) => {
    const path = paths[index]!;
    return { path, mutant: remove && path.length > 0 ? withoutKeyAt(wire, path) : withValueAt(wire, path, value) };
  });
}
