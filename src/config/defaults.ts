/** The resolved configuration: every option filled in one place, once, and checked. */
import type { Dialect, FieldNaming } from "../shared/dialects.js";
import type { Family } from "../shared/families.js";
import type { OutputsSetting } from "../shared/outputs.js";

/**
 * For the fields whose doc does not say (the TypeScript dialect never does): `optional`, every
 * optional field and every field an example sets to null may be `null`; `examples`, only the
 * latter; `none`, no field.
 */
export type NullPolicy = "none" | "examples" | "optional";

/** What the `rules` option may make of a rule's messages. */
export type RuleSeverity = "off" | "info" | "warning" | "error";

/** Options that shape the emitted code; filled with defaults by the config. */
export interface EmitOptions {
  /** How `*any*` is typed. */
  anyType: "unknown" | "any";
  /** TypeScript types for external names such as `AxiosResponse`. */
  externalTypes: Readonly<Record<string, string>>;
  /** `union-and-const`: an enum is a literal union and a const of its members; `union`: the union only. */
  enumStyle: "union-and-const" | "union";
  /**
   * Properties the doc does not list: `drop` (validators accept them, parsing leaves them out of
   * the value), `keep` (accepted, and kept when parsing), `reject` (an issue either way).
   */
  unknownProperties: "drop" | "keep" | "reject";
  /** The runtime helpers' module, relative to the output folder. */
  runtimeModule: string;
  /** What each model's module holds (and whether `.schema.json` files are written): a preset or a list (`shared/outputs.ts`). */
  outputs: OutputsSetting;
  /** `index`: one `index.ts` re-exporting every model; `folders`: an `index.ts` in each folder of modules; `none`: no barrel. */
  barrel: "index" | "folders" | "none";
  /**
   * What a project's `tsc` checks of the output: `declarations` (the default), only what its code
   * uses of the declarations (each file is marked `// @ts-nocheck`, its bodies being checked by
   * mdmodel's own tests under the strict flags, as a library's are by its authors); `all`, every file.
   */
  typeCheck: "all" | "declarations";
}

export interface Config extends EmitOptions {
  /** The generator whose pages the docs are; `auto` tells it from the page shapes (`parse/family.ts`). */
  family: "auto" | Family;
  /** The language the docs' Type cells are written in; `auto` tells it from the docs (`parse/dialect.ts`). */
  dialect: "auto" | Dialect;
  /** How fields are named in the TypeScript; `auto` is camelCase for every dialect but TypeScript, whose docs name them as its SDK does. */
  fieldNames: "auto" | FieldNaming;
  /** Which fields may hold `null` where the doc does not say (see `ir/nullability.ts`). */
  nulls: NullPolicy;
  /** Fields that may hold `null` whatever the docs and the policy say, as `Model.field`. */
  nullable: readonly string[];
  /** Fields that may not hold `null` whatever the policy says, as `Model.field`. */
  notNullable: readonly string[];
  /** The severity of a rule's warnings and notes in every doc (`off` drops them); an error stays an error. */
  rules: Readonly<Record<string, RuleSeverity>>;
  /** The same, for the docs whose path (relative to the input folder) a glob matches: `{ "vendor/**": { "broken-link": "off" } }`. */
  rulesByPath: Readonly<Record<string, Readonly<Record<string, RuleSeverity>>>>;
  /** Models to generate, by name or by a glob of doc paths (default: every model); what they reach comes too. */
  include: readonly string[];
  /** Models left out, by name or by a glob of doc paths, unless an included model reaches them. */
  exclude: readonly string[];
  /** The folder of markdown docs. */
  input: string;
  /** The folder generated code is written to. */
  out: string;
}

export const DEFAULT_CONFIG: Config = {
  input: "seeds",
  out: "generated",
  family: "auto",
  dialect: "auto",
  fieldNames: "auto",
  nulls: "optional",
  nullable: [],
  notNullable: [],
  rules: {},
  rulesByPath: {},
  anyType: "unknown",
  unknownProperties: "drop",
  enumStyle: "union-and-const",
  externalTypes: {},
  runtimeModule: "runtime.ts",
  outputs: "default",
  barrel: "index",
  typeCheck: "declarations",
  include: [],
  exclude: [],
};

/** Options as a caller gives them: any may be left out or `undefined`. */
export type ConfigInput = { [K in keyof Config]?: Config[K] | undefined };

/** Fills every option the caller left out with its default. */
export function resolveConfig(partial: ConfigInput = {}): Config {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_CONFIG, ...defined };
}
