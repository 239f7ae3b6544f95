/** The code cache that ts-morph loads through (dist/ is built by the global setup): it must never change what a module does. */
import { execFileSync } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test } from "vitest";
import { preloadWithCodeCache } from "../../src/shared/code-cache.js";
import { tempFolderPerTest } from "../helpers/temp-folder.js";

const require = createRequire(import.meta.url);
const work = tempFolderPerTest("code-cache");

/** A CommonJS module that requires a sibling, as TypeScript's files do. */
async function writeModule(answer: number): Promise<string> {
  await writeFile(join(work.dir, "helper.js"), "exports.twice = (n) => n * 2;\n");
  const file = join(work.dir, "answer.js");
  await writeFile(
    file,
    `const { twice } = require("./helper");\nmodule.exports = { answer: twice(${answer}), file: __filename };\n`,
  );
  return file;
}

const COMPILED = join(import.meta.dirname, "..", "..", "dist", "shared", "code-cache.js");

/** Loads `file` in a fresh process (V8 also caches compiled code within one process), as the built command does. */
function loadFresh(file: string, dir: string): { how: string; exports: { answer: number; file: string } } {
  const script = `
    import { createRequire } from "node:module";
    import { preloadWithCodeCache } from ${JSON.stringify(pathToFileURL(COMPILED).href)};
    const how = preloadWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(dir)});
    console.log(JSON.stringify({ how, exports: createRequire(import.meta.url)(${JSON.stringify(file)}) }));`;
  return JSON.parse(
    execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }),
  ) as ReturnType<typeof loadFresh>;
}

test("the first load compiles and saves, the next uses the cached code, and both run the same module", async () => {
  const file = await writeModule(21);
  const dir = join(work.dir, "cache");
  const first = loadFresh(file, dir);
  expect(first).toEqual({ how: "compiled", exports: { answer: 42, file } });
  expect(await readdir(dir)).toHaveLength(1);
  const second = loadFresh(file, dir);
  expect(second).toEqual({ how: "cached", exports: { answer: 42, file } });
});

test("a changed file of the same length is compiled anew, never run from the old code", async () => {
  const dir = join(work.dir, "cache");
  const file = await writeModule(21);
  loadFresh(file, dir);
  await writeModule(12);
  expect(loadFresh(file, dir)).toEqual({ how: "compiled", exports: { answer: 24, file } });
});

test("a corrupt cache entry is rejected by V8 and replaced", async () => {
  const dir = join(work.dir, "cache");
  const file = await writeModule(21);
  loadFresh(file, dir);
  const [entry] = await readdir(dir);
  await writeFile(join(dir, entry!), "not V8 code");
  expect(loadFresh(file, dir)).toEqual({ how: "compiled", exports: { answer: 42, file } });
  expect(loadFresh(file, dir).how).toBe("cached");
});

test("an entry damaged past its header is compiled anew, not run", async () => {
  const dir = join(work.dir, "cache");
  const file = await writeModule(21);
  loadFresh(file, dir);
  const [entry] = await readdir(dir);
  const bytes = await readFile(join(dir, entry!));
  for (let i = Math.floor(bytes.length / 2); i < bytes.length; i += 7) bytes[i] = 255 - bytes[i]!;
  await writeFile(join(dir, entry!), bytes);
  expect(loadFresh(file, dir)).toEqual({ how: "compiled", exports: { answer: 42, file } });
});

test("a file that starts with a #! line loads", async () => {
  const file = join(work.dir, "bin.js");
  await writeFile(file, "#!/usr/bin/env node\nmodule.exports = { answer: 42, file: __filename };\n");
  expect(loadFresh(file, join(work.dir, "cache"))).toEqual({ how: "compiled", exports: { answer: 42, file } });
});

test("a module already loaded is left alone", async () => {
  const file = await writeModule(21);
  delete require.cache[file];
  require(file);
  expect(preloadWithCodeCache(file, join(work.dir, "cache"))).toBe("skipped");
});

test("the built command loads ts-morph's three big files once each, through the cache", async () => {
  const loader = pathToFileURL(join(import.meta.dirname, "..", "..", "dist", "emit", "ts-morph.js")).href;
  const script = `
    import { createRequire } from "node:module";
    const { ts } = await import(${JSON.stringify(loader)});
    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => /typescript\\.js$|ts-morph-common\\.js$|ts-morph\\.js$/.test(path));
    console.log(JSON.stringify({ loaded: loaded.length, typescript: loaded.filter((path) => path.endsWith("typescript.js")).length, version: typeof ts.version }));`;
  const run = () =>
    JSON.parse(
      execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: work.dir, encoding: "utf8" }),
    ) as unknown;
  expect(run()).toEqual({ loaded: 3, typescript: 1, version: "string" });
  const entries = await readdir(join(work.dir, "node_modules", ".cache", "mdmodel", "v8"), { recursive: true });
  expect(entries.filter((entry) => entry.endsWith(".bin"))).toHaveLength(3);
  expect(run()).toEqual({ loaded: 3, typescript: 1, version: "string" });
});

test("the command keeps ts-morph's compiled code beside the other caches, and --no-cache writes none", async () => {
  const command = join(import.meta.dirname, "..", "..", "dist", "bin", "mdmodel.js");
  const seeds = join(import.meta.dirname, "..", "..", "seeds");
  execFileSync(process.execPath, [command, "generate", "--input", seeds, "--out", "out", "--no-cache", "--quiet"], {
    cwd: work.dir,
  });
  await expect(readdir(join(work.dir, "node_modules"))).rejects.toThrow(/ENOENT/);
  execFileSync(process.execPath, [command, "generate", "--input", seeds, "--out", "out", "--full", "--quiet"], {
    cwd: work.dir,
  });
  const entries = await readdir(join(work.dir, "node_modules", ".cache", "mdmodel", "v8"), { recursive: true });
  expect(entries.filter((entry) => entry.endsWith(".bin"))).toHaveLength(3);
});
