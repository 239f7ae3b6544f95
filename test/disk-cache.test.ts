/** The caches on disk (`io/cache.ts`): sharded by key, never trusted when damaged, rewritten only where keys changed. */
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { isString, loadCache, saveCache } from "../src/engine/disk-cache.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "mdmodel-disk-cache-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A 64-hex key starting with `digit`. */
const key = (digit: string, n: number) => `${digit}${n.toString(16).padStart(63, "0")}`;
const entries = new Map([
  [key("0", 1), "zero one"],
  [key("0", 2), "zero two"],
  [key("a", 1), "a one"],
  [key("f", 1), "f one"],
]);

test("what is saved loads back; another fingerprint loads nothing, and saving under it writes every shard", async () => {
  await saveCache(dir, "format", "fp1", entries);
  const loaded = await loadCache(dir, "format", "fp1", isString);
  expect(loaded).toEqual(entries);
  expect((await loadCache(dir, "format", "fp2", isString)).size).toBe(0);
  await saveCache(dir, "format", "fp2", loaded);
  expect(await loadCache(dir, "format", "fp2", isString)).toEqual(entries);
  expect((await readdir(dir)).sort()).toEqual(Array.from({ length: 16 }, (_, i) => `format-${i.toString(16)}.json`).sort());
});

test("a damaged shard is left out, the others still load, and the next save writes it anew", async () => {
  await saveCache(dir, "format", "fp", new Map([...entries, [key("b", 1), "b one"]]));
  await writeFile(join(dir, "format-0.json"), "{ not json");
  const shardA = JSON.parse(await readFile(join(dir, "format-a.json"), "utf8")) as { entries: Record<string, unknown> };
  shardA.entries[key("a", 1)] = 42; // a value of the wrong shape
  await writeFile(join(dir, "format-a.json"), JSON.stringify(shardA));
  const shardF = JSON.parse(await readFile(join(dir, "format-f.json"), "utf8")) as { entries: Record<string, unknown> };
  shardF.entries[key("1", 9)] = "in the wrong shard";
  await writeFile(join(dir, "format-f.json"), JSON.stringify(shardF));
  const loaded = await loadCache(dir, "format", "fp", isString);
  expect(loaded).toEqual(new Map([[key("b", 1), "b one"]]));
  for (const [k, v] of entries) loaded.set(k, v);
  await saveCache(dir, "format", "fp", loaded);
  expect(await loadCache(dir, "format", "fp", isString)).toEqual(loaded);
});

test("saving after a change rewrites only the shards whose keys changed", async () => {
  await saveCache(dir, "format", "fp", entries);
  const cache = await loadCache(dir, "format", "fp", isString);
  const old = new Date("2000-01-01T00:00:00Z");
  for (const name of await readdir(dir)) await utimes(join(dir, name), old, old);
  cache.delete(key("a", 1));
  cache.set(key("a", 2), "a two");
  await saveCache(dir, "format", "fp", cache);
  const rewritten = [];
  for (const name of await readdir(dir)) if ((await stat(join(dir, name))).mtimeMs > old.getTime()) rewritten.push(name);
  expect(rewritten).toEqual(["format-a.json"]);
  expect(await loadCache(dir, "format", "fp", isString)).toEqual(cache);
});

test("the one-file cache of earlier versions is removed on save", async () => {
  await writeFile(join(dir, "format.json"), JSON.stringify({ fingerprint: "fp", entries: {} }));
  await saveCache(dir, "format", "fp", entries);
  expect(await readdir(dir)).not.toContain("format.json");
});
