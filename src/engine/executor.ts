/**
 * Where the steps run: this thread, or a pool of worker threads once there is enough work to
 * repay starting them. Both run the same handler (`operations.ts`) in the same chunks, so the
 * output is the same whichever runs it.
 */
import { createHandler, type Job, type ListOp, type Operations } from "./operations.js";

/** Runs operations: a request at a time, or a list of items in chunks, answers in input order. */
export interface Executor {
  /** Sends the models and options that later `emit`, `format` and `barrel` requests use. */
  setContext(payload: Operations["context"][0]): Promise<void>;
  map<K extends ListOp>(op: K, items: Operations[K][0], onProgress?: (done: number) => void): Promise<Operations[K][1]>;
  one<K extends "barrel" | "format">(op: K, payload: Operations[K][0]): Promise<Operations[K][1]>;
  close(): Promise<void>;
}

/** The most items sent in one request: it keeps each answer small, and lets prettier format several modules per call. */
export const MAX_CHUNK = 32;

/** Runs every operation in this thread, chunk by chunk as workers get them. */
export class LocalExecutor implements Executor {
  readonly #handle = createHandler();

  /** `signal` is looked at between chunks: an abandoned run stops within one chunk's work. */
  constructor(readonly signal?: AbortSignal) {}

  async setContext(payload: Operations["context"][0]): Promise<void> {
    await this.#handle({ op: "context", payload });
  }

  async map<K extends ListOp>(
    op: K,
    items: Operations[K][0],
    onProgress?: (done: number) => void,
  ): Promise<Operations[K][1]> {
    const results: unknown[] = [];
    for (let start = 0; start < items.length; start += MAX_CHUNK) {
      this.signal?.throwIfAborted();
      const chunk = items.slice(start, start + MAX_CHUNK) as Operations[K][0];
      const answers = (await this.#handle({ op, payload: chunk } as Job)) as unknown[];
      for (const answer of answers) {
        results.push(answer);
        onProgress?.(results.length);
      }
    }
    return results as Operations[K][1];
  }

  async one<K extends "barrel" | "format">(op: K, payload: Operations[K][0]): Promise<Operations[K][1]> {
    this.signal?.throwIfAborted();
    return (await this.#handle({ op, payload } as Job)) as Operations[K][1];
  }

  async close(): Promise<void> {}
}
