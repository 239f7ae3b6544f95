/**
 * Examples as typed values: an Example cell's text (or, later, an Example Usage literal)
 * is read against the field's type, so the emitted example always fits its type.
 */
import type { ModelSet } from "./resolve.js";
import type { ExampleValue, Field, ModelDoc, Position, TypeExpr } from "./types.js";

export type ExampleResult = { ok: true; value: ExampleValue } | { ok: false; reason: string };

const RFC_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads an Example cell for a field: text stays text for string fields, numbers and
 * booleans are parsed, JSON is read for objects and arrays.
 */
export function exampleFromCell(cell: string, type: TypeExpr, models: ModelSet): ExampleResult {
  const text = firstExample(cell);
  switch (type.kind) {
    case "string":
    case "rfcDate":
    case "date":
    case "literal":
      return coerceExample(text, type, models);
    case "number": {
      const value = Number(text);
      return text.trim() !== "" && Number.isFinite(value)
        ? { ok: true, value: { kind: "number", value } }
        : fail(`"${text}" is not a number`);
    }
    case "boolean":
      return text === "true" || text === "false"
        ? { ok: true, value: { kind: "boolean", value: text === "true" } }
        : fail(`"${text}" is not true or false`);
    case "ref": {
      const target = type.target === undefined ? undefined : models.byPath.get(type.target);
      if (target?.body.kind === "enum") return coerceExample(enumCellValue(text, target), type, models);
      return coerceJson(text, type, models);
    }
    default:
      return coerceJson(text, type, models);
  }
}

const NUMBERED_EXAMPLE = /\*\*Example \d+:\*\*\s*/g;

/** A cell with `**Example 1:** a **Example 2:** b` gives several examples: the first is used. */
function firstExample(cell: string): string {
  if (!cell.startsWith("**Example 1:**")) return cell;
  return cell.split(NUMBERED_EXAMPLE)[1]?.trim() ?? cell;
}

/** An enum cell is written without quotes; a numeric enum wants the number. */
function enumCellValue(text: string, model: ModelDoc): string | number {
  const numeric = model.body.kind === "enum" && model.body.members.every((m) => typeof m.value === "number");
  return numeric && text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
}

function coerceJson(text: string, type: TypeExpr, models: ModelSet): ExampleResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    if (type.kind === "unknown" || type.kind === "external") return { ok: true, value: { kind: "string", value: text } };
    return fail(`"${abbreviate(text)}" is not JSON, and the type ${describeType(type)} needs a JSON value`);
  }
  return coerceExample(json, type, models);
}

/** Reads a JSON-like value as a value of `type`, or says why it does not fit. */
export function coerceExample(json: unknown, type: TypeExpr, models: ModelSet): ExampleResult {
  switch (type.kind) {
    case "string":
      return typeof json === "string" ? ok({ kind: "string", value: json }) : mismatch(json, type);
    case "number":
      return typeof json === "number" && Number.isFinite(json) ? ok({ kind: "number", value: json }) : mismatch(json, type);
    case "boolean":
      return typeof json === "boolean" ? ok({ kind: "boolean", value: json }) : mismatch(json, type);
    case "null":
      return json === null ? ok({ kind: "null" }) : mismatch(json, type);
    case "literal":
      return json === type.value ? ok(untyped(json)) : mismatch(json, type);
    case "date":
      return typeof json === "string" && !Number.isNaN(Date.parse(json)) ? ok({ kind: "date", iso: json }) : mismatch(json, type);
    case "rfcDate":
      return typeof json === "string" && RFC_DATE.test(json) ? ok({ kind: "string", value: json }) : mismatch(json, type);
    case "platform":
      return fail(`an example cannot hold a ${type.name}`);
    case "unknown":
    case "external":
      return ok(untyped(json));
    case "array": {
      if (!Array.isArray(json)) return mismatch(json, type);
      const items: ExampleValue[] = [];
      for (const [index, item] of json.entries()) {
        const result = coerceExample(item, type.element, models);
        if (!result.ok) return fail(`[${index}]: ${result.reason}`);
        items.push(result.value);
      }
      return ok({ kind: "array", items });
    }
    case "record": {
      if (!isPlainObject(json)) return mismatch(json, type);
      const entries: Array<[string, ExampleValue]> = [];
      for (const [key, item] of Object.entries(json)) {
        const result = coerceExample(item, type.value, models);
        if (!result.ok) return fail(`${key}: ${result.reason}`);
        entries.push([key, result.value]);
      }
      return ok({ kind: "object", entries });
    }
    case "union": {
      const reasons: string[] = [];
      for (const member of type.members) {
        const result = coerceExample(json, member, models);
        if (result.ok) return result;
        reasons.push(result.reason);
      }
      return fail(`fits no member of ${describeType(type)}`);
    }
    case "ref": {
      const target = type.target === undefined ? undefined : models.byPath.get(type.target);
      return target ? coerceToModel(json, target, models) : ok(untyped(json));
    }
  }
}

function coerceToModel(json: unknown, model: ModelDoc, models: ModelSet): ExampleResult {
  const body = model.body;
  switch (body.kind) {
    case "enum": {
      const known = body.members.some((member) => member.value === json);
      const openFits = body.open && typeof json === typeof body.members[0]?.value;
      return known || openFits ? ok(untyped(json)) : fail(`${JSON.stringify(json)} is not a value of ${model.name}`);
    }
    case "union": {
      for (const member of body.members) {
        const result = coerceExample(json, member.type, models);
        if (result.ok) return result;
      }
      return fail(`fits no member of ${model.name}`);
    }
    case "object":
      return coerceToObject(json, model.name, body.fields, models);
  }
}

function coerceToObject(json: unknown, name: string, fields: readonly Field[], models: ModelSet): ExampleResult {
  if (!isPlainObject(json)) return fail(`${name} needs an object, got ${describeJson(json)}`);
  const byName = new Map(fields.map((field) => [field.name, field]));
  const entries: Array<[string, ExampleValue]> = [];
  for (const [key, item] of Object.entries(json)) {
    const field = byName.get(key);
    if (!field) return fail(`${name} has no field \`${key}\``);
    const result = coerceExample(item, field.type, models);
    if (!result.ok) return fail(`${key}: ${result.reason}`);
    entries.push([key, result.value]);
  }
  const missing = fields.find((field) => field.required && !Object.hasOwn(json, field.name));
  if (missing) return fail(`${name} needs the required field \`${missing.name}\``);
  return ok({ kind: "object", entries });
}

/** A JSON value with no type to follow: kept as it is. */
function untyped(json: unknown): ExampleValue {
  if (json === null) return { kind: "null" };
  if (typeof json === "string") return { kind: "string", value: json };
  if (typeof json === "number") return { kind: "number", value: json };
  if (typeof json === "boolean") return { kind: "boolean", value: json };
  if (Array.isArray(json)) return { kind: "array", items: json.map(untyped) };
  if (isPlainObject(json)) return { kind: "object", entries: Object.entries(json).map(([k, v]) => [k, untyped(v)]) };
  return { kind: "string", value: String(json) };
}

/** A short human name of a type, for messages and validator `expected` texts. */
export function describeType(type: TypeExpr): string {
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean":
    case "null":
    case "unknown":
      return type.kind;
    case "literal":
      return JSON.stringify(type.value);
    case "date":
      return "Date";
    case "rfcDate":
      return "YYYY-MM-DD date string";
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
      return type.name.slice(type.name.lastIndexOf(".") + 1);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describeJson(json: unknown): string {
  return json === null ? "null" : Array.isArray(json) ? "an array" : typeof json;
}

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function ok(value: ExampleValue): ExampleResult {
  return { ok: true, value };
}

function fail(reason: string): ExampleResult {
  return { ok: false, reason };
}

function mismatch(json: unknown, type: TypeExpr): ExampleResult {
  return fail(`${abbreviate(JSON.stringify(json) ?? String(json))} is not a ${describeType(type)}`);
}

/** The examples a model doc gives, read against its types. */
export interface ModelExamples {
  /** Each field's Example cell, typed. */
  fields: Map<string, ExampleValue>;
  /** The whole model, when every required field has an example. */
  model?: ExampleValue;
  /** Example cells that do not fit their field's type. */
  problems: Array<{ reason: string; position: Position }>;
}

/** Reads every Example cell of a model; cells that do not fit are problems, not crashes. */
export function readModelExamples(model: ModelDoc, models: ModelSet): ModelExamples {
  const result: ModelExamples = { fields: new Map(), problems: [] };
  if (model.body.kind !== "object") return result;
  for (const field of model.body.fields) {
    if (!field.example) continue;
    const read = exampleFromCell(field.example.text, field.type, models);
    if (read.ok) result.fields.set(field.name, read.value);
    else result.problems.push({ reason: `the example of \`${field.name}\` does not fit its type: ${read.reason}`, position: field.example.position });
  }
  const complete = model.body.fields.every((field) => !field.required || result.fields.has(field.name));
  if (complete && result.fields.size > 0) {
    const entries = model.body.fields.flatMap((field): Array<[string, ExampleValue]> => {
      const value = result.fields.get(field.name);
      return value ? [[field.name, value]] : [];
    });
    result.model = { kind: "object", entries };
  }
  return result;
}
