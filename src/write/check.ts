/** The drift check: compares what would be generated with what is on disk, writing nothing. */
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { OutputFile } from "../emit/module.js";
import { insideOutput, readText } from "./writer.js";

export interface Drift {
  /** Files whose content differs from what the docs produce (stale or hand-edited). */
  stale: string[];
  /** Files the docs produce that are not on disk. */
  missing: string[];
  /** Files in the output folder that no doc produces. */
  orphaned: string[];
}

/** Compares `files` with the output folder. */
export async function checkOutput(outDir: string, files: readonly OutputFile[]): Promise<Drift> {
  const drift: Drift = { stale: [], missing: [], orphaned: [] };
  for (const file of files) {
    const onDisk = await readText(insideOutput(outDir, file.path));
    if (onDisk === undefined) drift.missing.push(file.path);
    else if (onDisk !== file.content) drift.stale.push(file.path);
  }
  const expected = new Set(files.map((file) => file.path));
  for (const path of await listFiles(outDir)) if (!expected.has(path)) drift.orphaned.push(path);
  return drift;
}

/** `true` when the output folder matches exactly. */
export function isClean(drift: Drift): boolean {
  return drift.stale.length + drift.missing.length + drift.orphaned.length === 0;
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
