/**
 * Caches between runs, in `node_modules/.cache/mdmodel` where tools keep such things:
 * docs as read, formatted modules, formatted texts. Each is keyed on the generator
 * fingerprint, safe to delete, and ignored (never trusted) when it cannot be read, does not
 * match its digest or has the wrong shape. `--full` and `--no-cache` runs do not read them.
 */
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { sha256Hex } from "../shared/hash.js";

/**
 * A cache is kept in 16 files, by the first hex digit of its keys (every key is a SHA-256),
 * so a run that changes a few entries rewrites a few files instead of megabytes.
 */
const SHARDS = 16;

/**
 * The keys each shard of a cache file held when it was last loaded or saved, by the map
 * that holds the cache: shards whose keys are the same there are not written again.
 */
const onDisk = new WeakMap<
  ReadonlyMap<string, unknown>,
  { file: string; shards: Array<ReadonlySet<string> | undefined> }
>();

/** Which cache file, under which generator: what `onDisk` records must match it. */
function identity(dir: string, name: string, fingerprint: string): string {
  return `${join(dir, name)}\0${fingerprint}`;
}

function shardFile(dir: string, name: string, shard: number): string {
  return join(dir, `${name}-${shard.toString(16)}.json`);
}

/** The entries of cache `name` made by this generator whose values pass `valid`; a shard that is unreadable or of the wrong shape is left out. */
export async function loadCache<T>(
  dir: string,
  name: string,
  fingerprint: string,
  valid: (value: unknown) => value is T,
): Promise<Map<string, T>> {
  const shards = await Promise.all(
    Array.from({ length: SHARDS }, (_, shard) => loadShard(shardFile(dir, name, shard), shard, fingerprint, valid)),
  );
  const cache = new Map(shards.flatMap((entries) => entries ?? []));
  onDisk.set(cache, {
    file: identity(dir, name, fingerprint),
    shards: shards.map((entries) => entries && new Set(entries.map(([key]) => key))),
  });
  return cache;
}

/**
 * A shard file is a header line, `{"fingerprint":…,"digest":…}`, then its entries as JSON; the
 * digest is the SHA-256 of those bytes, so a damaged, truncated or hand-edited shard (a value
 * changed, or moved to another key) is left out and rebuilt, never trusted into the output.
 */
async function loadShard<T>(
  file: string,
  shard: number,
  fingerprint: string,
  valid: (value: unknown) => value is T,
): Promise<Array<[string, T]> | undefined> {
  try {
    const bytes = await readFile(file);
    const newline = bytes.indexOf(0x0a);
    if (newline < 0) return undefined;
    const header = JSON.parse(bytes.subarray(0, newline).toString("utf8")) as {
      fingerprint?: unknown;
      digest?: unknown;
    };
    const body = bytes.subarray(newline + 1);
    if (header.fingerprint !== fingerprint || header.digest !== sha256Hex(body)) return undefined;
    const data = JSON.parse(body.toString("utf8")) as unknown;
    if (typeof data !== "object" || data === null || Array.isArray(data)) return undefined;
    const entries = Object.entries(data as Record<string, unknown>);
    const prefix = shard.toString(16);
    if (!entries.every(([key, value]) => /^[0-9a-f]{64}$/.test(key) && key.startsWith(prefix) && valid(value)))
      return undefined;
    return entries as Array<[string, T]>;
  } catch {
    return undefined;
  }
}

/** A shard's file content: the header line, then the entries. */
function shardText(fingerprint: string, entries: ReadonlyMap<string, unknown>): string {
  const body = JSON.stringify(Object.fromEntries(entries));
  return `${JSON.stringify({ fingerprint, digest: sha256Hex(body) })}\n${body}`;
}

/** Saves cache `name`, writing only the shards whose keys changed since it was loaded; a cache that cannot be written is only a slower next run. */
export async function saveCache(
  dir: string,
  name: string,
  fingerprint: string,
  cache: ReadonlyMap<string, unknown>,
): Promise<void> {
  const shards = Array.from({ length: SHARDS }, () => new Map<string, unknown>());
  for (const [key, value] of cache) shards[Number.parseInt(key.charAt(0), 16)]?.set(key, value);
  const known = onDisk.get(cache);
  const loaded = known?.file === identity(dir, name, fingerprint) ? known.shards : undefined;
  try {
    await mkdir(dir, { recursive: true });
    await Promise.all(
      shards.map(async (entries, shard) => {
        const before = loaded?.[shard];
        // Keys are hashes of everything a value depends on: the same keys mean the same entries.
        if (before && before.size === entries.size && [...entries.keys()].every((key) => before.has(key))) return;
        const temporary = `${shardFile(dir, name, shard)}.${process.pid}.tmp`;
        await writeFile(temporary, shardText(fingerprint, entries));
        await rename(temporary, shardFile(dir, name, shard));
      }),
    );
    onDisk.set(cache, {
      file: identity(dir, name, fingerprint),
      shards: shards.map((entries) => new Set(entries.keys())),
    });
    // The one-file layout of earlier versions.
    await rm(join(dir, `${name}.json`), { force: true });
  } catch {
    // Read-only or missing node_modules: run without a cache.
  }
}

export function isString(value: unknown): value is string {
  return typeof value === "string";
}

/** The shape of a read-cache entry (`CachedRead`). */
export function isCachedRead(value: unknown): value is { skipped: boolean; messages: unknown[] } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { skipped?: unknown }).skipped === "boolean" &&
    Array.isArray((value as { messages?: unknown }).messages)
  );
}
