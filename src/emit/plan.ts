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
import { enabledOutputs, type Output } from "../shared/outputs.js";
import type { OutputFile } from "../shared/output-file.js";
import {
  holdsDates,
  jsonSchemaText,
  modelJsonSchema,
  schemaPathOf,
  schemaRefs,
  type JsonSchema,
} from "./json-schema.js";
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
  /** The model's JSON Schema, when an enabled output holds it (the Standard Schema, the `.schema.json` file). */
  schema?: ModuleSchema;
  /** The files of the module's outputs besides the module itself (its `.schema.json`), by path. */
  files: readonly string[];
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
  const enabled = enabledOutputs(options.outputs);
  const schema =
    enabled.has("standardSchema") || enabled.has("jsonSchema")
      ? {
          path: schemaPathOf(model.path),
          document: modelJsonSchema(model, models, examples, options),
          plain: !holdsDates(model, models),
          refs: schemaRefs(model),
        }
      : undefined;
  return {
    path: modulePathOf(model.path),
    model,
    names: namesOf(model),
    examples,
    exports: moduleExports(model.body.kind, examples.model !== undefined, options),
    ...(schema ? { schema } : {}),
    files: [...enabled].flatMap((output) => OUTPUT_PLANS[output].files?.(model.path) ?? []),
  };
}

/**
 * What each output adds to a module's plan: the names it exports, and the files it writes
 * beside the module. The module's code for each is `emit/module.ts`'s `OUTPUT_CODE`; both
 * are records over every output, so a new output cannot be left out of either.
 */
interface OutputPlan {
  exports(kind: ResolvedModel["body"]["kind"], hasExample: boolean, options: EmitOptions): ModuleExport[];
  /** The paths of its files beside the module, and (from the module's plan) their texts. */
  files?(modelPath: string): string[];
  write?(plan: ModulePlan): OutputFile[];
}

const value = (key: keyof ModelNames): ModuleExport => ({ key, typeOnly: false });

const OUTPUT_PLANS: Readonly<Record<Output, OutputPlan>> = {
  // An enum's const shares its type's name, so the name is a value too.
  types: {
    exports: (kind, _, options) => [{ key: "type", typeOnly: kind !== "enum" || options.enumStyle === "union" }],
  },
  validators: { exports: () => [value("is"), value("validate"), value("assert")] },
  wire: {
    exports: () => [
      { key: "wire", typeOnly: true },
      ...(["codec", "parse", "fromJSON", "toWire", "toJSON"] as const).map(value),
    ],
  },
  standardSchema: { exports: () => [value("schema")] },
  jsonSchema: {
    exports: () => [],
    files: (modelPath) => [schemaPathOf(modelPath)],
    write: ({ schema }) => [{ path: schema!.path, content: jsonSchemaText(schema!.document) }],
  },
  builders: { exports: (kind) => (kind === "object" ? [value("builder")] : []) },
  examples: { exports: (_, hasExample) => (hasExample ? [value("example")] : []) },
};

/** The files the enabled outputs write beside a module (its `.schema.json`), from its plan. */
export function ownFiles(plan: ModulePlan, options: EmitOptions): OutputFile[] {
  return [...enabledOutputs(options.outputs)].flatMap((output) => OUTPUT_PLANS[output].write?.(plan) ?? []);
}

/** A module's public exports, in the order it declares them: the enabled outputs, its model's kind and whether it has a typed example decide them. */
export function moduleExports(
  kind: ResolvedModel["body"]["kind"],
  hasExample: boolean,
  options: EmitOptions,
): ModuleExport[] {
  return [...enabledOutputs(options.outputs)].flatMap((output) =>
    OUTPUT_PLANS[output].exports(kind, hasExample, options),
  );
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
