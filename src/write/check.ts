/** The drift check: compares what would be generated with what is on disk, writing nothing. */
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { createTwoFilesPatch } from "diff";
import { readText } from "../shared/read-text.js";
import type { OutputFile } from "../shared/output-file.js";
import { sha256Hex } from "../shared/hash.js";
import { docHashes, MANIFEST_PATH, parseManifest, sameOutput, type ManifestStats } from "./manifest.js";
import { insideOutput, tryInsideOutput } from "./writer.js";

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
  /** Files in the output folder that no doc produces. */
  orphaned: string[];
}

/** Compares `files` with the output folder. */
export async function checkOutput(outDir: string, files: readonly OutputFile[]): Promise<Drift> {
  const drift: Drift = { stale: [], edited: [], missing: [], orphaned: [] };
  const manifest = parseManifest(readText(join(outDir, MANIFEST_PATH)));
  for (const file of files) {
    const actual = readText(insideOutput(outDir, file.path));
    if (actual === undefined) drift.missing.push(file.path);
    else if (actual !== file.content && !(file.path === MANIFEST_PATH && sameOutput(actual, file.content))) {
      const written = manifest?.files[file.path];
      const handEdited = written !== undefined && written !== sha256Hex(actual) && file.path !== MANIFEST_PATH;
      (handEdited ? drift.edited : drift.stale).push({ path: file.path, actual, expected: file.content });
    }
  }
  const expected = new Set(files.map((file) => file.path));
  for (const path of await listFiles(outDir)) if (!expected.has(path)) drift.orphaned.push(path);
  return drift;
}

/** `true` when the output folder matches exactly. */
export function isClean(drift: Drift): boolean {
  return drift.stale.length + drift.edited.length + drift.missing.length + drift.orphaned.length === 0;
}

/** How many lines of diff `--check` prints before it only summarises. */
export const DIFF_LINE_LIMIT = 300;

/** The report `--check` prints: a unified diff per changed file, then the lists. */
export function renderDrift(drift: Drift, outLabel: string, lineLimit = DIFF_LINE_LIMIT): string[] {
  const lines: string[] = [];
  let budget = lineLimit;
  const changed = [...drift.edited.map((file) => ({ ...file, edited: true })), ...drift.stale.map((file) => ({ ...file, edited: false }))];
  for (const file of changed.filter((f) => f.path !== MANIFEST_PATH)) {
    const label = `${outLabel}/${file.path}`;
    lines.push(file.edited ? `edited by hand: ${label}` : `stale: ${label}`);
    const patch = createTwoFilesPatch(`${label} (on disk)`, `${label} (from the docs)`, file.actual, file.expected, "", "", { context: 2 })
      .split("\n")
      .slice(1) // the "=====" separator line
      .filter((line) => line !== "")
      .map((line) => line.replace(/\t$/, "")); // the empty header field
    if (budget <= 0) continue;
    lines.push(...patch.slice(0, budget).map((line) => `  ${line}`));
    if (patch.length > budget) lines.push(`  ... ${patch.length - budget} more diff lines not shown`);
    budget -= patch.length;
  }
  for (const path of drift.missing) lines.push(`missing: ${outLabel}/${path}`);
  for (const path of drift.orphaned) lines.push(`orphaned: ${outLabel}/${path} (no doc produces it)`);
  return lines;
}

async function listFiles(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join("/"))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/**
 * The fast path: the recorded stats when the manifest says the output was made by this
 * generator (`identity`) and config (`key`) from exactly these docs, and every output file
 * still has the content it was written with (and no other file is there). Anything else
 * means: regenerate.
 */
export async function vouchedByManifest(
  outDir: string,
  docs: ReadonlyArray<{ path: string; text: string }>,
  key: string,
  identity: string,
): Promise<ManifestStats | undefined> {
  const manifest = parseManifest(readText(join(outDir, MANIFEST_PATH)));
  const inputs = manifest?.inputs;
  if (!manifest || !inputs || inputs.key !== key || manifest.generatedBy?.identity !== identity) return undefined;
  const hashes = docHashes(docs);
  const recorded = Object.keys(inputs.docs);
  if (recorded.length !== docs.length || recorded.some((path) => hashes[path] !== inputs.docs[path])) return undefined;
  for (const [path, hash] of Object.entries(manifest.files)) {
    const target = tryInsideOutput(outDir, path);
    const text = target === undefined ? undefined : readText(target);
    if (text === undefined || sha256Hex(text) !== hash) return undefined;
  }
  const listed = new Set([...Object.keys(manifest.files), MANIFEST_PATH]);
  if ((await listFiles(outDir)).some((path) => !listed.has(path))) return undefined;
  return manifest.generatedBy.stats;
}
