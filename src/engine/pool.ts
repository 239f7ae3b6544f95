/**
 * A fixed set of worker threads that run the pipeline's steps. Work goes out in small
 * chunks that idle workers pull from one queue, and results come back in input order,
 * so the output is the same for any number of workers.
 */
import { Worker } from "node:worker_threads";
import { MAX_CHUNK, type Executor } from "./executor.js";
import type { ListOp, Op, Operations, Reply } from "./operations.js";

/** A larger young generation than V8's default: the steps' many short-lived objects (syntax trees, prettier docs) die young instead of being promoted. */
const YOUNG_GENERATION_MB = 96;

/** A worker's old generation is capped near what it needs (its code, a copy of the models, one chunk in flight), so it collects instead of growing; the cap grows with the docs. */
export function oldGenerationMb(docs: number): number {
  return Math.max(256, Math.ceil(128 + docs * 0.03));
}

/** Compiled (dist/), the worker is plain JavaScript; from src/ (tests, tsx) it needs a loader first. */
const WORKER_ENTRY = import.meta.url.endsWith(".ts") ? "./worker-entry.js" : "./worker.js";

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** A worker ran out of its capped heap: the run can go on in the main thread. */
export class WorkerOutOfMemory extends Error {}

export class WorkerPool implements Executor {
  readonly #workers: Worker[];
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;
  #failure: Error | undefined;
  #unlisten: (() => void) | undefined;

  constructor(
    size: number,
    readonly oldGenerationMb: number,
    signal?: AbortSignal,
  ) {
    this.#workers = Array.from({ length: size }, () => this.#spawn());
    // Abandoned: every request under way rejects with the signal's reason, and the threads stop now, not after their chunk.
    const abandon = () => {
      this.#fail(signal!.reason as Error);
      void this.close();
    };
    if (signal?.aborted) abandon();
    else if (signal) {
      signal.addEventListener("abort", abandon, { once: true });
      this.#unlisten = () => signal.removeEventListener("abort", abandon);
    }
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  #spawn(): Worker {
    const resourceLimits = {
      maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      maxOldGenerationSizeMb: this.oldGenerationMb,
    };
    const worker = new Worker(new URL(WORKER_ENTRY, import.meta.url), {
      resourceLimits,
      execArgv: workerExecArgv(process.execArgv),
    });
    worker.on("message", (reply: Reply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (reply.ok) pending?.resolve(reply.result);
      else pending?.reject(new Error(`a worker thread failed: ${reply.message}`));
    });
    worker.on("error", (error: Error & { code?: string }) =>
      this.#fail(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new WorkerOutOfMemory(error.message) : error),
    );
    worker.on("exit", (code) => {
      if (code !== 0) this.#fail(new Error(`a worker thread exited with code ${code}`));
    });
    return worker;
  }

  #request<K extends Op>(worker: Worker, op: K, payload: Operations[K][0]): Promise<Operations[K][1]> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, op, payload });
    });
  }

  /** Sends the context to every worker. */
  async setContext(payload: Operations["context"][0]): Promise<void> {
    await Promise.all(this.#workers.map((worker) => this.#request(worker, "context", payload)));
  }

  /** Sends one request to one worker (the first). */
  one<K extends Op>(op: K, payload: Operations[K][0]): Promise<Operations[K][1]> {
    return this.#request(this.#workers[0]!, op, payload);
  }

  /** Runs `op` over `items` in chunks that idle workers pull; the answers in input order. */
  async map<K extends ListOp>(
    op: K,
    items: Operations[K][0],
    onProgress?: (done: number) => void,
  ): Promise<Operations[K][1]> {
    const results: unknown[] = new Array(items.length);
    let next = 0;
    let done = 0;
    const drain = async (worker: Worker) => {
      while (next < items.length) {
        // Chunks shrink as the queue empties, so the workers finish together.
        const chunkSize = Math.max(
          1,
          Math.min(MAX_CHUNK, Math.ceil((items.length - next) / (this.#workers.length * 4))),
        );
        const start = next;
        next += chunkSize;
        const answers = (await this.#request(worker, op, items.slice(start, start + chunkSize))) as unknown[];
        answers.forEach((answer, k) => (results[start + k] = answer));
        onProgress?.((done += answers.length));
      }
    };
    await Promise.all(this.#workers.map(drain));
    return results as Operations[K][1];
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.#unlisten?.();
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}

/**
 * The process's Node options that apply to a worker too: those that run code given on the
 * command line (`-e`, `-p` and the script after them, `--input-type`) stay behind, since a
 * worker that inherits them fails to start.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    if (/^(-e|--eval|-p|--print|-pe)$/.test(arg))
      i += 1; // the code that follows
    else if (!/^(--eval|--print|--input-type)=/.test(arg) && arg !== "--input-type") kept.push(arg);
    if (arg === "--input-type") i += 1;
  }
  return kept;
}
