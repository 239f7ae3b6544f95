/**
 * Which fields may hold `null`, most specific first: a config override (`nullable`,
 * `notNullable`), then what the doc says (`*string* | *null*`; other dialects say more),
 * then the `nulls` policy for the fields whose doc does not say. Under the policy the docs'
 * own examples are evidence too: a field an example sets to `null` is nullable unless the
 * policy is `none`.
 */
import type { NullPolicy } from "../config/defaults.js";
import { typeNameOf } from "../shared/names.js";
import type { ModelSet } from "./resolve.js";
import { walkExample } from "./example-walk.js";
import { WIRE_EVIDENCE } from "./wire-names.js";
import { examplesOf } from "./examples.js";
import type { ExampleValue, ResolvedField, ResolvedModel, ResolvedType } from "./types.js";

export type { NullPolicy };

export interface NullOptions {
  nulls: NullPolicy;
  /** `Model.field` names that may hold null, and that may not, whatever else says so. */
  nullable: readonly string[];
  notNullable: readonly string[];
}

/** What inference decided: the models, the override names that name no field, and each doc's evidence. */
export interface Nullability {
  models: ModelSet;
  unmatched: string[];
  /** Per doc path, the fields (`path#field`) its examples set to null, sorted; only docs that set some. */
  evidenceBy: Map<string, string[]>;
}

/**
 * The models with `nullable` decided on every field. `outside` is evidence from docs that are
 * not among `models` (a run that reads only some docs passes what the others gave before).
 */
export function inferNullability(models: ModelSet, options: NullOptions, outside: Iterable<string> = []): Nullability {
  const evidence = new Set<string>(
    options.nulls === "none" ? [] : [...outside].filter((key) => !key.includes(WIRE_EVIDENCE)),
  );
  const evidenceBy = new Map<string, string[]>();
  if (options.nulls !== "none") {
    for (const model of models.models) {
      const own = new Set<string>();
      for (const [value, type] of examplesOf(model)) walkNulls(value, type, models, own);
      // A field whose own Example cell is `null` may hold it.
      if (model.body.kind === "object")
        for (const field of model.body.fields)
          if (field.example?.text.trim() === "null") own.add(fieldKey(model.path, field.name));
      if (own.size > 0) evidenceBy.set(model.path, [...own].sort());
      for (const key of own) evidence.add(key);
    }
  }
  const overrides = new Map<string, boolean>([
    ...options.notNullable.map((name) => [name, false] as const),
    ...options.nullable.map((name) => [name, true] as const),
  ]);
  const matched = new Set<string>();
  const withNulls = models.models.map((model): ResolvedModel => {
    if (model.body.kind !== "object") return model;
    const fields = model.body.fields.map((field): ResolvedField => {
      const override = [`${model.name}.${field.name}`, `${typeNameOf(model)}.${field.name}`].find((name) =>
        overrides.has(name),
      );
      if (override !== undefined) matched.add(override);
      const nullable =
        override !== undefined
          ? overrides.get(override)!
          : field.nullability !== "unknown"
            ? field.nullability === "yes"
            : options.nulls !== "none" &&
              (evidence.has(fieldKey(model.path, field.name)) || (options.nulls === "optional" && !field.required));
      return nullable === field.nullable ? field : { ...field, nullable };
    });
    return { ...model, body: { ...model.body, fields } };
  });
  const unmatched = [...overrides.keys()].filter((name) => !matched.has(name));
  return {
    models: { models: withNulls, byPath: new Map(withNulls.map((model) => [model.path, model])) },
    unmatched,
    evidenceBy,
  };
}

function fieldKey(path: string, field: string): string {
  return `${path}#${field}`;
}

/** Records each model field that `value` sets to null; unions are walked through every member. */
function walkNulls(value: ExampleValue, type: ResolvedType, models: ModelSet, evidence: Set<string>): void {
  walkExample(value, type, models, (target, fields, key, item) => {
    // An example's keys are wire names.
    const field = fields.find((candidate) => (candidate.wireName ?? candidate.name) === key);
    if (field && item.kind === "null") evidence.add(fieldKey(target.path, field.name));
    return field;
  });
}
