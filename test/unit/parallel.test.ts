/** Worker threads change nothing but speed: any thread count gives the same files and messages. */
import { expect, test } from "vitest";
import { emptyCaches } from "../helpers/caches.js";
import { generate, loadDocs, loadRuntimeTemplate, type SourceDoc } from "../../src/index.js";

/**
 * The seeds plus every TypeScript fixture's docs (prefixed by fixture), so every doc shape
 * crosses a thread; each dialect and family fixture is a tree of its own (one run reads one dialect of one family).
 */
async function docTrees(): Promise<SourceDoc[][]> {
  const { readdir } = await import("node:fs/promises");
  const docs = await loadDocs("seeds");
  const trees = [docs];
  for (const fixture of (await readdir("test/fixtures")).sort()) {
    const own = await loadDocs(`test/fixtures/${fixture}/docs`);
    if (fixture.startsWith("dialect-") || fixture.startsWith("family-")) trees.push(own);
    else for (const doc of own) docs.push({ path: `${fixture}/${doc.path}`, text: doc.text });
  }
  return trees;
}

const describeMessages = (result: Awaited<ReturnType<typeof generate>>) =>
  result.messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId} ${m.reason}`);

test(
  "two worker threads give byte-identical files and the same messages as one thread",
  { timeout: 60_000 },
  async () => {
    const runtimeTemplate = await loadRuntimeTemplate();
    for (const docs of await docTrees()) {
      const inThread = await generate({ docs, runtimeTemplate, threads: 1 });
      const workers = await generate({ docs, runtimeTemplate, threads: 2 });
      // No fixture doc has an error, so every model has its module (an error would empty `files`).
      expect(inThread.files.length).toBeGreaterThan(inThread.stats.models);
      expect(workers.files.map((f) => f.path)).toEqual(inThread.files.map((f) => f.path));
      expect(workers.files).toEqual(inThread.files);
      expect(describeMessages(workers)).toEqual(describeMessages(inThread));
      expect(workers.exampleUsage).toEqual(inThread.exampleUsage);
    }
  },
);

test("worker threads fill and use the caches like the main thread does", { timeout: 60_000 }, async () => {
  const runtimeTemplate = await loadRuntimeTemplate();
  const docs = await loadDocs("seeds");
  const caches = emptyCaches();
  const cold = await generate({ docs, runtimeTemplate, threads: 2, ...caches });
  const warm = await generate({ docs, runtimeTemplate, threads: 2, ...caches });
  expect(warm.files).toEqual(cold.files);
  expect(caches.moduleCache.size).toBe(cold.stats.models + 1); // and the barrel
  // Every module key points at a text the format cache holds; the barrels' entry lists each barrel's path and key.
  const [barrels, ...modules] = [...caches.moduleCache.values()].sort((a) => (a.startsWith("[") ? -1 : 1));
  expect(JSON.parse(barrels!)).toEqual([["index.ts", expect.any(String)]]);
  for (const key of [...modules, ...(JSON.parse(barrels!) as string[][]).map(([, key]) => key!)])
    expect(caches.formatCache.has(key)).toBe(true);
});

test("a doc that fails in a worker is reported like one read in the main thread", { timeout: 60_000 }, async () => {
  const runtimeTemplate = await loadRuntimeTemplate();
  const docs = [
    {
      path: "bad.md",
      text: "# Bad\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n| `a` | *nope* % | maybe |\n",
    },
    {
      path: "good.md",
      text: "# Good\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `a` | *string* | :heavy_check_mark: | A |\n",
    },
  ];
  const inThread = await generate({ docs, runtimeTemplate, threads: 1 });
  const workers = await generate({ docs, runtimeTemplate, threads: 2 });
  expect(describeMessages(workers)).toEqual(describeMessages(inThread));
  expect(workers.messages.some((m) => m.fatal === true)).toBe(true);
  expect(workers.files).toEqual([]);
});

test(
  "a worker that runs out of its capped heap makes the run go on in the main thread, with the same output",
  { timeout: 60_000 },
  async () => {
    const runtimeTemplate = await loadRuntimeTemplate();
    const docs = await loadDocs("seeds");
    const inThread = await generate({ docs, runtimeTemplate, threads: 1 });
    // 8 MB cannot even hold the parsers, so every worker dies of it.
    const starved = await generate({ docs, runtimeTemplate, threads: 2, workerHeapMb: 8 });
    expect(starved.files).toEqual(inThread.files);
  },
);

test.each([
  [["--input-type=module", "-e", "code"], []],
  [
    ["--max-old-space-size=4096", "-p", "1+1", "--import", "tsx"],
    ["--max-old-space-size=4096", "--import", "tsx"],
  ],
  [["--input-type", "module", "--eval=1", "--enable-source-maps"], ["--enable-source-maps"]],
])("a worker keeps the process's Node options %j but those that run command-line code: %j", async (execArgv, want) => {
  const { workerExecArgv } = await import("../../src/engine/pool.js");
  expect(workerExecArgv(execArgv)).toEqual(want);
});
