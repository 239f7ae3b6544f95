/**
 * All or nothing for the output folder. A run takes a lock, writes every new and changed file
 * into a staging folder inside the output folder, records a proof of its journal outside the
 * folder (the cache folder), then commits by renaming the journal into place: the staged files
 * are renamed over their targets, the removals done, and the manifest renamed last. A kill
 * before the commit leaves the folder as it was; after it, the next run on this machine
 * completes the journal, because it finds the proof that a run of its own wrote it.
 *
 * Nothing found in the folder is an instruction: a journal without its proof (one a pull
 * request committed, or one from another machine) is dropped unread, and even a proven one
 * renames only staged files that hold the content it recorded, through real folders, and
 * removes only files that still hold what it recorded. Because the manifest is renamed after
 * everything else, a dropped journal leaves a manifest that still lists every file mdmodel
 * owns, so the next run's plan (made from the docs) converges on the new output.
 */
// Synchronous calls: see writer.ts.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { sha256Hex } from "../shared/hash.js";
import { readRegularFile, UnreadableFileError } from "../shared/read-text.js";
import { MANIFEST_PATH } from "./manifest.js";

/** The folder new files wait in until the commit; the journal that commits them; the lock. */
export const STAGING = ".mdmodel-staging";
export const JOURNAL = ".mdmodel-journal.json";
export const LOCK = ".mdmodel.lock";
const JOURNAL_TMP = `${JOURNAL}.tmp`;

/** Journals and locks are small; a larger one is not mdmodel's. */
const MAX_JOURNAL_BYTES = 64 * 1024 * 1024;
const MAX_LOCK_BYTES = 4096;

/** Paths under the output folder that belong to a run in progress, never to the output. */
export function isTransactionPath(path: string): boolean {
  return (
    path === JOURNAL || path === LOCK || path === JOURNAL_TMP || path === STAGING || path.startsWith(`${STAGING}/`)
  );
}

/** Thrown when another run holds the output folder's lock. */
export class LockedError extends Error {
  override name = "LockedError";
}

/** Thrown when writing would go through a link, or onto something that is not a file. */
export class UnsafeOutputError extends Error {
  override name = "UnsafeOutputError";
}

/** A file by its path under the output folder and the SHA-256 of its content. */
interface Entry {
  path: string;
  hash: string;
}

interface Journal {
  /** Staged files that replace the files at their paths; the manifest is renamed after the removals. */
  renames: Entry[];
  /** Files to remove, with the hash they must still have. */
  removes: Entry[];
}

/** What the lock file holds: enough to tell a live run on this machine from a stale or planted lock. */
interface LockHolder {
  pid: number;
  host: string;
  /** When the process started (ms since the epoch), so a recycled pid is not taken for the holder. */
  started: number;
}

/** Takes the output folder's lock (creating the folder if need be); a lock whose run is gone is taken over. */
export function lock(outDir: string): () => void {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, LOCK);
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    started: Math.round(Date.now() - process.uptime() * 1000),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // O_EXCL: an existing entry, a link included, is never opened through.
      const fd = openSync(path, "wx");
      writeSync(fd, `${JSON.stringify(holder)}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The lock is the first file a run writes: a folder it may not write is named as the folder.
      if (code !== "EEXIST")
        throw code === undefined
          ? error
          : Object.assign(new Error(`cannot write in ${outDir}`), { code, syscall: "open", path: outDir });
      const other = lockHolder(path);
      if (other !== undefined && other.pid !== process.pid && running(other)) {
        throw new LockedError(
          `another mdmodel run (process ${other.pid}) is writing this output folder; wait for it to finish (or, if no run is going, remove ${LOCK})`,
        );
      }
      // A run that died left its lock, or the lock is not one a run here wrote: take it over.
      rmSync(path, { recursive: true, force: true });
    }
  }
  throw new LockedError(`cannot take the lock ${LOCK} of the output folder; remove it if no mdmodel run is going`);
}

function lockHolder(path: string): LockHolder | undefined {
  try {
    const value = JSON.parse(
      readRegularFile(path, { maxBytes: MAX_LOCK_BYTES })?.text ?? "null",
    ) as Partial<LockHolder> | null;
    const { pid, host, started } = value ?? {};
    if (
      typeof pid !== "number" ||
      !Number.isInteger(pid) ||
      pid <= 0 ||
      typeof host !== "string" ||
      typeof started !== "number"
    )
      return undefined;
    return { pid, host, started };
  } catch {
    return undefined;
  }
}

/** Whether the lock's holder is a live process on this machine that started when the lock says. */
function running(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but is another user's.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const started = processStart(holder.pid);
  return started === undefined || Math.abs(started - holder.started) < 5000;
}

/** A process's start time (ms since the epoch) where the system tells it (Linux's /proc); else `undefined`. */
function processStart(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22, after the command name in parentheses (which may hold spaces): clock ticks since boot.
    const ticks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"))?.[1]);
    return Number.isFinite(ticks) && Number.isFinite(boot) ? boot * 1000 + (ticks / 100) * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** What `recover` found and did. */
export interface Recovery {
  /** `completed`: a proven journal was replayed; `dropped`: leftovers were removed unread; `clean`: there were none. */
  outcome: "completed" | "dropped" | "clean";
  /** Why leftovers were dropped rather than completed, when they were. */
  reason?: string;
}

/**
 * Finishes what an interrupted run of this machine committed (its journal has a proof in
 * `proofDir`), and drops anything else a run would have left: a journal without a proof, an
 * uncommitted staging folder. Call with the lock held.
 */
export function recover(outDir: string, proofDir: string | undefined): Recovery {
  const journalPath = join(outDir, JOURNAL);
  const present = [JOURNAL, JOURNAL_TMP, STAGING].filter((name) => kindOf(join(outDir, name)) !== undefined);
  if (present.length === 0) return { outcome: "clean" };
  let reason = "no run on this machine committed it";
  if (kindOf(journalPath) === "file" && proofDir !== undefined) {
    const proven = provenJournal(outDir, proofDir);
    if (proven !== undefined) {
      try {
        apply(outDir, proven, true);
        dropLeftovers(outDir, proofDir);
        return { outcome: "completed" };
      } catch (error) {
        // A proven journal that cannot complete (something in the way) is dropped: the run's plan converges all the same.
        reason = `it could not be completed (${(error as Error).message})`;
      }
    }
  } else if (kindOf(journalPath) === undefined) {
    reason = "it was never committed";
  }
  dropLeftovers(outDir, proofDir);
  return { outcome: "dropped", reason };
}

/** The journal in the folder, when a proof outside the folder vouches for exactly its text. */
function provenJournal(outDir: string, proofDir: string): Journal | undefined {
  try {
    const text = readRegularFile(join(outDir, JOURNAL), { maxBytes: MAX_JOURNAL_BYTES })?.text;
    const proof = readRegularFile(proofPath(proofDir, outDir), { maxBytes: MAX_LOCK_BYTES })?.text;
    if (text === undefined || proof === undefined) return undefined;
    const recorded = JSON.parse(proof) as { out?: unknown; journal?: unknown };
    if (recorded.out !== outDir || recorded.journal !== sha256Hex(text)) return undefined;
    return parseJournal(text);
  } catch (error) {
    if (error instanceof UnreadableFileError || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** Removes the journal, its temporary file, the staging folder (never following a link) and the proof. */
function dropLeftovers(outDir: string, proofDir: string | undefined): void {
  for (const name of [JOURNAL, JOURNAL_TMP, STAGING]) rmSync(join(outDir, name), { recursive: true, force: true });
  if (proofDir !== undefined) rmSync(proofPath(proofDir, outDir), { force: true });
}

/** Where the proof of a journal for `outDir` is kept: outside the folder, where a pull request cannot write. */
function proofPath(proofDir: string, outDir: string): string {
  return join(proofDir, "journals", `${sha256Hex(outDir)}.json`);
}

/**
 * Stages `files` (path and content) and commits them, with `removes` (path and the hash the file
 * has now) to delete after. A failure while staging removes the staging folder and leaves the
 * output as it was. Without `proofDir` (or where it cannot be written) the commit is the same,
 * and a kill after it is converged on, rather than completed, by the next run.
 */
export function commit(
  outDir: string,
  files: ReadonlyArray<{ path: string; content: string }>,
  removes: readonly Entry[],
  proofDir: string | undefined,
): void {
  const staging = join(outDir, STAGING);
  const journal: Journal = {
    renames: files.map((file) => ({ path: file.path, hash: sha256Hex(file.content) })),
    removes: [...removes],
  };
  const journalText = JSON.stringify({ nonce: randomBytes(16).toString("hex"), ...journal });
  dropLeftovers(outDir, proofDir);
  let proven = false;
  try {
    mkdirSync(staging);
    const made = new Set<string>([staging]);
    for (const file of files) {
      const target = join(staging, file.path);
      const folder = dirname(target);
      try {
        if (!made.has(folder)) mkdirSync(folder, { recursive: true });
        made.add(folder);
        writeFileSync(target, file.content, { flag: "wx" });
      } catch (error) {
        // A failed write() (a full disk) names no file: the message names the output file meant.
        const failure = error as NodeJS.ErrnoException;
        if (failure.code !== undefined && (failure.path === undefined || failure.path.startsWith(staging)))
          failure.path = join(outDir, file.path);
        throw failure;
      }
    }
    writeFileSync(join(outDir, JOURNAL_TMP), journalText, { flag: "wx" });
    proven = proofDir !== undefined && writeProof(proofDir, outDir, journalText);
  } catch (error) {
    dropLeftovers(outDir, proofDir);
    throw error;
  }
  // The commit point: from here on the new state is what the folder will hold.
  renameSync(join(outDir, JOURNAL_TMP), join(outDir, JOURNAL));
  try {
    apply(outDir, journal, false);
  } finally {
    // Done, or failed part way (a read-only part of the folder): no journal stays to block or replay. The manifest is renamed last, so the next run's plan converges.
    dropLeftovers(outDir, proven ? proofDir : undefined);
  }
}

/** Records the proof of a journal; a cache folder that cannot be written only means a kill is converged on, not completed. */
function writeProof(proofDir: string, outDir: string, journalText: string): boolean {
  try {
    const path = proofPath(proofDir, outDir);
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ out: outDir, journal: sha256Hex(journalText) }));
    renameSync(temporary, path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Replays a journal: each staged file is renamed into place through real folders (made where
 * missing), then the removals, then the manifest. `verify` (a replay after a kill) also
 * requires each staged file and each file to remove to hold the content the journal records,
 * and skips a staged file already renamed.
 */
function apply(outDir: string, journal: Journal, verify: boolean): void {
  const staging = join(outDir, STAGING);
  const rename = (entry: Entry) => {
    const staged = join(staging, entry.path);
    if (verify) {
      if (kindOf(staged) === undefined) return;
      if (!holds(staged, entry.hash))
        throw new UnsafeOutputError(`the staged ${entry.path} is not what the journal recorded`);
    }
    realFolders(outDir, dirname(entry.path), true);
    const target = join(outDir, entry.path);
    if (kindOf(target) === "folder")
      throw new UnsafeOutputError(`${entry.path} is a folder where mdmodel writes a file`);
    renameSync(staged, target);
  };
  for (const entry of journal.renames) if (entry.path !== MANIFEST_PATH) rename(entry);
  for (const entry of journal.removes) {
    realFolders(outDir, dirname(entry.path), false);
    const target = join(outDir, entry.path);
    if (kindOf(target) === "file" && (!verify || holds(target, entry.hash))) unlinkSync(target);
  }
  for (const entry of journal.renames) if (entry.path === MANIFEST_PATH) rename(entry);
}

/** Whether the regular file at `path` holds content with this hash. */
function holds(path: string, hash: string): boolean {
  try {
    const file = readRegularFile(path, { maxBytes: MAX_JOURNAL_BYTES });
    return file !== undefined && sha256Hex(file.text) === hash;
  } catch {
    return false;
  }
}

/**
 * Checks that every folder of `folder` (a path under `outDir`) is a real folder, not a link or
 * a file, making the missing ones when `make`; a missing one without `make` is fine (nothing
 * under it is there to touch).
 */
export function realFolders(outDir: string, folder: string, make: boolean): void {
  if (folder === "." || folder === "") return;
  let path = outDir;
  for (const part of folder.split("/")) {
    path = join(path, part);
    const kind = kindOf(path);
    if (kind === "folder") continue;
    if (kind === undefined && make) {
      mkdirSync(path);
      continue;
    }
    if (kind === undefined) return;
    throw new UnsafeOutputError(
      `refusing to write through ${path}: it is ${kind === "link" ? "a symbolic link" : "not a folder"}, and mdmodel follows no link in the output folder`,
    );
  }
}

function kindOf(path: string): "file" | "folder" | "link" | "other" | undefined {
  try {
    const stat = lstatSync(path);
    return stat.isFile() ? "file" : stat.isDirectory() ? "folder" : stat.isSymbolicLink() ? "link" : "other";
  } catch {
    return undefined;
  }
}

function parseJournal(text: string): Journal | undefined {
  const value = JSON.parse(text) as { renames?: unknown; removes?: unknown };
  const entries = (list: unknown): list is Entry[] =>
    Array.isArray(list) &&
    list.every(
      (item) =>
        typeof item === "object" &&
        item !== null &&
        safeRelative((item as Entry).path) &&
        typeof (item as Entry).hash === "string",
    );
  return entries(value.renames) && entries(value.removes)
    ? { renames: value.renames, removes: value.removes }
    : undefined;
}

/** Only plain relative paths inside the folder are replayed. */
function safeRelative(path: unknown): path is string {
  return (
    typeof path === "string" &&
    path !== "" &&
    !path.startsWith("/") &&
    !path.includes("\\") &&
    !path.includes("\0") &&
    path.split("/").every((part) => part !== "" && part !== "." && part !== "..") &&
    !isTransactionPath(path)
  );
}
