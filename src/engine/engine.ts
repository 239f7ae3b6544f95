/**
 * The engine beside the pipeline: it decides what to reuse (docs read before, modules
 * emitted before, texts formatted before) and where to run the rest (this thread, or worker
 * threads when there is enough of it). `generate()` asks it to read, emit and format, and
 * never sees a cache key or a thread.
 */
import { availableParallelism } from "node:os";
import type { BarrelEntry } from "../emit/plan.js";
import type { ModulePlan } from "../emit/plan.js";
import { closureHashes } from "../ir/closure-hash.js";
import { isSafeDocPath } from "../pipeline/assemble.js";
import type { DocRead } from "../pipeline/read-step.js";
import type { EmitContext, FormattedFile } from "../pipeline/steps.js";
import { sha256Hex } from "../shared/hash.js";
import type { OutputFile } from "../shared/output-file.js";
import type { SourceDoc } from "../shared/source-doc.js";
import { readingLabel, type ReadOptions } from "../shared/read-options.js";
import { docHash, inputKey } from "../write/manifest.js";
import { LocalExecutor, type Executor } from "./executor.js";
import { oldGenerationMb, WorkerOutOfMemory, WorkerPool } from "./pool.js";

/** The caches a run may reuse and refresh; each is left holding exactly this run's entries. */
export interface Caches {
  /** Docs as read, by a hash of their path and text. */
  readCache?: Map<string, DocRead>;
  /** The format key of each model module by its closure key (`ir/closure-hash.ts`); used with `formatCache`. */
  moduleCache?: Map<string, string>;
  /** Formatted texts by a hash of their unformatted text and the prettier options. */
  formatCache?: Map<string, string>;
}

export interface EngineOptions extends Caches {
  /** How many docs the run has: it sizes the workers' heaps. */
  docs: number;
  /** Threads to run on (default: every core, once there is enough work); an explicit number is always used. */
  threads?: number;
  /** The old-generation cap of each worker thread, in MB (default: grows with the docs). */
  workerHeapMb?: number;
  /** Abandons the run: the worker threads stop and the step under way rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Below this many modules to emit, or docs to read, starting worker threads costs more than it
 * saves: a worker takes some 0.5 s to load the emitter and formatter, a doc ~2 ms to read.
 */
const MIN_FOR_WORKERS = { emit: 48, read: 400 } as const;

/** Runs `run` with an engine; a worker past its capped heap makes the run start again in this thread. */
export async function withEngine<T>(options: EngineOptions, run: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = new Engine(options);
  try {
    return await run(engine);
  } catch (error) {
    if (!(error instanceof WorkerOutOfMemory) || options.signal?.aborted) throw error;
    const single = new Engine({ ...options, threads: 1 });
    try {
      return await run(single);
    } finally {
      await single.close();
    }
  } finally {
    await engine.close();
  }
}

export class Engine {
  readonly #options: EngineOptions;
  readonly #threads: number;
  /** An explicit thread count uses workers whatever the amount of work (tests rely on it). */
  readonly #forced: boolean;
  #pool: WorkerPool | undefined;
  #local: LocalExecutor | undefined;

  constructor(options: EngineOptions) {
    this.#options = options;
    this.#threads = options.threads ?? availableParallelism();
    this.#forced = options.threads !== undefined;
  }

  /** Where `work` items run: the pool once there is enough work (or once it is running), else this thread. */
  #executor(work: number, kind: keyof typeof MIN_FOR_WORKERS): Executor {
    if (this.#threads >= 2 && work > 0 && (this.#forced || work >= MIN_FOR_WORKERS[kind])) {
      this.#pool ??= new WorkerPool(
        this.#threads,
        this.#options.workerHeapMb ?? oldGenerationMb(this.#options.docs),
        this.#options.signal,
      );
    }
    return this.#pool ?? (this.#local ??= new LocalExecutor(this.#options.signal));
  }

  /** Each doc as read (from the read cache where it has it); a doc whose path is unsafe is not read and stays `undefined`. */
  async read(
    docs: readonly SourceDoc[],
    readOptions: ReadOptions,
    onProgress?: (done: number, total: number) => void,
  ): Promise<Array<DocRead | undefined>> {
    const cache = this.#options.readCache;
    const keys = cache ? docs.map((doc) => readKey(doc, readOptions)) : [];
    // Shared with the cache, not copied: no later step changes a read (a test runs on frozen ones).
    const reads: Array<DocRead | undefined> = docs.map((_, i) => cache?.get(keys[i]!));
    const misses = reads.flatMap((read, i) => (read || !isSafeDocPath(docs[i]!.path) ? [] : [i]));
    const hits = docs.length - misses.length;
    const fresh = await this.#executor(misses.length, "read").map(
      "read",
      misses.map((i) => ({ ...docs[i]!, readOptions })),
      (done) => onProgress?.(hits + done, docs.length),
    );
    misses.forEach((index, k) => {
      reads[index] = fresh[k]!;
      cache?.set(keys[index]!, fresh[k]!);
    });
    if (cache) keepOnly(cache, new Set(keys));
    return reads;
  }

  /**
   * The formatted modules of `plans`, the barrel (unless it is `undefined`) and `others` (the
   * runtime), by path; caches refreshed to hold just these. `moduleKeys` are `moduleKeysOf(context)`,
   * which the run has already computed for the manifest.
   */
  async emit(
    plans: readonly ModulePlan[],
    barrel: readonly BarrelEntry[] | undefined,
    others: readonly OutputFile[],
    context: Omit<EmitContext, "known">,
    moduleKeys: ReadonlyMap<string, string>,
    onProgress?: (done: number, total: number) => void,
  ): Promise<Array<OutputFile & { key: string }>> {
    const { moduleCache, formatCache } = this.#options;
    // A module whose closure (its model and every model it reaches) is unchanged is known by its format key.
    const known = (key: string | undefined) => (key !== undefined && formatCache?.has(key) ? key : undefined);
    const reused = new Map(
      plans.flatMap((plan) => {
        const key = known(moduleCache?.get(moduleKeys.get(plan.model.path)!));
        return key === undefined ? [] : [[plan.path, key] as const];
      }),
    );
    // The barrel depends only on each module's path, model name and exports.
    const barrelKey =
      moduleCache &&
      barrel &&
      sha256Hex(JSON.stringify(["barrel", context.config, context.formatOptions, barrel.map(barrelPart)]));
    // The cache holds the barrels' paths and format keys, as JSON.
    const cachedBarrels = barrelKey ? moduleCache?.get(barrelKey) : undefined;
    const listed = cachedBarrels === undefined ? undefined : barrelList(cachedBarrels);
    const reusedBarrels = listed?.every(([, key]) => known(key) !== undefined)
      ? listed.map(([path, key]): FormattedFile => ({ path, key }))
      : undefined;

    const toEmit = plans.filter((plan) => !reused.has(plan.path));
    const executor = this.#executor(toEmit.length, "emit");
    // `known` tells the executor which formatted texts it need not send back.
    await executor.setContext({ ...context, known: [...(formatCache?.keys() ?? [])] });
    const [modules, barrelFiles, otherFiles] = await Promise.all([
      executor.map(
        "emit",
        toEmit.map(({ model, ...plan }) => ({ ...plan, modelPath: model.path })),
        (done) => onProgress?.(reused.size + done, plans.length),
      ),
      !barrel ? [] : (reusedBarrels ?? executor.one("barrel", [...barrel])),
      executor.map("format", [...others]),
    ]);

    // Every file's format key and text: emitted ones (fresh, or known to the format cache), then reused modules.
    const emitted: FormattedFile[] = [...modules, ...barrelFiles, ...otherFiles];
    const keys = new Map(emitted.map((file) => [file.path, file.key]));
    const texts = new Map(emitted.map((file) => [file.path, file.content ?? formatCache!.get(file.key)!]));
    for (const plan of plans) {
      const key = reused.get(plan.path);
      if (key === undefined || texts.has(plan.path)) continue;
      keys.set(plan.path, key);
      texts.set(plan.path, formatCache!.get(key)!);
    }
    if (formatCache) {
      formatCache.clear(); // only this run's texts stay, so the cache does not grow without bound
      for (const [path, key] of keys) formatCache.set(key, texts.get(path)!);
    }
    if (moduleCache) {
      moduleCache.clear();
      for (const plan of plans) moduleCache.set(moduleKeys.get(plan.model.path)!, keys.get(plan.path)!);
      if (barrelKey) moduleCache.set(barrelKey, JSON.stringify(barrelFiles.map(({ path, key }) => [path, key])));
    }
    return [...texts].map(([path, content]) => ({ path, content, key: keys.get(path)! }));
  }

  async close(): Promise<void> {
    await this.#pool?.close();
  }
}

/** Each model's module key (`ir/closure-hash.ts`) under the options of `context` that shape output (not the folders: a clone elsewhere has the same keys). */
export function moduleKeysOf(context: Pick<EmitContext, "models" | "config" | "formatOptions">): Map<string, string> {
  return closureHashes(context.models, inputKey(context.config, context.formatOptions));
}

/** What the barrel takes from a module's entry: a change of anything else leaves the barrel as it is. */
export function barrelPart({ path, modelPath, names, exports }: BarrelEntry): unknown {
  return [path, modelPath, names.type, exports];
}

/** The barrels' paths and format keys as the module cache holds them; `undefined` for anything else. */
function barrelList(text: string): Array<[string, string]> | undefined {
  try {
    const list: unknown = JSON.parse(text);
    const pair = (item: unknown) =>
      Array.isArray(item) && item.length === 2 && item.every((s) => typeof s === "string");
    return Array.isArray(list) && list.every(pair) ? (list as Array<[string, string]>) : undefined;
  } catch {
    return undefined;
  }
}

/** A read's cache key: the doc, and how its tree is read (a Speakeasy TypeScript read keeps the key it always had). */
function readKey(doc: SourceDoc, readOptions: ReadOptions): string {
  const plain =
    readOptions.dialect === "typescript" &&
    readOptions.fieldNames === "as-documented" &&
    readOptions.family === undefined;
  const how = plain ? "" : `\0${readingLabel(readOptions)}\0${readOptions.fieldNames}`;
  return sha256Hex(`${doc.path}\0${docHash(doc)}${how}`);
}

function keepOnly<V>(cache: Map<string, V>, used: ReadonlySet<string>): void {
  for (const key of [...cache.keys()]) if (!used.has(key)) cache.delete(key);
}
