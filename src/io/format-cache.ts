/**
 * The format cache: formatted modules from earlier runs, in `node_modules/.cache/mdmodel`
 * where tools keep such things. Keyed on the generator fingerprint; safe to delete; a
 * cache that cannot be read or has the wrong shape is ignored, never trusted.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

const FILE = "format-cache.json";

/** The cache folder for a working folder. */
export function cacheDir(cwd: string): string {
  return join(cwd, "node_modules", ".cache", "mdmodel");
}

/** The cached entries made by this generator, or an empty map. */
export async function loadFormatCache(dir: string, fingerprint: string): Promise<Map<string, string>> {
  try {
    const data = JSON.parse(await readFile(join(dir, FILE), "utf8")) as { fingerprint?: unknown; entries?: unknown };
    if (data.fingerprint !== fingerprint || typeof data.entries !== "object" || data.entries === null) return new Map();
    const entries = Object.entries(data.entries as Record<string, unknown>);
    if (!entries.every(([key, value]) => /^[0-9a-f]{64}$/.test(key) && typeof value === "string")) return new Map();
    return new Map(entries as Array<[string, string]>);
  } catch {
    return new Map();
  }
}

/** Saves the entries; a cache that cannot be written is only a slower next run. */
export async function saveFormatCache(dir: string, fingerprint: string, cache: ReadonlyMap<string, string>): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const temporary = join(dir, `${FILE}.${process.pid}.tmp`);
    await writeFile(temporary, JSON.stringify({ fingerprint, entries: Object.fromEntries(cache) }));
    await rename(temporary, join(dir, FILE));
  } catch {
    // Read-only or missing node_modules: run without a cache.
  }
}
