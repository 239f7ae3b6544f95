/**
 * Formats many modules on every core: the main thread takes a share and worker threads
 * the rest. Formatting is pure, so the output is the same for any number of workers.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Options } from "prettier";
import { DEFAULT_FORMAT, formatTypeScript } from "./format.js";

/** Below this many modules, starting a worker costs more than it saves. */
const MIN_FOR_WORKERS = 64;

/** Formats `texts` (in order) with `options`, spreading the work over `threads` threads. */
export async function formatAll(texts: readonly string[], options: Options = {}, threads = availableParallelism()): Promise<string[]> {
  const workers = texts.length < MIN_FOR_WORKERS ? 0 : Math.max(0, threads - 1);
  if (workers === 0) return Promise.all(texts.map((text) => formatTypeScript(text, options)));
  const { filepath: _ignored, ...rest } = options;
  const settings = { ...DEFAULT_FORMAT, ...rest };
  // Interleaved shares balance small and large modules across threads.
  const shares = Array.from({ length: workers + 1 }, (_, share) => texts.map((_, i) => i).filter((i) => i % (workers + 1) === share));
  const [own, ...others] = shares;
  const results: string[] = new Array(texts.length);
  await Promise.all([
    ...others.map(async (indices) => {
      const formatted = await inWorker(indices.map((i) => texts[i]!), settings);
      indices.forEach((index, k) => (results[index] = formatted[k]!));
    }),
    (async () => {
      for (const index of own!) results[index] = await formatTypeScript(texts[index]!, options);
    })(),
  ]);
  return results;
}

function inWorker(texts: string[], options: Options): Promise<string[]> {
  const worker = new Worker(new URL("./format-worker.js", import.meta.url));
  return new Promise<string[]>((resolve, reject) => {
    worker.once("message", (reply: { ok: true; out: string[] } | { ok: false; message: string }) => {
      void worker.terminate();
      if (reply.ok) resolve(reply.out);
      else reject(new Error(`formatting failed in a worker: ${reply.message}`));
    });
    worker.once("error", (error) => {
      void worker.terminate();
      reject(error);
    });
    worker.postMessage({ texts, options });
  });
}
