/**
 * The plan of a model's module, made once per run: where it goes, its names, its examples
 * and what it exports. The module and the barrel are both made from it, and it loads no
 * emitter, so the main thread can plan what worker threads emit.
 */
import type { EmitOptions } from "../config/defaults.js";
import type { ModelExamples } from "../ir/examples.js";
import type { ModelSet } from "../ir/resolve.js";
import type { ResolvedModel } from "../ir/types.js";
import { namesOf, type ModelNames } from "../shared/names.js";
import { holdsDates, modelJsonSchema, schemaPathOf, schemaRefs, type JsonSchema } from "./json-schema.js";
import { modulePathOf } from "./naming.js";

/** One export of a module: which of the model's names, and whether it is a type only. */
export interface ModuleExport {
  key: keyof ModelNames;
  typeOnly: boolean;
}

export interface ModulePlan {
  /** The module's path in the output folder. */
  path: string;
  model: ResolvedModel;
  names: ModelNames;
  examples: ModelExamples;
  /** The public exports (the `@internal` issue collector is left out), in the order the module declares them. */
  exports: readonly ModuleExport[];
  schema: ModuleSchema;
}

/** The JSON Schema of a model's wire form: its file, and what the module's Standard Schema needs of it. */
export interface ModuleSchema {
  /** The schema file's path in the output folder, beside the module. */
  path: string;
  document: JsonSchema;
  /** Whether the model's values are their wire form: no date or calendar date anywhere in them. */
  plain: boolean;
  /** Each `$ref` the document makes, with the doc path of the model it names. */
  refs: Array<[ref: string, target: string]>;
}

/** The plan of `model`'s module. */
export function planModule(
  model: ResolvedModel,
  models: ModelSet,
  examples: ModelExamples,
  options: EmitOptions,
): ModulePlan {
  const schema = {
    path: schemaPathOf(model.path),
    document: modelJsonSchema(model, models, examples, options),
    plain: !holdsDates(model, models),
    refs: schemaRefs(model),
  };
  return {
    path: modulePathOf(model.path),
    model,
    names: namesOf(model),
    examples,
    exports: moduleExports(model.body.kind, examples.model !== undefined, options),
    schema,
  };
}

/** A module's public exports: its model's kind and whether it has a typed example decide them. */
export function moduleExports(
  kind: ResolvedModel["body"]["kind"],
  hasExample: boolean,
  options: EmitOptions,
): ModuleExport[] {
  return [
    // An enum's const shares its type's name, so the name is a value too.
    { key: "type", typeOnly: kind !== "enum" || options.enumStyle === "union" },
    { key: "is", typeOnly: false },
    { key: "validate", typeOnly: false },
    { key: "assert", typeOnly: false },
    { key: "wire", typeOnly: true },
    { key: "codec", typeOnly: false },
    { key: "parse", typeOnly: false },
    { key: "fromJSON", typeOnly: false },
    { key: "toWire", typeOnly: false },
    { key: "toJSON", typeOnly: false },
    { key: "schema", typeOnly: false },
    ...(kind === "object" ? [{ key: "builder" as const, typeOnly: false }] : []),
    ...(hasExample ? [{ key: "example" as const, typeOnly: false }] : []),
  ];
}

/** The barrel entry of a module from what a manifest records of it: its model's doc path, name and kind, and whether it exports an example. */
export function barrelEntryOf(
  modelPath: string,
  model: { name: string; kind: ResolvedModel["body"]["kind"]; example: boolean },
  options: EmitOptions,
): BarrelEntry {
  return {
    path: modulePathOf(modelPath),
    modelPath,
    names: namesOf(model),
    exports: moduleExports(model.kind, model.example, options),
  };
}

/** Whether the plan's module exports `key`. */
export function exportsName(plan: Pick<ModulePlan, "exports">, key: keyof ModelNames): boolean {
  return plan.exports.some((entry) => entry.key === key);
}

/** What the barrel needs of a module's plan: where it is, whose model, what it exports. */
export type BarrelEntry = Pick<ModulePlan, "path" | "names" | "exports"> & { modelPath: string };

/** The barrel's view of a plan (plain data, light enough to send to a worker). */
export function barrelEntry(plan: ModulePlan): BarrelEntry {
  return { path: plan.path, names: plan.names, exports: plan.exports, modelPath: plan.model.path };
}
