/** The caches on disk (`io/cache.ts`): sharded by key, never trusted when damaged, rewritten only where keys changed. */
import { readdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, test } from "vitest";
import { isString, loadCache, saveCache } from "../../src/engine/disk-cache.js";
import { sha256Hex } from "../../src/shared/hash.js";
import { tempFolderPerTest } from "../helpers/temp-folder.js";

const dir = tempFolderPerTest("disk-cache");

/** A 64-hex key starting with `digit`. */
const key = (digit: string, n: number) => `${digit}${n.toString(16).padStart(63, "0")}`;
const entries = new Map([
  [key("0", 1), "zero one"],
  [key("0", 2), "zero two"],
  [key("a", 1), "a one"],
  [key("f", 1), "f one"],
]);

test("what is saved loads back; another fingerprint loads nothing, and saving under it writes every shard", async () => {
  await saveCache(dir.dir, "format", "fp1", entries);
  const loaded = await loadCache(dir.dir, "format", "fp1", isString);
  expect(loaded).toEqual(entries);
  expect((await loadCache(dir.dir, "format", "fp2", isString)).size).toBe(0);
  await saveCache(dir.dir, "format", "fp2", loaded);
  expect(await loadCache(dir.dir, "format", "fp2", isString)).toEqual(entries);
  expect((await readdir(dir.dir)).sort()).toEqual(
    Array.from({ length: 16 }, (_, i) => `format-${i.toString(16)}.json`).sort(),
  );
});

/** A shard file's header line and entries. */
async function readShard(name: string): Promise<{ header: string; entries: Record<string, unknown> }> {
  const text = await readFile(join(dir.dir, name), "utf8");
  const newline = text.indexOf("\n");
  return { header: text.slice(0, newline), entries: JSON.parse(text.slice(newline + 1)) as Record<string, unknown> };
}

/** Rewrites a shard's entries; `digest: true` also updates its digest, as this generator would. */
async function writeShard(
  name: string,
  shard: { header: string; entries: Record<string, unknown> },
  digest: boolean,
): Promise<void> {
  const body = JSON.stringify(shard.entries);
  const header = digest ? JSON.stringify({ ...JSON.parse(shard.header), digest: sha256Hex(body) }) : shard.header;
  await writeFile(join(dir.dir, name), `${header}\n${body}`);
}

test("a damaged, edited or misshapen shard is left out, the others still load, and the next save writes it anew", async () => {
  const more = new Map([...entries, [key("b", 1), "b one"], [key("c", 1), "c one"], [key("d", 1), "d one"]]);
  await saveCache(dir.dir, "format", "fp", more);
  await writeFile(join(dir.dir, "format-0.json"), "{ not json");
  const truncated = await readFile(join(dir.dir, "format-b.json"), "utf8");
  await writeFile(join(dir.dir, "format-b.json"), truncated.slice(0, -3));
  // Other code in an entry, the digest left as it was: a hand edit, or a damaged byte.
  const shardA = await readShard("format-a.json");
  shardA.entries[key("a", 1)] = "export const pwned = 1;";
  await writeShard("format-a.json", shardA, false);
  // A value moved to another key: the digest no longer covers it.
  const shardC = await readShard("format-c.json");
  shardC.entries[key("c", 2)] = shardC.entries[key("c", 1)];
  await writeShard("format-c.json", shardC, false);
  // With a digest that matches, a value of the wrong shape or a key in the wrong shard is still left out.
  const shardD = await readShard("format-d.json");
  shardD.entries[key("d", 1)] = 42;
  await writeShard("format-d.json", shardD, true);
  const shardF = await readShard("format-f.json");
  shardF.entries[key("1", 9)] = "in the wrong shard";
  await writeShard("format-f.json", shardF, true);
  await writeFile(
    join(dir.dir, "format-e.json"),
    JSON.stringify({ fingerprint: "fp", entries: { [key("e", 1)]: "the one-line layout of 0.1" } }),
  );

  const loaded = await loadCache(dir.dir, "format", "fp", isString);
  expect(loaded).toEqual(new Map());
  for (const [k, v] of more) loaded.set(k, v);
  await saveCache(dir.dir, "format", "fp", loaded);
  expect(await loadCache(dir.dir, "format", "fp", isString)).toEqual(more);
});

test("saving after a change rewrites only the shards whose keys changed", async () => {
  await saveCache(dir.dir, "format", "fp", entries);
  const cache = await loadCache(dir.dir, "format", "fp", isString);
  const old = new Date("2000-01-01T00:00:00Z");
  for (const name of await readdir(dir.dir)) await utimes(join(dir.dir, name), old, old);
  cache.delete(key("a", 1));
  cache.set(key("a", 2), "a two");
  await saveCache(dir.dir, "format", "fp", cache);
  const rewritten = [];
  for (const name of await readdir(dir.dir))
    if ((await stat(join(dir.dir, name))).mtimeMs > old.getTime()) rewritten.push(name);
  expect(rewritten).toEqual(["format-a.json"]);
  expect(await loadCache(dir.dir, "format", "fp", isString)).toEqual(cache);
});

test("the one-file cache of earlier versions is removed on save", async () => {
  await writeFile(join(dir.dir, "format.json"), JSON.stringify({ fingerprint: "fp", entries: {} }));
  await saveCache(dir.dir, "format", "fp", entries);
  expect(await readdir(dir.dir)).not.toContain("format.json");
});
