/**
 * Property tests of the committed validators and builders: arbitraries are derived from
 * each seed model's IR, so they follow the docs, not the generated code under test.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as api from "../generated/index.js";
import { DEFAULT_CONFIG } from "../src/config/defaults.js";
import { namesOf } from "../src/shared/names.js";
import { readModels } from "../src/pipeline/read-models.js";
import { loadDocs } from "../src/io/load-docs.js";
import type { ModelSet } from "../src/ir/resolve.js";
import type { ResolvedField as Field, ResolvedModel as ModelDoc, ResolvedType as TypeExpr } from "../src/ir/types.js";

const { models } = readModels(await loadDocs("seeds"), DEFAULT_CONFIG);
const exports = api as unknown as Record<string, unknown>;
type Result = { ok: boolean; issues?: ReadonlyArray<{ path: readonly (string | number)[] }> };

/** Past this depth, recursive models stop nesting: arrays are empty, optional fields absent. */
const MAX_DEPTH = 3;

/** Valid values of `type`, as the doc describes it. */
function valid(type: TypeExpr, set: ModelSet, depth = 0): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case "string":
      return fc.string();
    case "number":
      return fc.double();
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "unknown":
    case "external":
      return fc.jsonValue();
    case "literal":
      return fc.constant(type.value);
    case "date":
      return fc.date({ noInvalidDate: true });
    case "rfcDate":
      return fc
        .date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10));
    case "platform":
      return type.name === "Uint8Array"
        ? fc.uint8Array({ maxLength: 8 })
        : type.name === "ReadableStream<Uint8Array>"
          ? fc.constant(new ReadableStream())
          : fc.constant(new File(["x"], "x.txt"));
    case "array":
      return depth >= MAX_DEPTH ? fc.constant([]) : fc.array(valid(type.element, set, depth + 1), { maxLength: 3 });
    case "record":
      return fc.dictionary(fc.string(), valid(type.value, set, depth + 1), { maxKeys: depth >= MAX_DEPTH ? 0 : 3 });
    case "union":
      return fc.oneof(...type.members.map((member) => valid(member, set, depth + 1)));
    case "ref":
      return validModel(set.byPath.get(type.target)!, set, depth + 1);
  }
}

function validModel(model: ModelDoc, set: ModelSet, depth: number): fc.Arbitrary<unknown> {
  const body = model.body;
  switch (body.kind) {
    case "enum": {
      const known = fc.constantFrom(...body.members.map((member) => member.value));
      return body.open ? fc.oneof(known, fc.string()) : known;
    }
    case "union":
      return fc.oneof(...body.members.map((member) => valid(member.type, set, depth)));
    case "object": {
      const fields = body.fields.filter((field) => field.required || depth < MAX_DEPTH);
      const shape = Object.fromEntries(fields.map((field) => [field.name, validField(field, set, depth)]));
      return fc.record(shape, { requiredKeys: fields.filter((field) => field.required).map((field) => field.name) });
    }
  }
}

function validField(field: Field, set: ModelSet, depth: number): fc.Arbitrary<unknown> {
  const value = valid(field.type, set, depth);
  return field.nullable ? fc.option(value, { nil: null }) : value;
}

/** Values that no doc type of this kind accepts. */
function wrong(type: TypeExpr, set: ModelSet): fc.Arbitrary<unknown> {
  const symbol = fc.constant(Symbol("wrong"));
  switch (type.kind) {
    case "string":
    case "rfcDate":
      return fc.oneof(fc.integer(), fc.boolean(), symbol);
    case "number":
      return fc.oneof(fc.string(), fc.boolean(), symbol);
    case "boolean":
      return fc.oneof(fc.string(), fc.integer(), symbol);
    case "date":
      return fc.oneof(fc.string(), fc.integer(), fc.constant(new Date(Number.NaN)));
    case "array":
      return fc.oneof(fc.string(), fc.integer(), fc.constant({}));
    case "record":
      return fc.oneof(fc.string(), fc.integer(), fc.constant([1]));
    case "ref": {
      const target = set.byPath.get(type.target)!;
      return target.body.kind === "object" ? fc.oneof(fc.string(), fc.integer(), fc.constant([])) : fc.oneof(fc.integer(), symbol);
    }
    default:
      return symbol;
  }
}

const objectModels = models.models.filter((model) => model.body.kind === "object");

describe.each(models.models.map((model) => [namesOf(model).type, model] as const))("%s", (_, model) => {
  const names = namesOf(model);
  const is = exports[names.is] as (value: unknown) => boolean;
  const validate = exports[names.validate] as (value: unknown) => Result;
  const arbitrary = validModel(model, models, 0);

  test("accepts every valid value", () => {
    fc.assert(
      fc.property(arbitrary, (value) => {
        expect(is(value)).toBe(true);
        expect(validate(value)).toEqual({ ok: true, value });
      }),
    );
  });

  if (model.body.kind !== "object") return;
  const fields = model.body.fields.filter((field) => field.type.kind !== "unknown");

  test("rejects a single field of the wrong type, with that field's path", () => {
    const mutation = fc
      .constantFrom(...fields)
      .chain((field) => fc.tuple(arbitrary, fc.constant(field), wrong(field.type, models)));
    fc.assert(
      fc.property(mutation, ([value, field, bad]) => {
        const mutated = { ...(value as object), [field.name]: bad };
        const result = validate(mutated);
        expect(is(mutated)).toBe(false);
        expect(result.ok).toBe(false);
        expect(result.issues!.length).toBeGreaterThan(0);
        for (const issue of result.issues!) expect(issue.path[0]).toBe(field.name);
      }),
    );
  });

  test("builder round-trips: from(value).build() and one setter per field", () => {
    const Builder = exports[names.builder] as {
      new (): Record<string, (value: unknown) => unknown> & { build(): unknown };
      from(value: unknown): { build(): unknown };
    };
    fc.assert(
      fc.property(arbitrary, (value) => {
        expect(Builder.from(value).build()).toEqual(value);
        let builder = new Builder();
        for (const [key, item] of Object.entries(value as object)) {
          builder = builder[key === "build" ? "setBuild" : key]!(item) as typeof builder;
        }
        const built = builder.build();
        expect(built).toEqual(value);
        expect(built).not.toBe(value);
      }),
    );
  });
});

test("every object seed is covered", () => {
  expect(objectModels.length).toBe(8);
});
