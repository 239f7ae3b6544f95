/**
 * JSON Schema (draft 2020-12) of a model's wire form, as plain data: what the JSON of the
 * model looks like (date-times and calendar dates as formatted strings), with the doc's
 * descriptions, examples and deprecations. Models refer to each other by relative file
 * (`./lineitem.schema.json`), as the files sit beside their modules.
 */
import { posix } from "node:path";
import type { EmitOptions } from "../config/defaults.js";
import { findDiscriminator } from "../ir/discriminator.js";
import type { ModelExamples } from "../ir/examples.js";
import type { ModelSet } from "../ir/resolve.js";
import type { ExampleValue, ResolvedField, ResolvedModel, ResolvedType } from "../ir/types.js";
import { assertNever } from "../shared/assert-never.js";
import { jsonText } from "./escape.js";
import { modulePathOf } from "./naming.js";

export type JsonSchema = { [key: string]: unknown };

export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

/** The schema file of a model's module: `order.ts` → `order.schema.json`. */
export function schemaPathOf(docPath: string): string {
  return modulePathOf(docPath).replace(/\.ts$/, ".schema.json");
}

/** A path as a URI reference: each segment percent-encoded, so `my model.md` or `café ☕.md` resolves as the same URI everywhere. */
function uriPath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

/** A `$ref` from the schema of `from` to the schema of `to`, both doc paths. */
function refTo(from: string, to: string): string {
  const relative = uriPath(posix.relative(posix.dirname(schemaPathOf(from)), schemaPathOf(to)));
  return relative.startsWith(".") ? relative : `./${relative}`;
}

/** The refs a model's schema makes, to the doc paths of the models they name, in first-use order. */
export function schemaRefs(model: ResolvedModel): Array<[ref: string, target: string]> {
  const found = new Map<string, string>();
  const visit = (type: ResolvedType): void => {
    if (type.kind === "ref") {
      if (type.target !== model.path) found.set(refTo(model.path, type.target), type.target);
    } else if (type.kind === "array") visit(type.element);
    else if (type.kind === "record") visit(type.value);
    else if (type.kind === "union") type.members.forEach(visit);
  };
  if (model.body.kind === "object") model.body.fields.forEach((field) => visit(field.type));
  if (model.body.kind === "union") model.body.members.forEach((member) => visit(member.type));
  return [...found];
}

/** Whether a date or calendar date is anywhere in `model`'s values, so they differ from their wire form. */
export function holdsDates(model: ResolvedModel, models: ModelSet): boolean {
  const seen = new Set<string>();
  const inType = (type: ResolvedType): boolean => {
    switch (type.kind) {
      case "date":
      case "rfcDate":
        return true;
      case "array":
        return inType(type.element);
      case "record":
        return inType(type.value);
      case "union":
        return type.members.some(inType);
      case "ref":
        return inModel(models.byPath.get(type.target)!);
      default:
        return false;
    }
  };
  const inModel = (target: ResolvedModel): boolean => {
    if (seen.has(target.path)) return false;
    seen.add(target.path);
    const body = target.body;
    if (body.kind === "object") return body.fields.some((field) => inType(field.type));
    if (body.kind === "union") return body.members.some((member) => inType(member.type));
    return false;
  };
  return inModel(model);
}

/** The schema of `model`'s wire form. */
export function modelJsonSchema(
  model: ResolvedModel,
  models: ModelSet,
  examples: ModelExamples,
  options: EmitOptions,
): JsonSchema {
  const head: JsonSchema = { $schema: JSON_SCHEMA_DIALECT, $id: uriPath(schemaPathOf(model.path)), title: model.name };
  const description = model.description.trim();
  if (description !== "") head["description"] = description;
  const example = examples.model ? [wireOfModel(examples.model.value, model, models)] : undefined;
  const body = model.body;
  switch (body.kind) {
    case "object": {
      const properties = Object.fromEntries(
        body.fields.map((field) => [field.wireName ?? field.name, fieldSchema(field, model, examples, models)]),
      );
      const required = body.fields.filter((field) => field.required).map((field) => field.wireName ?? field.name);
      return {
        ...head,
        type: "object",
        properties,
        ...(required.length > 0 ? { required } : {}),
        additionalProperties: options.unknownProperties !== "reject",
        ...(example ? { examples: example } : {}),
      };
    }
    case "enum": {
      const values = body.members.map((member) => member.value);
      const closed = { enum: values };
      const schema = body.open
        ? { anyOf: [closed, { type: typeof values[0] === "number" ? "number" : "string" }] }
        : closed;
      return { ...head, ...schema, ...(example ? { examples: example } : {}) };
    }
    case "union": {
      const members = body.members.map((member) => typeSchema(member.type, model));
      const discriminator = findDiscriminator(
        body.members.map((member) => member.type),
        models,
      );
      // With a discriminator, exactly one member fits (each has its own value of the field).
      const union = discriminator
        ? { oneOf: members, $comment: `the member is told by its "${discriminator.wireField}" field` }
        : { anyOf: members };
      return { ...head, ...union, ...(example ? { examples: example } : {}) };
    }
    default:
      return assertNever(body);
  }
}

function fieldSchema(
  field: ResolvedField,
  model: ResolvedModel,
  examples: ModelExamples,
  models: ModelSet,
): JsonSchema {
  const type = typeSchema(field.type, model);
  const schema: JsonSchema = field.nullable ? nullable(type) : { ...type };
  const description = field.description.trim();
  if (description !== "") schema["description"] = description;
  if (field.deprecated) schema["deprecated"] = true;
  const example = examples.fields.get(field.name);
  if (example) schema["examples"] = [wireOf(example, field.type, models)];
  return schema;
}

/** `type` or null, by `anyOf` rather than a type list, which ajv's strict mode and OpenAPI 3.0 refuse. */
function nullable(type: JsonSchema): JsonSchema {
  return Object.keys(type).length === 0 ? {} : { anyOf: [type, { type: "null" }] };
}

function typeSchema(type: ResolvedType, from: ResolvedModel): JsonSchema {
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean":
    case "null":
      return { type: type.kind };
    case "integer":
      return { type: "integer" };
    case "bigint":
      // Written as a string of digits, so no digit is lost; read from a JSON integer too.
      return { anyOf: [{ type: "string", pattern: "^-?[0-9]+$" }, { type: "integer" }] };
    case "unknown":
    case "external":
      return {};
    case "literal":
      return { const: type.value };
    case "date":
      return { type: "string", format: "date-time" };
    case "rfcDate":
      return { type: "string", format: "date" };
    case "platform":
      // JSON carries no binary value, and the parse takes none from it.
      return { $comment: `binary data (${type.name}), which JSON does not carry`, not: {} };
    case "array":
      return { type: "array", items: typeSchema(type.element, from) };
    case "record":
      return { type: "object", additionalProperties: typeSchema(type.value, from) };
    case "union":
      return { anyOf: type.members.map((member) => typeSchema(member, from)) };
    case "ref":
      return type.target === from.path ? { $ref: "#" } : { $ref: refTo(from.path, type.target) };
    default:
      return assertNever(type);
  }
}

/** An example of `model` as its JSON, its fields under their wire names (see `wireOf`). */
export function wireOfModel(value: ExampleValue, model: ResolvedModel, models: ModelSet): unknown {
  const body = model.body;
  if (body.kind === "object" && value.kind === "object") {
    const byName = new Map(body.fields.map((field) => [field.name, field]));
    return Object.fromEntries(
      value.entries.map(([key, item]) => {
        const field = byName.get(key);
        return field ? [field.wireName ?? key, wireOf(item, field.type, models)] : [key, wireExample(item)];
      }),
    );
  }
  if (body.kind === "union")
    return wireOf(value, { kind: "union", members: body.members.map((member) => member.type) }, models);
  return wireExample(value);
}

/**
 * An example of `type` as its JSON: dates as strings, and each object's fields under their
 * wire names. In a union, the object member is the first whose fields hold every key.
 */
export function wireOf(value: ExampleValue, type: ResolvedType, models: ModelSet): unknown {
  if (type.kind === "ref") return wireOfModel(value, models.byPath.get(type.target)!, models);
  if (type.kind === "array" && value.kind === "array")
    return value.items.map((item) => wireOf(item, type.element, models));
  if (type.kind === "record" && value.kind === "object")
    return Object.fromEntries(value.entries.map(([key, item]) => [key, wireOf(item, type.value, models)]));
  if (type.kind === "union" && value.kind === "object") {
    const keys = value.entries.map(([key]) => key);
    const member = type.members.find((candidate) => {
      const target = candidate.kind === "ref" ? models.byPath.get(candidate.target)! : undefined;
      return (
        target?.body.kind === "object" &&
        keys.every((key) => target.body.kind === "object" && target.body.fields.some((field) => field.name === key))
      );
    });
    if (member) return wireOf(value, member, models);
  }
  return wireExample(value);
}

/** An example as its JSON: dates as the strings the wire carries. */
export function wireExample(value: ExampleValue): unknown {
  switch (value.kind) {
    case "string":
    case "number":
    case "boolean":
    case "bigint":
      return value.value;
    case "null":
      return null;
    case "date":
      return Number.isNaN(Date.parse(value.iso)) ? value.iso : new Date(value.iso).toISOString();
    case "rfcDate":
      return value.value;
    case "array":
      return value.items.map(wireExample);
    case "object":
      return Object.fromEntries(value.entries.map(([key, item]) => [key, wireExample(item)]));
    default:
      return assertNever(value);
  }
}

/** The schema file's text: stable (keys in the order written), two-space indented, a final newline. */
export function jsonSchemaText(schema: JsonSchema): string {
  return `${jsonText(schema, 2)}\n`;
}
