/**
 * The pipeline for a set of docs: parse each → resolve the links → plan each module (its
 * examples and exports) → emit and format (`run/full-run.ts`); with the output already there,
 * only what a change reaches (`run/sparse-run.ts`). Pure over its inputs: it returns files and
 * messages and writes nothing; the engine beside it decides what to reuse and where to run.
 */
import type { VFile } from "vfile";
import { resolveConfig } from "./config/defaults.js";
import { withEngine, type EngineOptions } from "./engine/engine.js";
import { generatorIdentity } from "./identity.js";
import { sortDocs } from "./pipeline/assemble.js";
import type { EmittedExample, EmittedSchema, ExampleUsageOutcome } from "./pipeline/plan-outcomes.js";
import type { DocRead } from "./pipeline/read-step.js";
import { readingErrorFile, readingFor } from "./pipeline/reading.js";
import { modelDocsOf } from "./pipeline/model-docs.js";
import { sparseStart } from "./pipeline/sparse.js";
import { fullRun } from "./run/full-run.js";
import { countKinds } from "./run/plan-and-emit.js";
import { sparseRun } from "./run/sparse-run.js";
import type { GenerateInput, GenerateResult, GenerateStats, Run } from "./run/types.js";
import { familyOf, readingLabel } from "./shared/read-options.js";
import type { SourceDoc } from "./shared/source-doc.js";
import { inputKey, MANIFEST_PATH } from "./write/manifest.js";

/** A doc as read, kept as plain data: its model and the messages reading it gave. */
export type CachedRead = DocRead;

/** Generates the output for `docs`; errors leave `files` empty so nothing gets written. */
export async function generate(input: GenerateInput): Promise<GenerateResult> {
  const { threads, workerHeapMb, readCache, signal } = input;
  // With a previous output, its unchanged modules are reused through the module and format caches.
  const moduleCache = input.moduleCache ?? (input.previous ? new Map<string, string>() : undefined);
  const formatCache = input.formatCache ?? (input.previous ? new Map<string, string>() : undefined);
  const options: EngineOptions = {
    docs: input.docs.length,
    ...defined({ threads, workerHeapMb, readCache, moduleCache, formatCache, signal }),
  };
  return withEngine(options, async (engine) => {
    const config = resolveConfig(input.config);
    const docs = sortDocs(input.docs);
    const reading = readingFor(config, docs);
    if (!reading.ok) return dialectError(docs, readingErrorFile(docs, reading));
    const models = modelDocsOf(docs, reading.readOptions);
    const run: Run = {
      readOptions: reading.readOptions,
      dialectFrom: reading.dialectFrom,
      engine,
      moduleCache,
      formatCache,
      input,
      config,
      formatOptions: input.formatOptions ?? {},
      docs: models.docs,
      identity: input.identity ?? generatorIdentity(),
      key: inputKey(config, input.formatOptions),
    };
    const { previous } = input;
    if (!previous) return fullRun(run);
    // With the output already there, only what a change reaches is read, unless the run must read every doc.
    const start =
      readsWhole(run, models.split) ??
      sparseStart(run.docs, previous.manifest, run.identity, run.key, config, readingLabel(run.readOptions));
    const sparse = typeof start === "object" ? await sparseRun(run, previous, start) : start;
    if (typeof sparse === "object") return sparse;
    const result = await fullRun(run);
    return sparse === undefined ? result : { ...result, readAll: sparse };
  });
}

/** Why a run over these docs reads every one even with a previous output; `undefined` when it need not. */
function readsWhole(run: Run, split: boolean): string | undefined {
  // The manifest records the pages, so a run over docs cut from them reads them all; so does one whose enum values come from examples anywhere in the tree.
  if (split) return "pages that hold several models are read whole";
  if (run.config.include.length > 0 || run.config.exclude.length > 0)
    return "include and exclude choose among every doc";
  if (familyOf(run.readOptions) === "apimatic")
    return "APIMatic's enum values come from examples anywhere in the tree, so it is read whole";
  return undefined;
}

/** A run that cannot tell how to read its docs: one error, at the sign that shows the mix. */
function dialectError(docs: readonly SourceDoc[], file: VFile): GenerateResult {
  const stats: GenerateStats = { docs: docs.length, models: 0, modelsByKind: countKinds([]), skipped: 0, warnings: 0 };
  return { files: [], messages: [...file.messages], stats, exampleUsage: [], examples: [], schemas: [], sparse: false };
}

/** The options that are set (`exactOptionalPropertyTypes` tells an absent option from `undefined`). */
function defined<T extends object>(options: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

export { MANIFEST_PATH };
export type { EmittedExample, EmittedSchema, ExampleUsageOutcome };
export type { GenerateInput, GenerateResult, GenerateStats, PreviousOutput } from "./run/types.js";
