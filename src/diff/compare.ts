/**
 * `diffModels`: every change between the models of two docs trees, each with its rule, its
 * place (the new doc's, or the old doc's for what was removed) and a message. A pure function
 * over the IR: models are matched by doc path, fields by name, enum values by value, union
 * members by structure.
 */
import { findDiscriminator } from "../ir/discriminator.js";
import { describeType, readModelExamples } from "../ir/examples.js";
import { namesOf } from "../shared/names.js";
import type { ModelSet } from "../ir/resolve.js";
import type { EnumModel, ResolvedField, ResolvedModel, ResolvedType, UnionModel } from "../ir/types.js";
import type { Point } from "../shared/position.js";
import { relate, sameShape, type Relation, type Sides } from "./relation.js";
import { RULES, type RuleId } from "./rules.js";

export interface Change {
  rule: RuleId;
  /** The doc path (inside the input folder) of the side the place is on. */
  docPath: string;
  /** `head` for the new docs, `base` for the old ones (a removal). */
  side: "base" | "head";
  line: number;
  column: number;
  /** The model's name, and the field's when the change is a field's. */
  model: string;
  field?: string;
  message: string;
  /** A "did you rename?" hint. */
  hint?: string;
}

/** Every change from `base` to `head`, sorted by doc path and place; `examples: false` when the output exports no typed examples, whose loss then breaks nothing. */
export function diffModels(base: ModelSet, head: ModelSet, { examples = true }: { examples?: boolean } = {}): Change[] {
  const sides: Sides = { base, head };
  const changes: Change[] = [];
  const removed = base.models.filter((model) => !head.byPath.has(model.path));
  const added = head.models.filter((model) => !base.byPath.has(model.path));
  for (const model of removed) {
    const twin = added.find((other) => sameShape(model, other, sides));
    changes.push({
      ...at(model, "base", model.position.start),
      rule: "model-removed",
      message: `${model.name} was removed`,
      ...(twin
        ? { hint: `did you rename ${model.name} (${model.path}) to ${twin.name} (${twin.path})? Their shapes match` }
        : {}),
    });
  }
  for (const model of added)
    changes.push({
      ...at(model, "head", model.position.start),
      rule: "model-added",
      message: `${model.name} was added`,
    });
  for (const after of head.models) {
    const before = base.byPath.get(after.path);
    if (before) changes.push(...modelChanges(before, after, sides, examples));
  }
  return changes.sort(byPlace);
}

function modelChanges(before: ResolvedModel, after: ResolvedModel, sides: Sides, examples: boolean): Change[] {
  const here = at(after, "head", after.position.start);
  const changes: Change[] = [];
  if (before.description.trim() !== after.description.trim())
    changes.push({ ...here, rule: "description-changed", message: `${after.name}: the description changed` });
  const [a, b] = [before.body, after.body];
  if (a.kind !== b.kind)
    return [
      ...changes,
      {
        ...here,
        rule: "model-kind-changed",
        message: `${after.name} was ${article(a.kind)} and is now ${article(b.kind)}`,
      },
    ];
  if (a.kind === "object" && b.kind === "object")
    changes.push(...fieldChanges(before, a.fields, after, b.fields, sides));
  if (a.kind === "enum" && b.kind === "enum") changes.push(...enumChanges(before, a, after, b));
  if (a.kind === "union" && b.kind === "union") changes.push(...unionChanges(before, a, after, b, sides));
  // The example is an export of its own: code that imports it breaks when it goes.
  if (examples && readModelExamples(before, sides.base).model && !readModelExamples(after, sides.head).model) {
    changes.push({
      ...here,
      rule: "example-removed",
      message: `${after.name}: ${namesOf(after).example} is no longer exported (the doc's example no longer fits the model, or no longer covers every required field)`,
    });
  }
  return changes;
}

function fieldChanges(
  before: ResolvedModel,
  old: readonly ResolvedField[],
  after: ResolvedModel,
  now: readonly ResolvedField[],
  sides: Sides,
): Change[] {
  const changes: Change[] = [];
  const oldByName = new Map(old.map((field) => [field.name, field]));
  const nowByName = new Map(now.map((field) => [field.name, field]));
  const gone = old.filter((field) => !nowByName.has(field.name));
  const fresh = now.filter((field) => !oldByName.has(field.name));
  for (const field of gone) {
    const twin = fresh.find(
      (other) => other.required === field.required && relate(field.type, other.type, sides) === "same",
    );
    changes.push({
      ...at(before, "base", field.position.start, field.name),
      rule: "field-removed",
      message: `${before.name}.${field.name} was removed`,
      ...(twin ? { hint: `did you rename ${field.name} to ${twin.name}? Their types match` } : {}),
    });
  }
  for (const field of fresh) {
    const required = field.required;
    changes.push({
      ...at(after, "head", field.position.start, field.name),
      rule: required ? "field-added-required" : "field-added",
      message: `${after.name}.${field.name} was added${required ? " as required" : ""}: ${typeText(field)}`,
    });
  }
  for (const field of now) {
    const was = oldByName.get(field.name);
    if (!was) continue;
    const here = at(after, "head", field.position.start, field.name);
    const name = `${after.name}.${field.name}`;
    // Where the docs leave null unsaid, the nulls policy derives it from Required: one edit, one change.
    const nullFollows =
      was.nullable !== field.nullable &&
      was.nullability === "unknown" &&
      field.nullability === "unknown" &&
      was.required !== field.required;
    if (was.required !== field.required) {
      const nulls = nullFollows ? (field.nullable ? " and may be null" : " and may no longer be null") : "";
      changes.push({
        ...here,
        rule: field.required ? "field-made-required" : "field-made-optional",
        message: `${name} is now ${field.required ? "required" : "optional"}${nulls}`,
      });
    }
    if (was.nullable !== field.nullable && !nullFollows)
      changes.push({
        ...here,
        rule: field.nullable ? "field-made-nullable" : "field-made-non-nullable",
        message: `${name} ${field.nullable ? "may now be null" : "may no longer be null"}`,
      });
    const relation = relate(was.type, field.type, sides);
    if (relation !== "same")
      changes.push({
        ...here,
        rule: TYPE_RULE[relation],
        message: `${name}: ${describeType(was.type)} → ${describeType(field.type)}`,
      });
    if (was.deprecated !== field.deprecated)
      changes.push({
        ...here,
        rule: field.deprecated ? "field-deprecated" : "field-undeprecated",
        message: `${name} is ${field.deprecated ? "deprecated" : "no longer deprecated"}${field.deprecated && field.deprecationNote ? `: ${field.deprecationNote}` : ""}`,
      });
    if (was.description.trim() !== field.description.trim())
      changes.push({ ...here, rule: "description-changed", message: `${name}: the description changed` });
  }
  return changes;
}

const TYPE_RULE: Record<Exclude<Relation, "same">, RuleId> = {
  wider: "field-type-widened",
  narrower: "field-type-narrowed",
  different: "field-type-changed",
};

function enumChanges(before: ResolvedModel, a: EnumModel, after: ResolvedModel, b: EnumModel): Change[] {
  const changes: Change[] = [];
  if (a.open !== b.open)
    changes.push({
      ...at(after, "head", after.position.start),
      rule: b.open ? "enum-opened" : "enum-closed",
      message: `${after.name} is now ${b.open ? "open (it takes values it does not list)" : "closed (it takes only the values it lists)"}`,
    });
  const oldValues = new Set(a.members.map((member) => member.value));
  const newValues = new Set(b.members.map((member) => member.value));
  for (const member of a.members) {
    if (newValues.has(member.value)) continue;
    changes.push({
      ...at(before, "base", member.position.start),
      rule: a.open && b.open ? "open-enum-value-removed" : "enum-value-removed",
      message: `${before.name} lost the value ${JSON.stringify(member.value)}`,
    });
  }
  for (const member of b.members) {
    if (oldValues.has(member.value)) continue;
    changes.push({
      ...at(after, "head", member.position.start),
      rule: a.open && b.open ? "open-enum-value-added" : "enum-value-added",
      message: `${after.name} gained the value ${JSON.stringify(member.value)}`,
    });
  }
  return changes;
}

function unionChanges(
  before: ResolvedModel,
  a: UnionModel<ResolvedType>,
  after: ResolvedModel,
  b: UnionModel<ResolvedType>,
  sides: Sides,
): Change[] {
  const changes: Change[] = [];
  const matches = (x: ResolvedType, y: ResolvedType) =>
    x.kind === "ref" && y.kind === "ref" ? x.target === y.target : relate(x, y, sides) === "same";
  for (const member of a.members) {
    if (b.members.some((other) => matches(member.type, other.type))) continue;
    changes.push({
      ...at(before, "base", member.position.start),
      rule: "union-member-removed",
      message: `${before.name} lost the member ${describeType(member.type)}`,
    });
  }
  for (const member of b.members) {
    if (a.members.some((other) => matches(other.type, member.type))) continue;
    changes.push({
      ...at(after, "head", member.position.start),
      rule: "union-member-added",
      message: `${after.name} gained the member ${describeType(member.type)}`,
    });
  }
  const was = findDiscriminator(
    a.members.map((member) => member.type),
    sides.base,
  )?.field;
  const now = findDiscriminator(
    b.members.map((member) => member.type),
    sides.head,
  )?.field;
  if (was !== now) {
    const what =
      was === undefined
        ? `is now told apart by "${now}"`
        : now === undefined
          ? `is no longer told apart by "${was}"`
          : `is told apart by "${now}", not "${was}"`;
    changes.push({
      ...at(after, "head", after.position.start),
      rule: "union-discriminator-changed",
      message: `${after.name} ${what}`,
    });
  }
  return changes;
}

function at(
  model: ResolvedModel,
  side: "base" | "head",
  point: Point,
  field?: string,
): Omit<Change, "rule" | "message"> {
  return {
    docPath: model.path,
    side,
    line: point.line,
    column: point.column,
    model: model.name,
    ...(field === undefined ? {} : { field }),
  };
}

function typeText(field: ResolvedField): string {
  return describeType(field.type) + (field.nullable ? " | null" : "");
}

function article(kind: string): string {
  return kind === "enum" ? "an enum" : kind === "object" ? "an object" : "a union";
}

function byPlace(x: Change, y: Change): number {
  // At one place, what went (the old doc) before what came.
  const side = x.side === y.side ? 0 : x.side === "base" ? -1 : 1;
  return (
    compare(x.docPath, y.docPath) ||
    x.line - y.line ||
    x.column - y.column ||
    side ||
    compare(x.rule, y.rule) ||
    compare(x.message, y.message)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether the rule of a change is shown without `--verbose`. */
export function shownByDefault(change: Change): boolean {
  return !("verboseOnly" in RULES[change.rule]);
}
