/** What a run tells its caller of each planned module: its Example Usage block's fate, its typed example, its JSON Schema. */
import type { VFile } from "vfile";
import type { JsonSchema } from "../emit/json-schema.js";
import { exportsName, type ModulePlan } from "../emit/plan.js";
import type { ExampleSource } from "../ir/examples.js";
import { report } from "../shared/diagnostics.js";

/** What became of one doc's Example Usage block. */
export interface ExampleUsageOutcome {
  docPath: string;
  /** The module and export holding the typed example, when it was accepted. */
  module?: string;
  exportName?: string;
  /** The validator that should accept it. */
  validateName: string;
  rejected?: string;
}

/** A typed example the output holds, the validator that must accept it, and the wire functions it must round-trip through. */
export interface EmittedExample {
  docPath: string;
  module: string;
  exportName: string;
  validateName: string;
  parseName: string;
  toWireName: string;
  source: ExampleSource;
}

/** A model's JSON Schema (draft 2020-12) of its wire form, as the output's `.schema.json` file holds it. */
export interface EmittedSchema {
  docPath: string;
  /** The schema file's path in the output folder. */
  path: string;
  /** The module's Standard Schema export, which carries the same schema. */
  module: string;
  exportName: string;
  schema: JsonSchema;
}

/** The outcomes of `plans`, each list in the plans' order. */
export function planOutcomes(plans: readonly ModulePlan[]): {
  exampleUsage: ExampleUsageOutcome[];
  examples: EmittedExample[];
  schemas: EmittedSchema[];
} {
  return {
    exampleUsage: plans.flatMap(usageOutcome),
    examples: plans.flatMap(emittedExample),
    schemas: plans.flatMap(emittedSchema),
  };
}

/** Each plan's example problems, reported on its doc's file. */
export function reportExampleProblems(plans: readonly ModulePlan[], files: ReadonlyMap<string, VFile>): void {
  for (const plan of plans) {
    for (const problem of plan.examples.problems)
      report(files.get(plan.model.path)!, problem.severity, problem.reason, problem.position, "bad-example");
  }
}

/** What became of a model's Example Usage block, when it has one. */
function usageOutcome(plan: ModulePlan): ExampleUsageOutcome[] {
  const { model, path, names, examples } = plan;
  if (!examples.usage) return [];
  const outcome: ExampleUsageOutcome = examples.usage.accepted
    ? {
        docPath: model.path,
        validateName: names.validate,
        ...(exportsName(plan, "example") ? { module: path, exportName: names.example } : {}),
      }
    : { docPath: model.path, validateName: names.validate, rejected: examples.usage.reason };
  return [outcome];
}

/** The typed example a module holds, when it has one. */
function emittedExample(plan: ModulePlan): EmittedExample[] {
  const { model, path, names, examples } = plan;
  if (!examples.model || !exportsName(plan, "example")) return [];
  return [
    {
      docPath: model.path,
      module: path,
      exportName: names.example,
      validateName: names.validate,
      parseName: names.parse,
      toWireName: names.toWire,
      source: examples.model.source,
    },
  ];
}

/** The JSON Schema a module's `.schema.json` file holds, when it has one. */
function emittedSchema({ model, path, names, schema, files }: ModulePlan): EmittedSchema[] {
  if (!schema || !files.includes(schema.path)) return [];
  return [{ docPath: model.path, path: schema.path, module: path, exportName: names.schema, schema: schema.document }];
}
