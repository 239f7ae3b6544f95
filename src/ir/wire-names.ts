/**
 * Wire names the examples show. Go and C# docs name fields as their SDK does (`CreatedAt`), never
 * as JSON does; the JSON examples of other fields do (`{"created_at": …}`). A key that is a field's
 * name but for case and separators (`created_at` for `createdAt`) is that field's wire name, when
 * every example that shows the field agrees.
 */
import type { ModelSet } from "./resolve.js";
import { walkExample } from "./example-walk.js";
import type { ExampleValue, ResolvedField, ResolvedModel, ResolvedType } from "./types.js";
import { examplesOf } from "./examples.js";

/** What inference decided: the models with wire names set, and each doc's evidence (`path#field\twire`, sorted). */
export interface WireNames {
  models: ModelSet;
  evidenceBy: Map<string, string[]>;
}

/** Separates a field from the wire name an example shows for it in an evidence key. */
export const WIRE_EVIDENCE = "\t";

/**
 * The models with the wire names their examples show set on the fields without one. `outside`
 * is evidence from docs not among `models` (a run that reads only some docs).
 */
export function inferWireNames(models: ModelSet, outside: Iterable<string> = []): WireNames {
  const evidence = new Set<string>([...outside].filter((key) => key.includes(WIRE_EVIDENCE)));
  const evidenceBy = new Map<string, string[]>();
  for (const model of models.models) {
    const own = new Set<string>();
    for (const [value, type] of examplesOf(model)) walkWires(value, type, models, own);
    if (own.size > 0) evidenceBy.set(model.path, [...own].sort());
    for (const key of own) evidence.add(key);
  }
  if (evidence.size === 0) return { models, evidenceBy };
  // A field two examples name differently keeps its own name: the docs do not say which is right.
  const wires = new Map<string, string | null>();
  for (const key of evidence) {
    const [field, wire] = key.split(WIRE_EVIDENCE) as [string, string];
    const earlier = wires.get(field);
    wires.set(field, earlier === undefined || earlier === wire ? wire : null);
  }
  const named = models.models.map((model): ResolvedModel => {
    if (model.body.kind !== "object") return model;
    let changed = false;
    const fields = model.body.fields.map((field): ResolvedField => {
      const wire = field.wireName === undefined ? wires.get(`${model.path}#${field.name}`) : undefined;
      if (
        wire === undefined ||
        wire === null ||
        model.body.kind !== "object" ||
        clashes(model.body.fields, field, wire)
      )
        return field;
      changed = true;
      return { ...field, wireName: wire };
    });
    return changed ? { ...model, body: { ...model.body, fields } } : model;
  });
  return { models: { models: named, byPath: new Map(named.map((model) => [model.path, model])) }, evidenceBy };
}

/** A wire name that is another field's name or wire name would make two fields one key. */
function clashes(fields: readonly ResolvedField[], field: ResolvedField, wire: string): boolean {
  return fields.some((other) => other !== field && (other.name === wire || other.wireName === wire));
}

/** `created_at`, `createdAt` and `CreatedAt` are one name but for case and separators. */
function folded(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
}

/** Records the wire names `value` shows for the fields of the objects `type` reaches. */
function walkWires(value: ExampleValue, type: ResolvedType, models: ModelSet, evidence: Set<string>): void {
  walkExample(value, type, models, (target, fields, key) => {
    const exact = fields.find((field) => field.name === key || field.wireName === key);
    const field =
      exact ?? fields.find((candidate) => candidate.wireName === undefined && folded(candidate.name) === folded(key));
    if (field && !exact) evidence.add(`${target.path}#${field.name}${WIRE_EVIDENCE}${key}`);
    return field;
  });
}
