/**
 * The one reading of the output folder a run makes. Everything in the folder may come from a
 * pull request, so it is read as data: every entry by its own kind (`lstat`: a link is a link,
 * never followed, and no folder behind a link is entered), the manifest only when it is a
 * regular file under a cap, and any file only when the reading saw it as a regular file on a
 * path of real folders. Reuse, trust, the drift check and the writer's plan answer from it.
 */
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { readRegularFile, UnreadableFileError } from "../shared/read-text.js";
import { MANIFEST_PATH, parseManifest, type Manifest } from "./manifest.js";
import { isTransactionPath, LOCK } from "./transaction.js";

/** What an entry of the folder is, as `lstat` tells it. */
export type EntryKind = "file" | "folder" | "link" | "other";

/** The largest file mdmodel reads back from the output folder; a generated module is far smaller. */
export const MAX_OUTPUT_FILE_BYTES = 64 * 1024 * 1024;

/** The output folder as one run found it. */
export interface OutputFolder {
  /** The folder's absolute path. */
  dir: string;
  /** Whether the folder exists. */
  exists: boolean;
  /** Every entry under the folder by its path (`/`-separated, relative), but what is behind a link. */
  entries: ReadonlyMap<string, EntryKind>;
  /** The manifest's text, when it is a regular file under the cap. */
  manifestText: string | undefined;
  /** The manifest, when its text has the manifest's shape. */
  manifest: Manifest | undefined;
  /** Why a manifest that is there was not read (`is a symbolic link`, `is a folder`, `is 70 MB, over…`). */
  manifestProblem: string | undefined;
  /** Entries an interrupted run (or a pull request) left: a journal, staging, a lock. */
  leftovers: string[];
  /** The text of a regular file the reading saw, or `undefined` for anything else (absent, a link, a folder). */
  read(path: string): string | undefined;
  /** The regular files, sorted, transaction leftovers aside. */
  files(): string[];
}

/** Reads the output folder at `dir` once (its entries now, its files when asked); `locked`: the lock there is this run's own, not an entry. */
export function readOutputFolder(dir: string, options: { locked?: boolean } = {}): OutputFolder {
  const entries = listEntries(dir);
  if (options.locked) entries?.delete(LOCK);
  const exists = entries !== undefined;
  const found = entries ?? new Map<string, EntryKind>();
  let manifestText: string | undefined;
  let manifestProblem: string | undefined;
  const manifestKind = found.get(MANIFEST_PATH);
  if (manifestKind === "file") {
    try {
      manifestText = readRegularFile(join(dir, MANIFEST_PATH), { maxBytes: MAX_OUTPUT_FILE_BYTES })?.text;
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      manifestProblem = error.message.slice(error.path.length).trim();
    }
  } else if (manifestKind !== undefined) {
    manifestProblem = `is ${manifestKind === "link" ? "a symbolic link" : manifestKind === "folder" ? "a folder" : "not a regular file"}`;
  }
  const leftovers = [...found.keys()].filter((path) => isTransactionPath(path) && !path.includes("/")).sort();
  return {
    dir,
    exists,
    entries: found,
    manifestText,
    manifest: parseManifest(manifestText),
    manifestProblem,
    leftovers,
    read: (path) => {
      if (found.get(path) !== "file") return undefined;
      try {
        const file = readRegularFile(join(dir, path), { maxBytes: MAX_OUTPUT_FILE_BYTES, truncate: true });
        if (file === undefined) return undefined;
        // A file this large is no module mdmodel wrote; its first bytes stand for it, and differ.
        return file.bytes > MAX_OUTPUT_FILE_BYTES ? `${file.text}\n… (a file of ${file.bytes} bytes)` : file.text;
      } catch (error) {
        if (error instanceof UnreadableFileError) return undefined;
        throw error;
      }
    },
    files: () =>
      [...found]
        .filter(([path, kind]) => kind === "file" && !isTransactionPath(path))
        .map(([path]) => path)
        .sort(),
  };
}

/** Every entry under `dir` by kind, or `undefined` when there is no folder there. */
function listEntries(dir: string): Map<string, EntryKind> | undefined {
  let dirents;
  try {
    // Recursive readdir uses each entry's own type: a link to a folder is listed, not entered.
    dirents = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    throw error;
  }
  const entries = new Map<string, EntryKind>();
  for (const dirent of dirents) {
    const path = relative(dir, join(dirent.parentPath, dirent.name)).split(sep).join("/");
    entries.set(
      path,
      dirent.isFile() ? "file" : dirent.isDirectory() ? "folder" : dirent.isSymbolicLink() ? "link" : "other",
    );
  }
  return entries;
}
