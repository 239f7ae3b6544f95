/**
 * The wire round trip, for every model of the seeds (the committed generated/) and of every
 * fixture (generated into a temporary folder): values derived from the IR survive toWire →
 * JSON text → parse and come back equal; one-leaf mutants of the wire form are rejected with
 * the leaf's path; unknown keys never reach a parsed value; parsing never changes its input.
 */
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import type { ModelSet } from "../../src/ir/resolve.js";
import type { ResolvedModel, ResolvedType } from "../../src/ir/types.js";
import { namesOf } from "../../src/shared/names.js";
import { reachesBinary, validModel, type ValueOptions } from "../helpers/arbitraries.js";
import { moduleOf, sampleOf, testOutputs, workFolder } from "../helpers/outputs.js";
import { mutableLeaves, withValueAt } from "../helpers/wire-mutants.js";

type Result = {
  ok: boolean;
  value?: unknown;
  issues?: ReadonlyArray<{ path: readonly (string | number)[]; pathText: string }>;
};

const outputs = await testOutputs(await workFolder("wire"));

/** A copy of `wire` with an extra key on every object of an object model. */
function withExtraKeys(type: ResolvedType, wire: unknown, set: ModelSet): unknown {
  switch (type.kind) {
    case "array":
      return Array.isArray(wire) ? wire.map((item) => withExtraKeys(type.element, item, set)) : wire;
    case "record":
      return wire !== null && typeof wire === "object"
        ? Object.fromEntries(Object.entries(wire).map(([key, item]) => [key, withExtraKeys(type.value, item, set)]))
        : wire;
    case "ref": {
      const model = set.byPath.get(type.target)!;
      if (model.body.kind !== "object" || wire === null || typeof wire !== "object") return wire;
      const copy: Record<string, unknown> = { ...wire, __mdmodel_extra__: { secret: "hunter2" } };
      for (const field of model.body.fields) {
        const key = field.wireName ?? field.name;
        if (!Object.hasOwn(copy, key)) continue;
        Object.defineProperty(copy, key, {
          value: withExtraKeys(field.type, copy[key], set),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return copy;
    }
    default:
      return wire;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

function containsKey(value: unknown, key: string): boolean {
  if (value === null || typeof value !== "object") return false;
  if (Object.hasOwn(value, key)) return true;
  return Object.values(value).some((item) => containsKey(item, key));
}

let checked = 0;
afterAll(() => {
  // The property tests cannot pass by testing nothing: most models of every folder were tried.
  expect(checked).toBeGreaterThan(35);
});

describe.each(outputs)("$name", async ({ name, models, out }) => {
  // A corpus has a thousand models: fewer values each keep the run short.
  const runs = name === "MDMODEL_CORPUS" ? 8 : 40;
  const runtime = (await import(join(out, "runtime.ts"))) as Record<string, unknown>;
  const options: ValueOptions = { RFCDate: runtime["RFCDate"] as ValueOptions["RFCDate"], json: true };
  const tried = sampleOf(
    name,
    models.models.filter((model) => !reachesBinary({ kind: "ref", name: model.name, target: model.path }, models)),
  );
  test.each(tried.map((model) => [model.path, model] as const))(
    "%s: the wire round trip",
    async (_name, model: ResolvedModel) => {
      checked += 1;
      const names = namesOf(model);
      const api = await moduleOf(out, model);
      const toWire = api[names.toWire] as (value: unknown) => unknown;
      const parse = api[names.parse] as (wire: unknown) => Result;
      const fromJSON = api[names.fromJSON] as (text: string) => Result;
      const toJSON = api[names.toJSON] as (value: unknown) => string;
      const validate = api[names.validate] as (value: unknown) => Result;
      const self: ResolvedType = { kind: "ref", name: model.name, target: model.path };
      const values = validModel(model, models, options);
      fc.assert(
        fc.property(values, (value) => {
          expect(validate(value).ok).toBe(true);
          const text = JSON.stringify(toWire(value));
          const wire = deepFreeze(JSON.parse(text) as unknown);
          const parsed = parse(wire);
          expect(parsed.ok, JSON.stringify(parsed.issues)).toBe(true);
          expect(parsed.value).toEqual(value);
          expect(validate(parsed.value).ok).toBe(true);
          // The input is frozen and unchanged; the JSON of the parsed value is the JSON it came from.
          expect(JSON.stringify(wire)).toBe(text);
          expect(JSON.stringify(toWire(parsed.value))).toBe(text);
          expect(fromJSON(toJSON(value))).toEqual(parsed);

          // An unknown key on any object never reaches the parsed value.
          const extra = deepFreeze(withExtraKeys(self, JSON.parse(text), models));
          const stripped = parse(extra);
          expect(stripped.ok).toBe(true);
          expect(containsKey(stripped.value, "__mdmodel_extra__")).toBe(false);
          expect(JSON.stringify(toWire(stripped.value))).toBe(text);

          // A wrong value at any leaf is an issue at exactly that leaf's path.
          for (const [path, bad] of mutableLeaves(self, JSON.parse(text), models, [])) {
            if (path.length === 0) continue;
            const result = parse(deepFreeze(withValueAt(JSON.parse(text), path, bad)));
            expect(result.ok, `${JSON.stringify(path)} → ${JSON.stringify(bad)}`).toBe(false);
            expect(result.issues!.map((issue) => issue.path)).toContainEqual(path);
          }
        }),
        { numRuns: runs },
      );
    },
  );
});

test("JSON text that is no JSON is one issue at the root; a Date on the wire is a date-time string", async () => {
  const api = (await import("../../generated/index.js")) as Record<string, unknown>;
  const fromJSON = api["orderFromJSON"] as (text: string) => Result;
  const parse = api["parseOrder"] as (wire: unknown) => Result;
  expect(fromJSON("{ nope")).toMatchObject({ ok: false, issues: [{ pathText: "$", expected: "JSON text" }] });
  const order = JSON.parse(
    JSON.stringify((api["orderToWire"] as (v: unknown) => unknown)(api["orderExample"])),
  ) as Record<string, unknown>;
  expect(parse({ ...order, placedAt: "2024-03-01" })).toMatchObject({
    ok: false,
    issues: [{ pathText: "placedAt", expected: "ISO 8601 date-time string" }],
  });
  expect(parse({ ...order, placedAt: "2024-02-30T10:00:00Z" })).toMatchObject({
    ok: false,
    issues: [{ pathText: "placedAt" }],
  });
  const parsed = parse({ ...order, placedAt: "2024-03-01T09:30:00+02:00" });
  expect(parsed.ok).toBe(true);
  expect((parsed.value as { placedAt: Date }).placedAt.toISOString()).toBe("2024-03-01T07:30:00.000Z");
});
