/**
 * All or nothing for the output folder. A run takes a lock, writes every new and changed
 * file into a staging folder inside the output folder, then commits by renaming a journal
 * into place: before that rename a failure or a kill leaves the folder as it was (the next run
 * drops the staging folder); after it, the renames are replayed until done, by this run or,
 * after a kill, by the next one. The manifest is renamed last.
 */
// Synchronous calls: see writer.ts.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { exists } from "../shared/read-text.js";
import { MANIFEST_PATH } from "./manifest.js";

/** The folder new files wait in until the commit; the journal that commits them; the lock. */
export const STAGING = ".mdmodel-staging";
export const JOURNAL = ".mdmodel-journal.json";
export const LOCK = ".mdmodel.lock";

/** Paths under the output folder that belong to a run in progress, never to the output. */
export function isTransactionPath(path: string): boolean {
  return path === JOURNAL || path === LOCK || path === `${JOURNAL}.tmp` || path === STAGING || path.startsWith(`${STAGING}/`);
}

/** Thrown when another run holds the output folder's lock. */
export class LockedError extends Error {
  override name = "LockedError";
}

interface Journal {
  /** Paths (under the output folder) whose staged file replaces the file there; the manifest last. */
  renames: string[];
  /** Paths to remove once the renames are done. */
  removes: string[];
}

/** Takes the output folder's lock (creating the folder if need be); a lock whose process is gone is taken over. */
export function lock(outDir: string): () => void {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, `${JSON.stringify({ pid: process.pid })}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The lock is the first file a run writes: a folder it may not write is named as the folder.
      if (code !== "EEXIST") throw code === undefined ? error : Object.assign(new Error(`cannot write in ${outDir}`), { code, syscall: "open", path: outDir });
      const holder = lockHolder(path);
      if (holder !== undefined && holder !== process.pid && alive(holder)) {
        throw new LockedError(`another mdmodel run (process ${holder}) is writing this output folder; wait for it to finish (or, if no run is going, remove ${LOCK})`);
      }
      // A run that died left its lock: take it over.
      rmSync(path, { force: true });
    }
  }
  throw new LockedError(`cannot take the lock ${LOCK} of the output folder`);
}

function lockHolder(path: string): number | undefined {
  try {
    const pid = (JSON.parse(readFileSync(path, "utf8")) as { pid?: unknown }).pid;
    return typeof pid === "number" && Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is another user's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Finishes what an interrupted run committed, and drops what it staged but never committed. Call with the lock held. */
export function recover(outDir: string): "completed" | "dropped" | "clean" {
  const journal = readJournal(join(outDir, JOURNAL));
  if (journal) {
    apply(outDir, journal);
    return "completed";
  }
  const staged = exists(join(outDir, STAGING)) || exists(join(outDir, `${JOURNAL}.tmp`)) || exists(join(outDir, JOURNAL));
  rmSync(join(outDir, STAGING), { recursive: true, force: true });
  rmSync(join(outDir, `${JOURNAL}.tmp`), { force: true });
  // A journal that cannot be read was never committed: its rename is the commit, and it writes whole files.
  rmSync(join(outDir, JOURNAL), { force: true });
  return staged ? "dropped" : "clean";
}

/**
 * Stages `files` (path and content) and commits them, with `removes` to delete after. A
 * failure while staging removes the staging folder and leaves the output as it was.
 */
export function commit(outDir: string, files: ReadonlyArray<{ path: string; content: string }>, removes: readonly string[]): void {
  const staging = join(outDir, STAGING);
  const journal: Journal = { renames: files.map((file) => file.path).sort((a, b) => Number(a === MANIFEST_PATH) - Number(b === MANIFEST_PATH)), removes: [...removes] };
  rmSync(staging, { recursive: true, force: true });
  try {
    const made = new Set<string>();
    for (const file of files) {
      const target = join(staging, file.path);
      const folder = dirname(target);
      try {
        if (!made.has(folder)) mkdirSync(folder, { recursive: true });
        made.add(folder);
        writeFileSync(target, file.content);
      } catch (error) {
        // A failed write() (a full disk) names no file: the message names the output file meant.
        const failure = error as NodeJS.ErrnoException;
        if (failure.code !== undefined && (failure.path === undefined || failure.path.startsWith(staging))) failure.path = join(outDir, file.path);
        throw failure;
      }
    }
    writeFileSync(join(outDir, `${JOURNAL}.tmp`), JSON.stringify(journal));
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    rmSync(join(outDir, `${JOURNAL}.tmp`), { force: true });
    throw error;
  }
  // The commit point: from here on the new state is what the folder will hold.
  renameSync(join(outDir, `${JOURNAL}.tmp`), join(outDir, JOURNAL));
  apply(outDir, journal);
}

/** Replays a journal: each staged file still there is renamed into place, then the removals; then the journal goes. */
function apply(outDir: string, journal: Journal): void {
  const staging = join(outDir, STAGING);
  for (const path of journal.renames) {
    const staged = join(staging, path);
    if (!exists(staged)) continue;
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    // A folder where a file goes (a stale manifest entry, a user's) is not overwritten by rename; it is in the way.
    renameSync(staged, target);
  }
  for (const path of journal.removes) rmSync(join(outDir, path), { force: true });
  rmSync(join(outDir, JOURNAL), { force: true });
  rmSync(staging, { recursive: true, force: true });
}

function readJournal(path: string): Journal | undefined {
  try {
    const value = JSON.parse(readFileSync(path, "utf8")) as Partial<Journal>;
    const paths = (list: unknown): list is string[] => Array.isArray(list) && list.every((item) => typeof item === "string" && safeRelative(item));
    return paths(value.renames) && paths(value.removes) ? { renames: value.renames, removes: value.removes } : undefined;
  } catch {
    return undefined;
  }
}

/** A journal is read from disk: only plain relative paths inside the folder are replayed. */
function safeRelative(path: string): boolean {
  return path !== "" && !path.startsWith("/") && !path.includes("\\") && !path.includes("\0") && path.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}
