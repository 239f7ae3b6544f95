/**
 * The pipeline for a set of docs: read each → resolve links → read examples → emit
 * modules → format. Pure over its inputs: it returns files and messages, writes nothing.
 */
import { availableParallelism } from "node:os";
import type { Options as PrettierOptions } from "prettier";
import type { VFileMessage } from "vfile-message";
import { type ConfigInput, resolveConfig } from "./config/defaults.js";
import { countBySeverity, hasErrors, report } from "./shared/diagnostics.js";
import { barrelEntry } from "./emit/barrel.js";
import { BARREL_PATH } from "./emit/files.js";
import { planModule, type ModulePlan } from "./emit/plan.js";
import type { OutputFile } from "./shared/output-file.js";
import { emitRuntime } from "./emit/runtime.js";
import { closureHashes } from "./ir/closure-hash.js";
import { readModelExamples, type ExampleSource } from "./ir/examples.js";
import { generatorIdentity } from "./identity.js";
import { PACKAGE } from "./package-info.js";
import { compareText } from "./shared/text.js";
import type { ModelDoc } from "./ir/types.js";
import type { SourceDoc } from "./parse/read-doc.js";
import { assembleModels, isSafeDocPath, sortDocs } from "./pipeline/assemble.js";
import { LazyPool, MAX_CHUNK, oldGenerationMb, WorkerOutOfMemory } from "./pipeline/pool.js";
import type { DocRead, EmitContext, FormattedFile } from "./pipeline/steps.js";
import { sha256Hex } from "./shared/hash.js";
import { docHash, docHashes, inputKey, MANIFEST_PATH, manifestFile } from "./write/manifest.js";

export interface GenerateInput {
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
  /** Docs read by earlier runs, by a hash of their path and text; updated to this run's docs. */
  readCache?: Map<string, CachedRead>;
  /**
   * The format key (see `formatCache`) of each model module by its `closureHashes` key:
   * hits skip emitting too. Used with `formatCache`, which holds the texts; updated to
   * hold exactly this run's modules.
   */
  moduleCache?: Map<string, string>;
  /**
   * Formatted files by a hash of their unformatted text and the prettier options: hits
   * skip prettier; the map is updated to hold exactly this run's files.
   */
  formatCache?: Map<string, string>;
  /**
   * Threads to read, emit and format with (default: every core, once there is enough work
   * to repay starting them); an explicit number is always used. The output is the same for any number.
   */
  threads?: number;
  /** The old-generation cap of each worker thread, in MB (default: grows with the docs; see `pool.ts`). */
  workerHeapMb?: number;
  /** Called as docs are read, for a progress display. */
  onProgress?: (done: number, total: number) => void;
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

/** A typed example the output holds, and the validator that must accept it. */
export interface EmittedExample {
  docPath: string;
  module: string;
  exportName: string;
  validateName: string;
  source: ExampleSource;
}

export interface GenerateResult {
  /** Every Example Usage block found, and whether it became a typed example. */
  exampleUsage: ExampleUsageOutcome[];
  /** Every example the output holds, whatever part of the doc it came from. */
  examples: EmittedExample[];
  /** The output files, sorted by path; empty when any doc has an error. */
  files: OutputFile[];
  /** Every message, in doc order. */
  messages: VFileMessage[];
  stats: GenerateStats;
}

function readKey(doc: SourceDoc): string {
  return sha256Hex(`${doc.path}\0${docHash(doc)}`);
}

/** A doc as read, kept as plain data: its model and the messages reading it gave. */
export type CachedRead = DocRead;

/** Reads every doc with a safe path (the others stay `undefined`), on worker threads when there are many. */
async function readAll(
  docs: readonly SourceDoc[],
  cache: Map<string, CachedRead> | undefined,
  pools: LazyPool,
  forced: boolean,
  onProgress?: (done: number, total: number) => void,
): Promise<Array<DocRead | undefined>> {
  const keys = cache ? docs.map(readKey) : [];
  // Shared with the cache, not copied: no later step changes a read (a test runs on frozen ones).
  const reads: Array<DocRead | undefined> = docs.map((_, i) => cache?.get(keys[i]!));
  // A doc whose path is unsafe is not read at all.
  const misses = reads.flatMap((read, i) => (read || !isSafeDocPath(docs[i]!.path) ? [] : [i]));
  const hits = docs.length - misses.length;
  const pool = pools.for(misses.length, forced);
  const report = (done: number) => onProgress?.(hits + done, docs.length);
  let fresh: DocRead[];
  if (pool) fresh = await pool.map("read", misses.map((i) => docs[i]!), report);
  else {
    // Loaded only here: with workers, the main thread never loads the parsers.
    const { readStep } = await import("./pipeline/steps.js");
    fresh = misses.map((i, k) => {
      const read = readStep(docs[i]!);
      report(k + 1);
      return read;
    });
  }
  misses.forEach((index, k) => {
    reads[index] = fresh[k]!;
    cache?.set(keys[index]!, fresh[k]!);
  });
  if (cache) {
    // Keep only this run's docs, so the cache does not grow without bound.
    const used = new Set(keys);
    for (const key of [...cache.keys()]) if (!used.has(key)) cache.delete(key);
  }
  return reads;
}

/** Generates the output for `docs`; errors leave `files` empty so nothing gets written. */
export async function generate(input: GenerateInput): Promise<GenerateResult> {
  const pools = new LazyPool(input.threads ?? availableParallelism(), input.workerHeapMb ?? oldGenerationMb(input.docs.length));
  try {
    return await generateWith(input, pools);
  } catch (error) {
    // The workers' heaps are capped; past the cap the run is redone, slower, in this thread.
    if (!(error instanceof WorkerOutOfMemory)) throw error;
    return generateWith(input, new LazyPool(1, 0));
  } finally {
    await pools.close();
  }
}

async function generateWith(input: GenerateInput, pools: LazyPool): Promise<GenerateResult> {
  const config = resolveConfig(input.config);
  const formatOptions = input.formatOptions ?? {};
  // An explicit thread count uses workers whatever the amount of work (tests rely on it).
  const forced = input.threads !== undefined;
  const docs = sortDocs(input.docs);
  const reads = await readAll(docs, input.readCache, pools, forced, input.onProgress);
  const { models: modelSet, files, skipped } = assembleModels(docs, reads, config);
  const moduleKeys = input.moduleCache ? closureHashes(modelSet, JSON.stringify([config, formatOptions])) : undefined;
  const modules: ModulePlan[] = [];
  const exampleUsage: ExampleUsageOutcome[] = [];
  const emitted: EmittedExample[] = [];
  for (const model of modelSet.models) {
    const examples = readModelExamples(model, modelSet);
    for (const problem of examples.problems) report(files.get(model.path)!, "warning", problem.reason, problem.position, "bad-example");
    const module = planModule(model, examples, config);
    modules.push(module);
    const { names } = module;
    if (examples.model) {
      emitted.push({ docPath: model.path, module: module.path, exportName: names.example, validateName: names.validate, source: examples.model.source });
    }
    if (examples.usage) {
      exampleUsage.push(
        examples.usage.accepted
          ? { docPath: model.path, module: module.path, exportName: names.example, validateName: names.validate }
          : { docPath: model.path, validateName: names.validate, rejected: examples.usage.reason },
      );
    }
  }

  const messages = [...files.values()].flatMap((file) => file.messages);
  const stats: GenerateStats = {
    docs: docs.length,
    models: modelSet.models.length,
    modelsByKind: countKinds(modelSet.models),
    skipped,
  };
  if (hasErrors(messages)) return { files: [], messages, stats, exampleUsage, examples: emitted };

  // A module whose closure (its model and every model it reaches) is unchanged comes from the caches.
  const formatCache = input.formatCache;
  const cachedKey = (module: ModulePlan) => {
    const key = moduleKeys && input.moduleCache?.get(moduleKeys.get(module.model.path)!);
    return key !== undefined && formatCache?.has(key) ? key : undefined;
  };
  const toEmit = modules.filter((module) => cachedKey(module) === undefined);
  const context: EmitContext = { models: modelSet, config, formatOptions, known: new Set(formatCache?.keys() ?? []) };
  const barrelEntries = modules.map(barrelEntry);
  // The barrel depends only on each module's path, model name and exports: unchanged, it comes from the caches too.
  const barrelKey = input.moduleCache && sha256Hex(JSON.stringify(["barrel", config, formatOptions, modules.map(({ path, exports, model }) => [path, model.path, model.name, exports])]));
  const cachedBarrelKey = barrelKey === undefined ? undefined : input.moduleCache?.get(barrelKey);
  const cachedBarrel = cachedBarrelKey !== undefined && formatCache?.has(cachedBarrelKey) ? { path: BARREL_PATH, key: cachedBarrelKey } : undefined;
  const runtime = emitRuntime(input.runtimeTemplate, config);
  const pool = pools.for(toEmit.length, forced);
  let emittedFiles: FormattedFile[];
  if (pool) {
    await pool.broadcast("context", { ...context, known: [...context.known] });
    const [moduleFiles, barrel, [runtimeFile]] = await Promise.all([
      pool.map("emit", toEmit.map((module) => module.model.path)),
      cachedBarrel ?? pool.one("barrel", barrelEntries),
      pool.one("format", [runtime]),
    ]);
    emittedFiles = [...moduleFiles, barrel, runtimeFile!];
  } else {
    const { barrelStep, emitStep, formatStep } = await import("./pipeline/steps.js");
    emittedFiles = [];
    // Chunks as the workers get them: several modules per prettier call.
    for (let start = 0; start < toEmit.length; start += MAX_CHUNK) {
      emittedFiles.push(...(await emitStep(toEmit.slice(start, start + MAX_CHUNK).map((module) => module.model.path), context)));
    }
    emittedFiles.push(cachedBarrel ?? (await barrelStep(barrelEntries, context)), await formatStep(runtime, context));
  }

  // Every file's format key and text: emitted ones (fresh or format-cache hits), then module-cache hits.
  const keys = new Map(emittedFiles.map((file) => [file.path, file.key]));
  const byPath = new Map(emittedFiles.map((file) => [file.path, file.content ?? formatCache!.get(file.key)!]));
  for (const module of modules) {
    const key = cachedKey(module);
    if (key === undefined || byPath.has(module.path)) continue;
    keys.set(module.path, key);
    byPath.set(module.path, formatCache!.get(key)!);
  }
  if (formatCache) {
    // Only this run's texts stay, so the cache does not grow without bound.
    formatCache.clear();
    for (const [path, key] of keys) formatCache.set(key, byPath.get(path)!);
  }
  if (moduleKeys && input.moduleCache) {
    const cache = input.moduleCache;
    cache.clear(); // only this run's modules stay
    for (const module of modules) cache.set(moduleKeys.get(module.model.path)!, keys.get(module.path)!);
    cache.set(barrelKey!, keys.get(BARREL_PATH)!);
  }
  const formatted: OutputFile[] = [...byPath].map(([path, content]) => ({ path, content }));
  const by = { mdmodel: PACKAGE.version, identity: input.identity ?? generatorIdentity(), stats: { ...stats, warnings: countBySeverity(messages).warning } };
  formatted.push(manifestFile(formatted, { by, inputs: { key: inputKey(config, input.formatOptions), docs: docHashes(input.docs) } }));
  formatted.sort((a, b) => compareText(a.path, b.path));
  return { files: formatted, messages, stats, exampleUsage, examples: emitted };
}

function countKinds(models: readonly ModelDoc[]): GenerateStats["modelsByKind"] {
  const counts = { object: 0, enum: 0, union: 0 };
  for (const model of models) counts[model.body.kind] += 1;
  return counts;
}

export { MANIFEST_PATH };
