/**
 * Examples as typed values: an Example cell's text or an Example Usage literal is read
 * against the type it documents, so an emitted example always fits its type. What does
 * not fit is reported with the reason, never emitted.
 */
import { isCalendarDate } from "../shared/calendar-date.js";
import { abbreviate } from "../shared/text.js";
import { targetOf, type ModelSet } from "./resolve.js";
import {
  MAX_EXAMPLE_DEPTH,
  type ExampleValue,
  type Position,
  type ResolvedField,
  type ResolvedModel,
  type ResolvedType,
} from "./types.js";

export type ExampleResult = { ok: true; value: ExampleValue } | { ok: false; reason: string };

const NUMBERED_EXAMPLE = /\*\*Example \d+:\*\*\s*/g;

/**
 * Reads an Example cell for a field: text stays text for string fields, numbers and
 * booleans are parsed, JSON is read for objects and arrays.
 */
export function exampleFromCell(cell: string, type: ResolvedType, models: ModelSet): ExampleResult {
  const text = firstExample(cell);
  const asText: ExampleValue = { kind: "string", value: text };
  switch (type.kind) {
    case "string":
    case "rfcDate":
    case "date":
    case "bigint":
      return coerceExample(asText, type, models);
    case "number":
    case "integer":
    case "boolean":
    case "literal":
      return coerceExample(scalarOf(text), type, models);
    case "ref": {
      const target = targetOf(models, type);
      if (target.body.kind === "enum") return coerceExample(enumCellValue(text, target), type, models);
      return coerceJson(text, type, models);
    }
    default:
      return coerceJson(text, type, models);
  }
}

/** The decimal digits of a big integer, as JSON carries one in a string. */
const BIGINT_DIGITS = /^-?\d+$/;

/** A cell with `**Example 1:** a **Example 2:** b` gives several examples: the first is used. */
function firstExample(cell: string): string {
  if (!cell.startsWith("**Example 1:**")) return cell;
  return cell.split(NUMBERED_EXAMPLE)[1]?.trim() ?? cell;
}

/** `12`, `true` and `"x"` read as what they say; anything else stays text. */
function scalarOf(text: string): ExampleValue {
  if (text === "true" || text === "false") return { kind: "boolean", value: text === "true" };
  if (text.trim() !== "" && Number.isFinite(Number(text))) return { kind: "number", value: Number(text) };
  if (/^".*"$/.test(text)) {
    try {
      return { kind: "string", value: JSON.parse(text) as string };
    } catch {
      // Not a JSON string after all: keep the text.
    }
  }
  return { kind: "string", value: text };
}

/** An enum cell is written without quotes; a numeric enum wants the number. */
function enumCellValue(text: string, model: ResolvedModel): ExampleValue {
  const numeric = model.body.kind === "enum" && model.body.members.every((m) => typeof m.value === "number");
  return numeric ? scalarOf(text) : { kind: "string", value: text };
}

function coerceJson(text: string, type: ResolvedType, models: ModelSet): ExampleResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    if (type.kind === "unknown" || type.kind === "external")
      return { ok: true, value: { kind: "string", value: text } };
    // Plain text for a type that can be a string (a union of a string enum and objects): the text is the string.
    const asString = coerceExample({ kind: "string", value: text }, type, models);
    if (asString.ok) return asString;
    return fail(`"${abbreviate(text)}" is not JSON, and the type ${describeType(type)} needs a JSON value`);
  }
  if (nestsDeeper(json, MAX_EXAMPLE_DEPTH))
    return fail(`this example nests deeper than ${MAX_EXAMPLE_DEPTH} levels, more than mdmodel reads`);
  return coerceExample(fromJson(json), type, models);
}

/** Whether parsed JSON nests deeper than `limit` arrays and objects, found without recursion. */
function nestsDeeper(json: unknown, limit: number): boolean {
  const work: Array<[value: unknown, depth: number]> = [[json, 0]];
  while (work.length > 0) {
    const [value, depth] = work.pop()!;
    if (typeof value !== "object" || value === null) continue;
    if (depth >= limit) return true;
    for (const item of Object.values(value)) work.push([item, depth + 1]);
  }
  return false;
}

/** An Example cell's JSON object or array as an untyped literal; `undefined` for anything else. */
export function parseJsonExample(cell: string): ExampleValue | undefined {
  const text = firstExample(cell).trim();
  if (!text.startsWith("{") && !text.startsWith("[")) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  return nestsDeeper(json, MAX_EXAMPLE_DEPTH) ? undefined : fromJson(json);
}

/** Every literal a doc gives, with the type it documents: Example Usage, union members' blocks, Example cells' JSON. */
export function examplesOf(model: ResolvedModel): Array<[ExampleValue, ResolvedType]> {
  const examples: Array<[ExampleValue, ResolvedType]> = [];
  if (model.exampleUsage?.value)
    examples.push([model.exampleUsage.value, { kind: "ref", name: model.name, target: model.path }]);
  if (model.body.kind === "union") {
    for (const member of model.body.members)
      if (member.example?.value) examples.push([member.example.value, member.type]);
  }
  if (model.body.kind === "object") {
    for (const field of model.body.fields) {
      const value = field.example ? parseJsonExample(field.example.text) : undefined;
      if (value) examples.push([value, field.type]);
    }
  }
  return examples;
}

/** Reads an untyped literal as a value of `type`, or says why it does not fit. */
export function coerceExample(raw: ExampleValue, type: ResolvedType, models: ModelSet): ExampleResult {
  switch (type.kind) {
    case "string":
      return raw.kind === "string" ? ok(raw) : mismatch(raw, type);
    case "number":
      return raw.kind === "number" && Number.isFinite(raw.value) ? ok(raw) : mismatch(raw, type);
    case "integer":
      return raw.kind === "number" && Number.isInteger(raw.value) ? ok(raw) : mismatch(raw, type);
    case "bigint":
      // Digits as written (a cell, a string in JSON), or a JSON integer.
      if (raw.kind === "bigint") return ok(raw);
      if (raw.kind === "string" && BIGINT_DIGITS.test(raw.value.trim()))
        return ok({ kind: "bigint", value: BigInt(raw.value.trim()).toString() });
      return raw.kind === "number" && Number.isInteger(raw.value)
        ? ok({ kind: "bigint", value: BigInt(raw.value).toString() })
        : mismatch(raw, type);
    case "boolean":
      return raw.kind === "boolean" ? ok(raw) : mismatch(raw, type);
    case "null":
      return raw.kind === "null" ? ok(raw) : mismatch(raw, type);
    case "literal":
      return "value" in raw && raw.value === type.value ? ok(raw) : mismatch(raw, type);
    case "date":
      if (raw.kind === "date" && !Number.isNaN(Date.parse(raw.iso))) return ok(raw);
      return raw.kind === "string" && !Number.isNaN(Date.parse(raw.value))
        ? ok({ kind: "date", iso: raw.value })
        : mismatch(raw, type);
    case "rfcDate":
      if (raw.kind === "rfcDate") return ok(raw);
      return raw.kind === "string" && isCalendarDate(raw.value)
        ? ok({ kind: "rfcDate", value: raw.value })
        : fail(`${describeRaw(raw)} is not a YYYY-MM-DD date string`);
    case "platform":
      return fail(`an example cannot hold a ${type.name}`);
    case "unknown":
    case "external":
      return ok(raw);
    case "array": {
      if (raw.kind !== "array") return mismatch(raw, type);
      const items: ExampleValue[] = [];
      for (const [index, item] of raw.items.entries()) {
        const result = coerceExample(item, type.element, models);
        if (!result.ok) return fail(`[${index}]: ${result.reason}`);
        items.push(result.value);
      }
      return ok({ kind: "array", items });
    }
    case "record": {
      if (raw.kind !== "object") return mismatch(raw, type);
      const entries: Array<[string, ExampleValue]> = [];
      for (const [key, item] of raw.entries) {
        const result = coerceExample(item, type.value, models);
        if (!result.ok) return fail(`${key}: ${result.reason}`);
        entries.push([key, result.value]);
      }
      return ok({ kind: "object", entries });
    }
    case "union":
      return firstFitting(raw, type.members, describeType(type), models);
    case "ref": {
      return coerceToModel(raw, targetOf(models, type), models);
    }
  }
}

function firstFitting(
  raw: ExampleValue,
  members: readonly ResolvedType[],
  name: string,
  models: ModelSet,
): ExampleResult {
  const reasons: string[] = [];
  for (const member of members) {
    const result = coerceExample(raw, member, models);
    if (result.ok) return result;
    reasons.push(result.reason);
  }
  return fail(`fits no member of ${name} (${reasons.map(abbreviate).join("; ")})`);
}

function coerceToModel(raw: ExampleValue, model: ResolvedModel, models: ModelSet): ExampleResult {
  const body = model.body;
  switch (body.kind) {
    case "enum": {
      const value = "value" in raw ? raw.value : undefined;
      const known = body.members.some((member) => member.value === value);
      const openFits = body.open && typeof value === typeof body.members[0]?.value;
      return known || openFits ? ok(raw) : fail(`${describeRaw(raw)} is not a value of ${model.name}`);
    }
    case "union":
      return firstFitting(
        raw,
        body.members.map((member) => member.type),
        model.name,
        models,
      );
    case "object":
      return coerceToObject(raw, model.name, body.fields, models);
  }
}

function coerceToObject(
  raw: ExampleValue,
  name: string,
  fields: readonly ResolvedField[],
  models: ModelSet,
): ExampleResult {
  if (raw.kind !== "object") return fail(`${name} needs an object, got ${describeRaw(raw)}`);
  // An Example cell's JSON is the wire form, whose names may be the documented ones (`created_at` for `createdAt`).
  const byName = new Map(
    fields.flatMap((field) => (field.wireName !== undefined ? [[field.wireName, field] as const] : [])),
  );
  for (const field of fields) byName.set(field.name, field);
  const entries: Array<[string, ExampleValue]> = [];
  for (const [key, item] of raw.entries) {
    const field = byName.get(key);
    if (!field) return fail(`${name} has no field \`${key}\``);
    if (item.kind === "null" && field.nullable) {
      entries.push([field.name, item]);
      continue;
    }
    const result = coerceExample(item, field.type, models);
    if (!result.ok) return fail(`${key}: ${result.reason}`);
    entries.push([field.name, result.value]);
  }
  const present = new Set(entries.map(([key]) => key));
  const missing = fields.find((field) => field.required && !present.has(field.name));
  if (missing) return fail(`${name} needs the required field \`${missing.name}\``);
  return ok({ kind: "object", entries });
}

/** A parsed JSON value as an untyped literal tree. */
function fromJson(json: unknown): ExampleValue {
  if (json === null) return { kind: "null" };
  if (typeof json === "string") return { kind: "string", value: json };
  if (typeof json === "number") return { kind: "number", value: json };
  if (typeof json === "boolean") return { kind: "boolean", value: json };
  if (Array.isArray(json)) return { kind: "array", items: json.map(fromJson) };
  return { kind: "object", entries: Object.entries(json as object).map(([key, value]) => [key, fromJson(value)]) };
}

/** A short human name of a type, for messages and validator `expected` texts. */
export function describeType(type: ResolvedType): string {
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean":
    case "null":
    case "unknown":
    case "integer":
    case "bigint":
      return type.kind;
    case "literal":
      return JSON.stringify(type.value);
    case "date":
      return "Date";
    case "rfcDate":
      return "RFCDate";
    case "platform":
      return type.name;
    case "array": {
      const inner = describeType(type.element);
      return type.element.kind === "union" ? `(${inner})[]` : `${inner}[]`;
    }
    case "record":
      return `Record<string, ${describeType(type.value)}>`;
    case "union":
      return type.members.map(describeType).join(" | ");
    case "ref":
    case "external":
      return type.name.split(/\.|::|\\/).pop() || type.name;
  }
}

function describeRaw(raw: ExampleValue): string {
  switch (raw.kind) {
    case "string":
      return abbreviate(JSON.stringify(raw.value));
    case "number":
    case "boolean":
      return String(raw.value);
    case "bigint":
      return `${raw.value}n`;
    case "null":
      return "null";
    case "date":
      return `new Date(${JSON.stringify(raw.iso)})`;
    case "rfcDate":
      return `new RFCDate(${JSON.stringify(raw.value)})`;
    case "array":
      return "an array";
    case "object":
      return "an object";
  }
}

function ok(value: ExampleValue): ExampleResult {
  return { ok: true, value };
}

function fail(reason: string): ExampleResult {
  return { ok: false, reason };
}

function mismatch(raw: ExampleValue, type: ResolvedType): ExampleResult {
  return fail(`${describeRaw(raw)} is not a ${describeType(type)}`);
}

/** Where a model's example came from. */
export type ExampleSource = "Example Usage" | "Supported Types" | "Example column";

/** The examples a model doc gives, read against its types. */
export interface ModelExamples {
  /** Each field's Example cell, typed. */
  fields: Map<string, ExampleValue>;
  /** The whole model, when the doc gives one (or an example for every required field). */
  model?: { value: ExampleValue; source: ExampleSource };
  /** Examples that do not fit their type. */
  problems: Array<{ reason: string; position: Position; severity: "warning" | "info" }>;
  /** What became of the doc's Example Usage block, when it has one. */
  usage?: { accepted: true } | { accepted: false; reason: string };
}

/** Reads every example of a model; those that do not fit are problems, not crashes. */
export function readModelExamples(model: ResolvedModel, models: ModelSet): ModelExamples {
  const result: ModelExamples = { fields: new Map(), problems: [] };
  const self: ResolvedType = { kind: "ref", name: model.name, target: model.path };
  if (model.body.kind === "object") readFieldExamples(model.body.fields, models, result);

  const usage = model.exampleUsage;
  if (usage && !usage.value) result.usage = { accepted: false, reason: "the block could not be read" };
  if (usage?.value) {
    const read = coerceExample(usage.value, self, models);
    if (read.ok) {
      result.model = { value: read.value, source: "Example Usage" };
      result.usage = { accepted: true };
    } else {
      const reason = `the Example Usage does not fit ${model.name}: ${read.reason}`;
      result.problems.push({ reason, position: usage.position, severity: "warning" });
      result.usage = { accepted: false, reason };
    }
  }
  if (!result.model && model.body.kind === "union") {
    for (const member of model.body.members) {
      if (!member.example?.value) continue;
      const read = coerceExample(member.example.value, member.type, models);
      if (read.ok) {
        result.model = { value: read.value, source: "Supported Types" };
        break;
      }
      result.problems.push({
        reason: `the example of member ${describeType(member.type)} does not fit it: ${read.reason}`,
        position: member.example.position,
        severity: "warning",
      });
    }
  }
  if (!result.model && model.body.kind === "object") {
    const fields = model.body.fields;
    const complete = fields.every((field) => !field.required || result.fields.has(field.name));
    if (complete && result.fields.size > 0) {
      const entries = fields.flatMap((field): Array<[string, ExampleValue]> => {
        const value = result.fields.get(field.name);
        return value ? [[field.name, value]] : [];
      });
      result.model = { value: { kind: "object", entries }, source: "Example column" };
    }
  }
  return result;
}

function readFieldExamples(fields: readonly ResolvedField[], models: ModelSet, result: ModelExamples): void {
  for (const field of fields) {
    if (!field.example) continue;
    if (holdsBinary(field.type)) {
      // SDK docs give a file name (`/tmp/file1`) as the example of a binary field: no value, and nothing to fix.
      result.problems.push({
        reason: `the example of \`${field.name}\` names a file, which no example can hold`,
        position: field.example.position,
        severity: "info",
      });
      continue;
    }
    // `null` is an example of any field that may hold it.
    const read: ExampleResult =
      field.nullable && field.example.text.trim() === "null"
        ? { ok: true, value: { kind: "null" } }
        : exampleFromCell(field.example.text, field.type, models);
    if (read.ok) result.fields.set(field.name, read.value);
    else {
      result.problems.push({
        reason: `the example of \`${field.name}\` does not fit its type: ${read.reason}`,
        position: field.example.position,
        severity: "warning",
      });
    }
  }
}

/** A binary type (`Uint8Array`, `File | Blob`, a stream), which an example cell cannot write. */
function holdsBinary(type: ResolvedType): boolean {
  return (
    type.kind === "platform" ||
    (type.kind === "union" &&
      type.members.length > 0 &&
      type.members.every((member) => member.kind === "platform" || holdsBinary(member)))
  );
}
