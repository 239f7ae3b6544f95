/** The drift check: compares what would be generated with what is on disk, writing nothing. */
import { createTwoFilesPatch } from "diff";
import type { OutputFile } from "../shared/output-file.js";
import { sha256Hex } from "../shared/hash.js";
import { docHashes, MANIFEST_PATH, sameOutput, type Manifest, type ManifestStats } from "./manifest.js";
import type { OutputFolder } from "./output-folder.js";
import { shadowingEntries } from "./shadows.js";

/** A file on disk that differs from what the docs produce. */
export interface ChangedFile {
  path: string;
  actual: string;
  expected: string;
}

export interface Drift {
  /** Files that mdmodel wrote, unchanged since, that the docs now produce differently. */
  stale: ChangedFile[];
  /** Files changed by hand since mdmodel wrote them. */
  edited: ChangedFile[];
  /** Files the docs produce that are not on disk. */
  missing: string[];
  /** Files mdmodel wrote (the manifest lists them) that no doc produces now: `generate` removes them. */
  removed: string[];
  /** Where the docs put a file, something mdmodel did not write: a file no manifest lists, a link, a folder (`generate` stops; `--force` replaces a file). */
  conflicts: string[];
  /** Files an import of a generated module could resolve to instead of it (`x.js` beside `x.ts`, a nested `package.json`): `generate` stops until they go. */
  shadows: string[];
  /** A journal, staging folder or lock that an interrupted run (or a pull request) left: no commit should hold one. */
  leftovers: string[];
  /** Files in the output folder that mdmodel did not write: never drift, and `generate` leaves them alone. */
  foreign: string[];
}

/**
 * Compares `files` with the output folder as read. Whether a file was edited by hand is told
 * by the manifest the check trusts (`trusted`, a base ref's), else by the folder's own.
 */
export function checkOutput(folder: OutputFolder, files: readonly OutputFile[], trusted?: Manifest): Drift {
  const drift: Drift = {
    stale: [],
    edited: [],
    missing: [],
    removed: [],
    conflicts: [],
    shadows: [],
    leftovers: [...folder.leftovers],
    foreign: [],
  };
  const manifest = trusted ?? folder.manifest;
  for (const file of files) {
    const kind = folder.entries.get(file.path);
    if (kind === undefined) {
      drift.missing.push(file.path);
      continue;
    }
    if (kind !== "file" || pathThroughLink(folder, file.path)) {
      drift.conflicts.push(file.path);
      continue;
    }
    const actual = folder.read(file.path) ?? "";
    if (actual === file.content || (file.path === MANIFEST_PATH && sameOutput(actual, file.content))) continue;
    const written = manifest?.files[file.path];
    if (written === undefined && file.path !== MANIFEST_PATH) drift.conflicts.push(file.path);
    else {
      const handEdited = written !== undefined && written !== sha256Hex(actual) && file.path !== MANIFEST_PATH;
      (handEdited ? drift.edited : drift.stale).push({ path: file.path, actual, expected: file.content });
    }
  }
  drift.shadows = shadowingEntries(
    files.map((file) => file.path),
    folder.entries,
  ).map((shadow) => shadow.path);
  const expected = new Set(files.map((file) => file.path));
  const shadows = new Set(drift.shadows);
  const owned = new Set(Object.keys(manifest?.files ?? {}));
  for (const path of folder.files()) {
    if (expected.has(path) || shadows.has(path)) continue;
    (owned.has(path) ? drift.removed : drift.foreign).push(path);
  }
  return drift;
}

/** Whether a folder on the path is not a real folder (a link, a file): the file is not where it seems. */
function pathThroughLink(folder: OutputFolder, path: string): boolean {
  for (let slash = path.indexOf("/"); slash !== -1; slash = path.indexOf("/", slash + 1)) {
    if (folder.entries.get(path.slice(0, slash)) !== "folder") return true;
  }
  return false;
}

/** `true` when the output folder holds what the docs produce (files mdmodel did not write aside). */
export function isClean(drift: Drift): boolean {
  return (
    drift.stale.length +
      drift.edited.length +
      drift.missing.length +
      drift.removed.length +
      drift.conflicts.length +
      drift.shadows.length +
      drift.leftovers.length ===
    0
  );
}

/** How many lines of diff `--check` prints before it only summarises. */
export const DIFF_LINE_LIMIT = 300;

/** A unified diff of each stale and edited file (but the manifest), by its path under `outLabel`; past `lineLimit` lines in all, only a count. */
export function driftDiffs(drift: Drift, outLabel: string, lineLimit = DIFF_LINE_LIMIT): Map<string, string[]> {
  const diffs = new Map<string, string[]>();
  let budget = lineLimit;
  for (const file of [...drift.edited, ...drift.stale].filter((f) => f.path !== MANIFEST_PATH)) {
    const label = outLabel === "." ? file.path : `${outLabel}/${file.path}`;
    const patch = createTwoFilesPatch(
      `${label} (on disk)`,
      `${label} (from the docs)`,
      file.actual,
      file.expected,
      "",
      "",
      { context: 2 },
    )
      .split("\n")
      .slice(1) // the "=====" separator line
      .filter((line) => line !== "")
      .map((line) => line.replace(/\t$/, "")); // the empty header field
    if (budget <= 0) continue;
    const shown = patch.slice(0, budget);
    if (patch.length > budget) shown.push(`... ${patch.length - budget} more diff lines not shown`);
    diffs.set(label, shown);
    budget -= patch.length;
  }
  return diffs;
}

/**
 * The fast path: the recorded stats when `manifest` (one the caller trusts: see
 * `cli/previous-output.ts`) says the output was made by this generator (`identity`) and
 * config (`key`) from exactly these docs, and the folder holds exactly the files it lists,
 * each with the content it was written with, and nothing else (no link, no leftover).
 * Anything else means: regenerate.
 */
export function vouchedByManifest(
  folder: OutputFolder,
  manifest: Manifest,
  docs: ReadonlyArray<{ path: string; text: string }>,
  key: string,
  identity: string,
): ManifestStats | undefined {
  const inputs = manifest.inputs;
  if (!inputs || inputs.key !== key || manifest.generatedBy?.identity !== identity) return undefined;
  const hashes = docHashes(docs);
  const recorded = Object.keys(inputs.docs);
  if (recorded.length !== docs.length || recorded.some((path) => hashes[path] !== inputs.docs[path])) return undefined;
  for (const [path, hash] of Object.entries(manifest.files)) {
    if (folder.entries.get(path) !== "file" || pathThroughLink(folder, path)) return undefined;
    const text = folder.read(path);
    if (text === undefined || sha256Hex(text) !== hash) return undefined;
  }
  const listed = new Set([...Object.keys(manifest.files), MANIFEST_PATH]);
  for (const [path, kind] of folder.entries) {
    if (kind === "folder" ? false : !listed.has(path)) return undefined;
  }
  return manifest.generatedBy.stats;
}
