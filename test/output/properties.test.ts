/**
 * Property tests of the committed validators and builders: arbitraries are derived from
 * each seed model's IR, so they follow the docs, not the generated code under test.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as api from "../../generated/index.js";
import { DEFAULT_CONFIG } from "../../src/config/defaults.js";
import { namesOf } from "../../src/shared/names.js";
import { readModels } from "../../src/pipeline/read-models.js";
import { loadDocs } from "../../src/io/load-docs.js";
import type { ModelSet } from "../../src/ir/resolve.js";
import { validModel as validOf, wrong as wrongOf, type ValueOptions } from "../helpers/arbitraries.js";

const { models } = readModels(await loadDocs("seeds"), DEFAULT_CONFIG);
const options: ValueOptions = { RFCDate: api.RFCDate };
const validModel = (model: (typeof models.models)[number], set: ModelSet, depth: number) =>
  validOf(model, set, options, depth);
const wrong = wrongOf;
const exports = api as unknown as Record<string, unknown>;
type Result = { ok: boolean; issues?: ReadonlyArray<{ path: readonly (string | number)[] }> };

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
