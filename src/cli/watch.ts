/**
 * `--watch`: runs again whenever a doc under the input folder is added, changed (also by an
 * editor's rename-over save), removed or moved, debounced, with a line naming what changed.
 * chokidar does the watching: `fs.watch` alone loses a file once it is replaced by a rename.
 * Told to stop, it abandons the run under way (which then writes nothing) and drops any queued.
 */
import { relative, sep } from "node:path";
import { watch } from "chokidar";
import type { CliIo } from "./io.js";
import { printable } from "./report/printable.js";
import { isDocPath } from "../shared/doc-files.js";

/** Waits this long after the last change before running, so a save that writes several files runs once. */
const DEBOUNCE_MS = 100;

/**
 * Watches `folder` and calls `run` after changes, one run at a time, with a signal that aborts
 * when the watch stops; resolves once `signal` aborts or the process is told to stop (SIGINT,
 * SIGTERM) and the run under way has given up.
 */
export async function watchDocs(
  folder: string,
  io: CliIo,
  run: (changed: string[], stop: AbortSignal) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const watcher = watch(folder, { ignoreInitial: true, atomic: true, persistent: true });
  const stop = new AbortController();
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...changed].sort();
      changed.clear();
      running = running
        .then(() => (stop.signal.aborted ? undefined : run(paths, stop.signal)))
        .catch((error: unknown) => io.stderr(`mdmodel: ${printable((error as Error).message)}`));
    }, DEBOUNCE_MS);
  };
  watcher.on("all", (event, path) => {
    const isDoc = isDocPath(path);
    // A folder that appears or goes may bring or take docs with it.
    if (!isDoc && event !== "addDir" && event !== "unlinkDir") return;
    changed.add(relative(folder, path).split(sep).join("/") || ".");
    schedule();
  });
  await new Promise<void>((ready) => watcher.once("ready", () => ready()));
  io.stdout(`mdmodel: watching ${printable(relative(io.cwd, folder) || ".")} (Ctrl-C to stop)`);
  await new Promise<void>((stopped) => {
    const end = () => {
      process.off("SIGINT", end);
      process.off("SIGTERM", end);
      stopped();
    };
    if (signal?.aborted) end();
    signal?.addEventListener("abort", end, { once: true });
    process.once("SIGINT", end);
    process.once("SIGTERM", end);
  });
  clearTimeout(timer);
  stop.abort();
  await watcher.close();
  await running;
}
