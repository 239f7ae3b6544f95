/**
 * The pipeline for a set of docs: parse each → resolve the links → plan each module (its
 * examples and exports) → emit and format. Pure over its inputs: it returns files and
 * messages and writes nothing; the engine beside it decides what to reuse and where to run.
 */
import type { Options as PrettierOptions } from "prettier";
import type { VFileMessage } from "vfile-message";
import { type ConfigInput, resolveConfig } from "./config/defaults.js";
import { jsonSchemaText, type JsonSchema } from "./emit/json-schema.js";
import { barrelEntry, planModule, type ModulePlan } from "./emit/plan.js";
import { emitRuntime } from "./emit/runtime.js";
import { withEngine, type Caches, type EngineOptions } from "./engine/engine.js";
import { generatorIdentity } from "./identity.js";
import { readModelExamples, type ExampleSource } from "./ir/examples.js";
import type { ModelDoc } from "./ir/types.js";
import { PACKAGE } from "./package-info.js";
import { assembleModels, sortDocs } from "./pipeline/assemble.js";
import type { DocRead } from "./pipeline/read-step.js";
import { countBySeverity, hasErrors, report } from "./shared/diagnostics.js";
import type { OutputFile } from "./shared/output-file.js";
import type { SourceDoc } from "./shared/source-doc.js";
import { compareText } from "./shared/text.js";
import { docHashes, inputKey, MANIFEST_PATH, manifestFile } from "./write/manifest.js";

/**
 * The docs and options of a run. The caches (see `engine/engine.ts`: docs as read, modules
 * by the key of every model they reach, formatted texts) are read and left holding exactly
 * this run's entries; `threads` and `workerHeapMb` say where it may run. The output is the
 * same with or without them.
 */
export interface GenerateInput extends Caches, Pick<EngineOptions, "threads" | "workerHeapMb"> {
  docs: readonly SourceDoc[];
  /** The text of `templates/runtime.ts`. */
  runtimeTemplate: string;
  config?: ConfigInput;
  /** The project's prettier options (the CLI resolves them from the output folder). */
  formatOptions?: PrettierOptions;
  /**
   * The generator identity the manifest records (default: `generatorIdentity()`, this
   * generator's); with the docs' hashes it lets an unchanged run skip regenerating.
   */
  identity?: string;
  /** Called as docs are read and as modules are emitted and formatted, for a progress display. */
  onProgress?: (progress: { phase: "reading" | "emitting"; done: number; total: number }) => void;
}

export interface GenerateStats {
  docs: number;
  models: number;
  modelsByKind: Record<ModelDoc["body"]["kind"], number>;
  skipped: number;
}

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

export interface GenerateResult {
  /** Every Example Usage block found, and whether it became a typed example. */
  exampleUsage: ExampleUsageOutcome[];
  /** Every example the output holds, whatever part of the doc it came from. */
  examples: EmittedExample[];
  /** Every model's JSON Schema; `$ref`s name the schema files beside it (`./lineitem.schema.json`). */
  schemas: EmittedSchema[];
  /** The output files, sorted by path; empty when any doc has an error. */
  files: OutputFile[];
  /** Every message, in doc order. */
  messages: VFileMessage[];
  stats: GenerateStats;
}

/** A doc as read, kept as plain data: its model and the messages reading it gave. */
export type CachedRead = DocRead;

/** Generates the output for `docs`; errors leave `files` empty so nothing gets written. */
export async function generate(input: GenerateInput): Promise<GenerateResult> {
  const { threads, workerHeapMb, readCache, moduleCache, formatCache } = input;
  const options: EngineOptions = { docs: input.docs.length, ...defined({ threads, workerHeapMb, readCache, moduleCache, formatCache }) };
  return withEngine(options, async (engine) => {
    const config = resolveConfig(input.config);
    const formatOptions = input.formatOptions ?? {};
    const docs = sortDocs(input.docs);

    // Parse, then resolve: every doc's model and messages, links followed, nullability inferred.
    const reads = await engine.read(docs, (done, total) => input.onProgress?.({ phase: "reading", done, total }));
    const { models, files, skipped } = assembleModels(docs, reads, config);

    // Plan: each module's examples (read once, here) and exports.
    const plans = models.models.map((model) => planModule(model, models, readModelExamples(model, models), config));
    for (const plan of plans) {
      for (const problem of plan.examples.problems) report(files.get(plan.model.path)!, problem.severity, problem.reason, problem.position, "bad-example");
    }
    const messages = [...files.values()].flatMap((file) => file.messages);
    const stats: GenerateStats = { docs: docs.length, models: models.models.length, modelsByKind: countKinds(models.models), skipped };
    const told = { messages, stats, exampleUsage: plans.flatMap(usageOutcome), examples: plans.flatMap(emittedExample), schemas: plans.map(emittedSchema) };
    if (hasErrors(messages)) return { files: [], ...told };

    // Emit and format the modules, the barrel, the runtime and the schema files.
    const runtime = emitRuntime(input.runtimeTemplate, config);
    const schemaFiles = plans.map(({ schema }) => ({ path: schema.path, content: jsonSchemaText(schema.document) }));
    const onEmitted = (done: number, total: number) => input.onProgress?.({ phase: "emitting", done, total });
    const output = await engine.emit(plans, plans.map(barrelEntry), [runtime, ...schemaFiles], { models, config, formatOptions }, onEmitted);
    const by = { mdmodel: PACKAGE.version, identity: input.identity ?? generatorIdentity(), stats: { ...stats, warnings: countBySeverity(messages).warning } };
    output.push(manifestFile(output, { by, inputs: { key: inputKey(config, input.formatOptions), docs: docHashes(input.docs) } }));
    output.sort((a, b) => compareText(a.path, b.path));
    return { files: output, ...told };
  });
}

/** What became of a model's Example Usage block, when it has one. */
function usageOutcome({ model, path, names, examples }: ModulePlan): ExampleUsageOutcome[] {
  if (!examples.usage) return [];
  const outcome: ExampleUsageOutcome = examples.usage.accepted
    ? { docPath: model.path, module: path, exportName: names.example, validateName: names.validate }
    : { docPath: model.path, validateName: names.validate, rejected: examples.usage.reason };
  return [outcome];
}

/** The typed example a module holds, when it has one. */
function emittedExample({ model, path, names, examples }: ModulePlan): EmittedExample[] {
  if (!examples.model) return [];
  return [{ docPath: model.path, module: path, exportName: names.example, validateName: names.validate, parseName: names.parse, toWireName: names.toWire, source: examples.model.source }];
}

function emittedSchema({ model, path, names, schema }: ModulePlan): EmittedSchema {
  return { docPath: model.path, path: schema.path, module: path, exportName: names.schema, schema: schema.document };
}

function countKinds(models: readonly Pick<ModelDoc, "body">[]): GenerateStats["modelsByKind"] {
  const counts = { object: 0, enum: 0, union: 0 };
  for (const model of models) counts[model.body.kind] += 1;
  return counts;
}

/** The options that are set (`exactOptionalPropertyTypes` tells an absent option from `undefined`). */
function defined<T extends object>(options: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

export { MANIFEST_PATH };
