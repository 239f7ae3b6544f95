/**
 * Checks a config file's parsed JSON against the JSON Schema that ships with the package
 * (`mdmodel.config.schema.json`, the one editors use for completion), so the two can never
 * disagree. Only the few keywords that schema uses are read; every problem names the option
 * and the fix.
 */
import { createRequire } from "node:module";
import { didYouMean } from "../shared/text.js";
import type { ConfigInput } from "./defaults.js";
import { typeSyntaxProblem } from "./type-syntax.js";

/** The subset of JSON Schema the config schema is written in. */
export interface ConfigSchema {
  description?: string;
  type?: "object" | "string" | "array";
  items?: ConfigSchema;
  enum?: readonly string[];
  /** A regular expression (with the `u` flag, as JSON Schema means it) that a string must match somewhere. */
  pattern?: string;
  default?: unknown;
  properties?: Readonly<Record<string, ConfigSchema>>;
  additionalProperties?: boolean | ConfigSchema;
  /** What an object's keys may be. */
  propertyNames?: { enum: readonly string[] };
  /** A value that passes any one of these passes. */
  anyOf?: readonly ConfigSchema[];
}

/** The file name the schema ships under, in this folder of the package (src/ or dist/). */
export const SCHEMA_FILE = "mdmodel.config.schema.json";

/** The config schema, read from the package (with `require`: JSON modules warn on Node 20). */
export const CONFIG_SCHEMA = createRequire(import.meta.url)(`./${SCHEMA_FILE}`) as ConfigSchema & {
  properties: Readonly<Record<string, ConfigSchema>>;
};

export type ConfigCheck = { ok: true; config: ConfigInput } | { ok: false; errors: string[] };

/** Checks `raw` against the config schema; `$schema` is accepted and left out of the result. */
export function checkConfig(raw: unknown): ConfigCheck {
  if (!isObject(raw)) {
    return { ok: false, errors: ['the config must be a JSON object, e.g. { "input": "docs", "out": "src/models" }'] };
  }
  const options = Object.keys(CONFIG_SCHEMA.properties).filter((key) => key !== "$schema");
  const errors: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const rule = Object.hasOwn(CONFIG_SCHEMA.properties, key) ? CONFIG_SCHEMA.properties[key] : undefined;
    if (rule === undefined) {
      const hint = didYouMean(key, options);
      errors.push(`unknown option "${key}"${hint ? `; did you mean "${hint}"?` : ""} (options: ${options.join(", ")})`);
      continue;
    }
    const problem = problemOf(key, value, rule);
    if (problem !== undefined) errors.push(problem);
    else if (key !== "$schema") config[key] = value;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config: config };
}

/** What is wrong with option `key`'s value, or `undefined`. */
function problemOf(key: string, value: unknown, rule: ConfigSchema): string | undefined {
  if (rule.anyOf) {
    const problems = rule.anyOf.map((branch) => problemOf(key, value, branch));
    if (problems.includes(undefined)) return undefined;
    // The branch the value's shape was meant for says what is wrong with it.
    const list = rule.anyOf.findIndex((branch) => branch.type === "array");
    if (Array.isArray(value) && list >= 0) return problems[list];
    const items = list >= 0 ? rule.anyOf[list]!.items?.enum : undefined;
    return `${problems[0]}${items ? `, or a list of ${items.map((v) => `"${v}"`).join(", ")}` : ""}`;
  }
  if (rule.enum) {
    return typeof value === "string" && rule.enum.includes(value)
      ? undefined
      : `"${key}" must be one of ${rule.enum.map((v) => `"${v}"`).join(", ")}, got ${JSON.stringify(value)}`;
  }
  if (rule.type === "string") {
    if (typeof value === "string" && (rule.pattern === undefined || new RegExp(rule.pattern, "u").test(value)))
      return undefined;
    return rule.pattern
      ? `"${key}" must be a string that is not blank, got ${JSON.stringify(value)}`
      : `"${key}" must be a string, got ${JSON.stringify(value)}`;
  }
  if (rule.type === "array") {
    if (!Array.isArray(value)) {
      const example = rule.items?.enum
        ? `["${rule.items.enum[0]}"]`
        : rule.items?.pattern === "\\S"
          ? '["Order"]'
          : '["Order.note"]';
      return `"${key}" must be a list, e.g. ${example}, got ${JSON.stringify(value)}`;
    }
    const bad = rule.items ? value.find((item) => problemOf(key, item, rule.items!) !== undefined) : undefined;
    if (bad === undefined) return undefined;
    if (rule.items?.enum) {
      const hint = typeof bad === "string" ? didYouMean(bad, rule.items.enum) : undefined;
      return `"${key}" lists ${rule.items.enum.map((v) => `"${v}"`).join(", ")}; ${JSON.stringify(bad)} is not one${hint ? ` (did you mean "${hint}"?)` : ""}`;
    }
    return rule.items?.pattern === "\\S"
      ? `"${key}" lists model names or globs of doc paths, e.g. ["Order", "models/operations/**"]; ${JSON.stringify(bad)} is not one`
      : `"${key}" lists fields as Model.field, e.g. "Order.note"; ${JSON.stringify(bad)} is not one`;
  }
  if (rule.type === "object") {
    const example = key === "externalTypes" ? ', e.g. { "AxiosResponse": "Response" }' : "";
    if (!isObject(value)) return `"${key}" must be an object${example}, got ${JSON.stringify(value)}`;
    const each = typeof rule.additionalProperties === "object" ? rule.additionalProperties : undefined;
    for (const [name, entry] of Object.entries(value)) {
      const names = rule.propertyNames?.enum;
      if (names && !names.includes(name)) {
        const hint = didYouMean(name, names);
        return `"${key}" names the rule "${name}", which mdmodel does not have${hint ? `; did you mean "${hint}"?` : ""} (the rules are listed in the README under Bad docs)`;
      }
      if (each && key !== "externalTypes") {
        const problem = problemOf(name, entry, each);
        if (problem !== undefined) return `"${key}": ${problem}`;
        continue;
      }
      if (each && problemOf(name, entry, each) !== undefined)
        return `"${key}" maps each name to a TypeScript type${example}; "${name}" is not mapped to a type`;
      // The value becomes code: it must read as a type, or it could end the type and start a statement.
      const syntax = key === "externalTypes" && typeof entry === "string" ? typeSyntaxProblem(entry) : undefined;
      if (syntax !== undefined)
        return `"${key}" maps "${name}" to ${JSON.stringify(entry)}, which is not a TypeScript type mdmodel accepts: ${syntax}`;
    }
    return undefined;
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
