/**
 * `--watch`: runs again whenever a doc under the input folder is added, changed (also by an
 * editor's rename-over save), removed or moved, debounced, with a line naming what changed.
 * chokidar does the watching: `fs.watch` alone loses a file once it is replaced by a rename.
 */
import { relative, sep } from "node:path";
import { watch } from "chokidar";
import type { CliIo } from "./io.js";
import { printable } from "./report/printable.js";
import { isDocPath } from "../shared/doc-files.js";

/** Waits this long after the last change before running, so a save that writes several files runs once. */
const DEBOUNCE_MS = 100;

/** Watches `folder` and calls `run` after changes, one run at a time; resolves when `signal` aborts or the process is told to stop. */
export async function watchDocs(folder: string, io: CliIo, run: (changed: string[]) => Promise<void>, signal?: AbortSignal): Promise<void> {
  const watcher = watch(folder, { ignoreInitial: true, atomic: true, persistent: true });
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...changed].sort();
      changed.clear();
      running = running.then(() => run(paths)).catch((error: unknown) => io.stderr(`mdmodel: ${printable((error as Error).message)}`));
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
  await new Promise<void>((stop) => {
    const end = () => stop();
    signal?.addEventListener("abort", end, { once: true });
    process.once("SIGINT", end);
    process.once("SIGTERM", end);
  });
  clearTimeout(timer);
  await watcher.close();
  await running;
}
