/** The caches change nothing but speed: cached runs give the same files as uncached ones. */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { CachedRead } from "../../src/generate.js";
import { emptyCaches } from "../helpers/caches.js";
import { generate, loadDocs, loadRuntimeTemplate } from "../../src/index.js";

describe("caches", () => {
  test("a cached run after a doc changes equals an uncached run, and the caches hold only this run", async () => {
    const runtimeTemplate = await loadRuntimeTemplate();
    const docs = await loadDocs("seeds");
    const caches = emptyCaches();
    const first = await generate({ docs, runtimeTemplate, ...caches });
    expect(caches.readCache.size).toBe(docs.length);
    // One entry per model module, and the barrel's.
    expect(caches.moduleCache.size).toBe(first.stats.models + 1);

    // LineItem gains a field: its module, Order's (which embeds LineItem examples) and the barrel change.
    const changed = docs.map((doc) =>
      doc.path.endsWith("lineitem.md")
        ? {
            ...doc,
            text: doc.text.replace(
              "| `giftWrap`",
              "| `note` | *string* | :heavy_minus_sign: | A note | |\n| `giftWrap`",
            ),
          }
        : doc,
    );
    const cached = await generate({ docs: changed, runtimeTemplate, ...caches });
    const uncached = await generate({ docs: changed, runtimeTemplate });
    expect(cached.files).toEqual(uncached.files);
    expect(cached.messages.map((m) => m.reason)).toEqual(uncached.messages.map((m) => m.reason));
    expect(cached.files.find((f) => f.path.endsWith("lineitem.ts"))?.content).toContain("note?: string | null;");
    expect(caches.readCache.size).toBe(docs.length);
  });

  test("the cached barrel follows renamed and removed models", async () => {
    const runtimeTemplate = await loadRuntimeTemplate();
    const docs = await loadDocs("seeds");
    const caches = emptyCaches();
    const barrelOf = (result: { files: Array<{ path: string; content: string }> }) =>
      result.files.find((f) => f.path === "index.ts")?.content;
    const first = await generate({ docs, runtimeTemplate, ...caches });
    expect(barrelOf(first)).toContain("LineItemBuilder");

    const renamed = docs.map((doc) =>
      doc.path.endsWith("lineitem.md") ? { ...doc, text: doc.text.replace(/^# LineItem$/m, "# OrderLine") } : doc,
    );
    const cachedRename = await generate({ docs: renamed, runtimeTemplate, ...caches });
    expect(cachedRename.files).toEqual((await generate({ docs: renamed, runtimeTemplate })).files);
    expect(barrelOf(cachedRename)).toContain("OrderLineBuilder");

    const removed = docs.filter((doc) => !doc.path.endsWith("createcustomer.md"));
    const cachedRemoval = await generate({ docs: removed, runtimeTemplate, ...caches });
    expect(cachedRemoval.files).toEqual((await generate({ docs: removed, runtimeTemplate })).files);
    expect(barrelOf(cachedRemoval)).not.toContain("CreateCustomer");
  });

  test("no step changes a cached read, so the cache can share them with the run", async () => {
    const runtimeTemplate = await loadRuntimeTemplate();
    const deepFreeze = (value: unknown): void => {
      if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
      Object.freeze(value);
      for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
    };
    const folders = ["seeds", ...(await readdir("test/fixtures")).map((name) => join("test/fixtures", name, "docs"))];
    for (const folder of folders) {
      const docs = await loadDocs(folder);
      const readCache = new Map<string, CachedRead>();
      await generate({ docs, runtimeTemplate, readCache });
      for (const read of readCache.values()) deepFreeze(read);
      // Every read now comes from the frozen cache: a step that writes to one throws (modules are strict).
      const cached = await generate({ docs, runtimeTemplate, readCache });
      const uncached = await generate({ docs, runtimeTemplate });
      expect(cached.files, folder).toEqual(uncached.files);
      expect(
        cached.messages.map((m) => m.reason),
        folder,
      ).toEqual(uncached.messages.map((m) => m.reason));
    }
    expect(folders.length).toBeGreaterThan(10);
  });

  test("a cached read keeps its messages", async () => {
    const runtimeTemplate = await loadRuntimeTemplate();
    const docs = [
      {
        path: "x.md",
        text: "# X\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n| `a` | *nope* % | maybe |\n",
      },
    ];
    const readCache = new Map<string, CachedRead>();
    const first = await generate({ docs, runtimeTemplate, readCache });
    const second = await generate({ docs, runtimeTemplate, readCache });
    expect(second.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual(
      first.messages.map((m) => `${m.line}:${m.column} ${m.reason}`),
    );
    expect(second.messages.length).toBeGreaterThan(0);
  });
});

/** A doc with one optional field `f` of Type cell `type`. */
function oneFieldDoc(name: string, type: string) {
  return {
    path: `${name.toLowerCase()}.md`,
    text: `# ${name}\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| \`f\` | ${type} | :heavy_minus_sign: | F |\n`,
  };
}

test("models in one reference cycle get distinct module keys", async () => {
  const { closureHashes } = await import("../../src/ir/closure-hash.js");
  const { readModels } = await import("../../src/pipeline/read-models.js");
  const { DEFAULT_CONFIG } = await import("../../src/config/defaults.js");
  const doc = (name: string, other: string) => oneFieldDoc(name, `[${other}](./${other.toLowerCase()}.md)`);
  const { models } = readModels([doc("And", "Or"), doc("Or", "And")], DEFAULT_CONFIG);
  const keys = closureHashes(models, "salt");
  expect(keys.get("and.md")).not.toBe(keys.get("or.md"));
});

test("a module key changes when a model it reaches (not only a direct ref) changes, and only then", async () => {
  const { closureHashes } = await import("../../src/ir/closure-hash.js");
  const { readModels } = await import("../../src/pipeline/read-models.js");
  const { DEFAULT_CONFIG } = await import("../../src/config/defaults.js");
  const doc = oneFieldDoc;
  const keysFor = (cType: string) =>
    closureHashes(
      readModels(
        [doc("A", "[B](./b.md)"), doc("B", "[C](./c.md)[]"), doc("C", cType), doc("D", "*string*")],
        DEFAULT_CONFIG,
      ).models,
      "salt",
    );
  const [before, after] = [keysFor("*string*"), keysFor("*number*")];
  expect(after.get("a.md")).not.toBe(before.get("a.md"));
  expect(after.get("b.md")).not.toBe(before.get("b.md"));
  expect(after.get("d.md")).toBe(before.get("d.md"));
});

test("a doc's memoized hash follows its text", async () => {
  const { docHash } = await import("../../src/write/manifest.js");
  const { sha256Hex: hashText } = await import("../../src/shared/hash.js");
  const doc = { path: "a.md", text: "# A\n" };
  expect(docHash(doc)).toBe(hashText("# A\n"));
  expect(docHash(doc)).toBe(hashText("# A\n"));
  doc.text = "# B\n";
  expect(docHash(doc)).toBe(hashText("# B\n"));
  expect(docHash({ text: "# A\n" })).toBe(hashText("# A\n"));
});
