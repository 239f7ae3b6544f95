/**
 * fast-check arbitraries derived from a model's IR, so property tests follow the docs, not
 * the generated code under test: valid model values, their wire forms, and wrong values.
 */
import fc from "fast-check";
import type { ModelSet } from "../../src/ir/resolve.js";
import type { ResolvedField, ResolvedModel, ResolvedType } from "../../src/ir/types.js";

/** Past this depth, recursive models stop nesting: arrays are empty, optional fields absent. */
const MAX_DEPTH = 3;

export interface ValueOptions {
  /** The output folder's RFCDate class, for calendar-date fields. */
  RFCDate: new (text: string) => object;
  /** Only values JSON can carry (finite numbers, no -0; binary types are left out by the caller). */
  json?: boolean;
}

/** Valid values of `type`, as the doc describes it. */
export function valid(type: ResolvedType, set: ModelSet, options: ValueOptions, depth = 0): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case "string":
      return fc.string();
    case "number":
      return options.json
        ? fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n))
        : fc.double();
    case "integer":
      return fc.maxSafeInteger();
    case "bigint":
      return fc.bigInt();
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "unknown":
    case "external":
      return fc.jsonValue().map((value) => (options.json ? JSON.parse(JSON.stringify(value)) : value));
    case "literal":
      return fc.constant(type.value);
    case "date":
      return fc.date({
        min: new Date("0001-01-01T00:00:00Z"),
        max: new Date("9999-12-31T23:59:59Z"),
        noInvalidDate: true,
      });
    case "rfcDate":
      return fc
        .date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true })
        .map((date) => new options.RFCDate(date.toISOString().slice(0, 10)));
    case "platform":
      return type.name === "Uint8Array"
        ? fc.uint8Array({ maxLength: 8 })
        : type.name === "ReadableStream<Uint8Array>"
          ? fc.constant(new ReadableStream())
          : fc.constant(new File(["x"], "x.txt"));
    case "array":
      return depth >= MAX_DEPTH
        ? fc.constant([])
        : fc.array(valid(type.element, set, options, depth + 1), { maxLength: 3 });
    case "record":
      return depth >= MAX_DEPTH
        ? fc.constant({})
        : fc.dictionary(fc.string(), valid(type.value, set, options, depth + 1), { maxKeys: 3 });
    case "union":
      return fc.oneof(...ending(type.members, depth).map((member) => valid(member, set, options, depth + 1)));
    case "ref":
      return validModel(set.byPath.get(type.target)!, set, options, depth + 1);
  }
}

export function validModel(
  model: ResolvedModel,
  set: ModelSet,
  options: ValueOptions,
  depth = 0,
): fc.Arbitrary<unknown> {
  const body = model.body;
  switch (body.kind) {
    case "enum": {
      const known = fc.constantFrom(...body.members.map((member) => member.value));
      return body.open
        ? fc.oneof(known, typeof body.members[0]?.value === "number" ? fc.integer() : fc.string())
        : known;
    }
    case "union":
      return fc.oneof(
        ...ending(
          body.members.map((member) => member.type),
          depth,
        ).map((member) => valid(member, set, options, depth)),
      );
    case "object": {
      const fields = body.fields.filter((field) => field.required || depth < MAX_DEPTH);
      const shape = Object.fromEntries(fields.map((field) => [field.name, validField(field, set, options, depth)]));
      return fc.record(shape, { requiredKeys: fields.filter((field) => field.required).map((field) => field.name) });
    }
  }
}

/** Past `MAX_DEPTH`, the members that end the nesting (no model in them), so a required recursive field still ends; else all. */
function ending(members: readonly ResolvedType[], depth: number): readonly ResolvedType[] {
  if (depth < MAX_DEPTH) return members;
  const leaves = members.filter((member) => !JSON.stringify(member).includes('"kind":"ref"'));
  return leaves.length > 0 ? leaves : members;
}

function validField(field: ResolvedField, set: ModelSet, options: ValueOptions, depth: number): fc.Arbitrary<unknown> {
  const value = valid(field.type, set, options, depth);
  return field.nullable ? fc.option(value, { nil: null }) : value;
}

/** Values that no doc type of this kind accepts (model values). */
export function wrong(type: ResolvedType, set: ModelSet): fc.Arbitrary<unknown> {
  const symbol = fc.constant(Symbol("wrong"));
  switch (type.kind) {
    case "string":
      return fc.oneof(fc.integer(), fc.boolean(), symbol);
    case "rfcDate":
      return fc.oneof(fc.integer(), fc.boolean(), fc.constant("2024-01-01"), symbol);
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
      return target.body.kind === "object"
        ? fc.oneof(fc.string(), fc.integer(), fc.constant([]))
        : fc.oneof(fc.integer(), symbol);
    }
    default:
      return symbol;
  }
}

/** Whether a value of `type` can hold a binary (platform) value, which JSON cannot carry. */
export function reachesBinary(type: ResolvedType, set: ModelSet, seen = new Set<string>()): boolean {
  switch (type.kind) {
    case "platform":
      return true;
    case "array":
      return reachesBinary(type.element, set, seen);
    case "record":
      return reachesBinary(type.value, set, seen);
    case "union":
      return type.members.some((member) => reachesBinary(member, set, seen));
    case "ref": {
      if (seen.has(type.target)) return false;
      seen.add(type.target);
      const model = set.byPath.get(type.target)!;
      if (model.body.kind === "object") return model.body.fields.some((field) => reachesBinary(field.type, set, seen));
      if (model.body.kind === "union")
        return model.body.members.some((member) => reachesBinary(member.type, set, seen));
      return false;
    }
    default:
      return false;
  }
}
