/**
 * Writes generated files into the output folder: identical files are left alone, the rest
 * are committed all or nothing (transaction.ts), and files an earlier run wrote that no doc
 * produces now are removed if they still hold what it wrote. Nothing else is touched: a file
 * mdmodel did not write is never replaced (unless `force`), no link is followed, and a file
 * that would take a generated module's place stops the run.
 */
// Synchronous calls: a run touches thousands of small files, and each asynchronous call
// is a round trip through the thread pool that costs more than the read itself.
import { rmdirSync } from "node:fs";
import { isAbsolute, normalize, sep } from "node:path";
import { sha256Hex } from "../shared/hash.js";
import { exists } from "../shared/read-text.js";
import type { OutputFile } from "../shared/output-file.js";
import { MANIFEST_PATH, parseManifest } from "./manifest.js";
import { readOutputFolder, type EntryKind, type OutputFolder } from "./output-folder.js";
import { shadowingEntries } from "./shadows.js";
import { commit, isTransactionPath, lock, LOCK, recover, UnsafeOutputError, type Recovery } from "./transaction.js";

export { UnsafeOutputError };

export interface WriteSummary {
  written: string[];
  unchanged: string[];
  removed: string[];
  /** Files an earlier run wrote that no doc produces now, left in place because they were changed since. */
  kept: string[];
}

/** Why the output cannot be written as the docs produce it; `path` is under the output folder. */
export class OutputConflictError extends Error {
  override name = "OutputConflictError";
  constructor(
    /** `foreign`: a file mdmodel did not write; `shadow`: see shadows.ts; `folder`: a folder where a file goes; `not-a-folder`: a file where a folder goes; `link`: a symbolic link. */
    readonly kind: "foreign" | "shadow" | "folder" | "not-a-folder" | "link",
    readonly path: string,
    /** The generated file involved: the one a shadow takes the place of, or the one a foreign file is where. */
    readonly generated: string | undefined,
    /** The doc that produces it, when known. */
    readonly doc: string | undefined,
  ) {
    super(`${kind}: ${path}`);
  }
}

/** An output folder held by a run that writes: locked, recovered, and read once. */
export interface HeldOutput {
  folder: OutputFolder;
  recovery: Recovery;
  /** Releases the lock; a folder this run made and left empty goes too. */
  release(): void;
  /** Why the folder could not be locked when it cannot be written (read-only): the run may read it, and fails with this only if it must write. */
  readOnly?: Error;
}

/**
 * Takes the lock of `outDir` (making the folder if need be), completes or drops what an
 * interrupted run left (`proofDir`: where proofs of this machine's journals are kept), and
 * reads the folder once, for the run to plan from.
 */
export function holdOutput(outDir: string, proofDir: string | undefined): HeldOutput {
  const created = !exists(outDir);
  let unlock: () => void;
  try {
    unlock = lock(outDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A folder this run may not write (a read-only checkout) is read as it is: a run with nothing to write still succeeds.
    if (!created && (code === "EACCES" || code === "EPERM" || code === "EROFS")) {
      return {
        folder: readOutputFolder(outDir),
        recovery: { outcome: "clean" },
        release: () => {},
        readOnly: error as Error,
      };
    }
    throw error;
  }
  const release = () => {
    unlock();
    // A run that made the output folder and wrote nothing leaves no folder behind.
    if (created) {
      try {
        rmdirSync(outDir);
      } catch {
        // Not empty: the run wrote its output.
      }
    }
  };
  try {
    const recovery = recover(outDir, proofDir);
    return { folder: readOutputFolder(outDir, { locked: true }), recovery, release };
  } catch (error) {
    release();
    throw error;
  }
}

export interface WriteOptions {
  /** The folder could not be locked for writing (see `HeldOutput.readOnly`): thrown if anything must be written or removed. */
  readOnly?: Error;
  /** Replace files mdmodel did not write (no manifest lists them) where the docs now put a file. */
  force?: boolean;
  /** Where the proof of this run's journal goes, outside the output folder. */
  proofDir?: string;
  onProgress?: (done: number, total: number) => void;
}

/** Holds `outDir` (see `holdOutput`), writes `files` into it and releases it: a run that only writes. */
export async function writeOutput(
  outDir: string,
  files: readonly OutputFile[],
  options: WriteOptions = {},
): Promise<WriteSummary> {
  const held = holdOutput(outDir, options.proofDir);
  try {
    return writeHeld(held.folder, files, held.readOnly ? { ...options, readOnly: held.readOnly } : options);
  } finally {
    held.release();
  }
}

/**
 * Writes `files` into the held folder and removes what its manifest lists and they do not, all
 * or nothing. Throws `OutputConflictError` before writing anything when a file is in the way.
 */
export function writeHeld(
  folder: OutputFolder,
  files: readonly OutputFile[],
  options: WriteOptions = {},
): WriteSummary {
  const { summary, removes } = plan(folder, files, options);
  // Nothing to write or remove: the folder is left as it is, untouched.
  if (summary.written.length === 0 && removes.length === 0) return summary;
  if (options.readOnly) throw options.readOnly;
  const written = new Set(summary.written);
  commit(
    folder.dir,
    files.filter((file) => written.has(file.path)),
    removes,
    options.proofDir,
  );
  return summary;
}

/** Which files change, which stay, which go; refuses, before anything is written, every target in the way. */
function plan(
  folder: OutputFolder,
  files: readonly OutputFile[],
  options: WriteOptions,
): { summary: WriteSummary; removes: Array<{ path: string; hash: string }> } {
  const summary: WriteSummary = { written: [], unchanged: [], removed: [], kept: [] };
  const previous = folder.manifest;
  const docOf = producingDocs(files);
  for (const file of files) insideOutput(folder.dir, file.path);
  const shadow = shadowingEntries(
    files.map((file) => file.path),
    folder.entries,
  )[0];
  if (shadow)
    throw new OutputConflictError("shadow", shadow.path, shadow.module, shadow.module && docOf.get(shadow.module));
  for (const [index, file] of files.entries()) {
    options.onProgress?.(index + 1, files.length);
    const inTheWay = folderInTheWay(folder.entries, file.path);
    if (inTheWay) throw new OutputConflictError(inTheWay.kind, inTheWay.path, file.path, docOf.get(file.path));
    const kind = folder.entries.get(file.path);
    if (kind === undefined) {
      summary.written.push(file.path);
      continue;
    }
    if (kind === "folder") throw new OutputConflictError("folder", file.path, file.path, docOf.get(file.path));
    const onDisk = folder.read(file.path);
    // A manifest that differs only in who made the files (an upgrade that changed no output) is written too: a later run reuses only what this generator made.
    if (onDisk === file.content) {
      summary.unchanged.push(file.path);
      continue;
    }
    // Never replace what mdmodel did not write: a file no manifest lists, a link, a device.
    const owned =
      file.path === MANIFEST_PATH ||
      (kind === "file" && previous !== undefined && Object.hasOwn(previous.files, file.path));
    if (!owned && !options.force)
      throw new OutputConflictError(kind === "file" ? "foreign" : "link", file.path, file.path, docOf.get(file.path));
    summary.written.push(file.path);
  }
  const removes: Array<{ path: string; hash: string }> = [];
  const current = new Set(files.map((file) => file.path));
  for (const [path, hash] of Object.entries(previous?.files ?? {})) {
    if (current.has(path) || isTransactionPath(path) || path === LOCK) continue;
    // The manifest is read from disk, so it is never trusted: only a regular file the reading saw (no link on its path) can go.
    if (folder.entries.get(path) !== "file") continue;
    const text = folder.read(path);
    if (text === undefined) continue;
    // A file that no longer holds what mdmodel wrote is someone's work: it is kept, and said.
    if (sha256Hex(text) === hash) {
      summary.removed.push(path);
      removes.push({ path, hash });
    } else summary.kept.push(path);
  }
  return { summary, removes };
}

/** The first entry on a file's path that is not a folder (a link, a file), which the file cannot be written through. */
function folderInTheWay(
  entries: ReadonlyMap<string, EntryKind>,
  path: string,
): { kind: "link" | "not-a-folder"; path: string } | undefined {
  for (let slash = path.indexOf("/"); slash !== -1; slash = path.indexOf("/", slash + 1)) {
    const folder = path.slice(0, slash);
    const kind = entries.get(folder);
    if (kind === undefined) return undefined;
    if (kind !== "folder") return { kind: kind === "link" ? "link" : "not-a-folder", path: folder };
  }
  return undefined;
}

/** Output path → the doc that produces it, from the new manifest's records. */
function producingDocs(files: readonly OutputFile[]): Map<string, string> {
  const docs = new Map<string, string>();
  const manifest = parseManifest(files.find((file) => file.path === MANIFEST_PATH)?.content);
  for (const [doc, record] of Object.entries(manifest?.inputs?.models ?? {}))
    for (const path of record.files) docs.set(path, doc);
  return docs;
}

/** `insideOutput`, or `undefined` for a path that would leave the folder. */
export function tryInsideOutput(outDir: string, path: string): string | undefined {
  try {
    return insideOutput(outDir, path);
  } catch {
    return undefined;
  }
}

/** The absolute path of an output file; refuses any path that would leave `outDir`. */
export function insideOutput(outDir: string, path: string): string {
  const normalized = normalize(path);
  if (isAbsolute(path) || normalized.startsWith(`..${sep}`) || normalized === ".." || path.includes("\0")) {
    throw new UnsafeOutputError(`refusing to write outside the output folder: ${JSON.stringify(path)}`);
  }
  return `${outDir}${sep}${normalized}`;
}
