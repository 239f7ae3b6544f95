/**
 * Caches between runs, in `node_modules/.cache/mdmodel` where tools keep such things:
 * docs as read, formatted modules, formatted texts. Each is keyed on the generator
 * fingerprint, safe to delete, and ignored (never trusted) when it cannot be read or has
 * the wrong shape. `--full` and `--no-cache` runs do not read them.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The cache folder for a working folder. */
export function cacheDir(cwd: string): string {
  return join(cwd, "node_modules", ".cache", "mdmodel");
}

/** The entries of cache `name` made by this generator whose values pass `valid`, or an empty map. */
export async function loadCache<T>(dir: string, name: string, fingerprint: string, valid: (value: unknown) => value is T): Promise<Map<string, T>> {
  try {
    const data = JSON.parse(await readFile(join(dir, `${name}.json`), "utf8")) as { fingerprint?: unknown; entries?: unknown };
    if (data.fingerprint !== fingerprint || typeof data.entries !== "object" || data.entries === null) return new Map();
    const entries = Object.entries(data.entries as Record<string, unknown>);
    if (!entries.every(([key, value]) => /^[0-9a-f]{64}$/.test(key) && valid(value))) return new Map();
    return new Map(entries as Array<[string, T]>);
  } catch {
    return new Map();
  }
}

/** Saves cache `name`; a cache that cannot be written is only a slower next run. */
export async function saveCache(dir: string, name: string, fingerprint: string, cache: ReadonlyMap<string, unknown>): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const temporary = join(dir, `${name}.json.${process.pid}.tmp`);
    await writeFile(temporary, JSON.stringify({ fingerprint, entries: Object.fromEntries(cache) }));
    await rename(temporary, join(dir, `${name}.json`));
  } catch {
    // Read-only or missing node_modules: run without a cache.
  }
}

export function isString(value: unknown): value is string {
  return typeof value === "string";
}

/** The shape of a read-cache entry (`CachedRead`). */
export function isCachedRead(value: unknown): value is { skipped: boolean; messages: unknown[] } {
  return typeof value === "object" && value !== null && typeof (value as { skipped?: unknown }).skipped === "boolean" && Array.isArray((value as { messages?: unknown }).messages);
}
