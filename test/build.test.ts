/** What `src/bin/build.js` makes of src/: plain JavaScript whose imports of the bundled packages point into dist/vendor/. */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
// @ts-expect-error plain JavaScript without declarations
import { DIST, ensureBuilt } from "../src/bin/build.js";

const files = async (folder: string) =>
  (await readdir(folder, { recursive: true })).filter((path) => path.endsWith(".js")).map((path) => join(folder, path));

beforeAll(async () => {
  await ensureBuilt();
});

test("no compiled module imports a vendored package by name", async () => {
  const bare = /from "(unified|remark-parse|remark-gfm|mdast-util-to-string|vfile)"/;
  const offenders: string[] = [];
  for (const file of await files(DIST as string)) if (!file.includes("/vendor/") && bare.test(await readFile(file, "utf8"))) offenders.push(file);
  expect(offenders).toEqual([]);
  expect(await readFile(join(DIST as string, "parse", "read-doc.js"), "utf8")).toContain('from "../vendor/vfile.js"');
});

test("the vendored packages share one copy of the code they have in common", async () => {
  // unified and read-doc.ts both use VFile: two copies would be two classes.
  let definitions = 0;
  for (const file of await files(join(DIST as string, "vendor"))) definitions += (await readFile(file, "utf8")).match(/\bclass VFile\b|\bVFile = class\b/g)?.length ?? 0;
  expect(definitions).toBe(1);
});

test("the compiled command reads a doc as the sources do", async () => {
  const compiled = (await import(join(DIST as string, "pipeline", "steps.js"))) as typeof import("../src/pipeline/steps.js");
  const source = await import("../src/pipeline/steps.js");
  const doc = { path: "models/x.md", text: "# X\n\nAn x.\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `a` | *string* | :heavy_check_mark: | A |\n| `b` | *nope* | maybe | B |\n" };
  expect(compiled.readStep(doc)).toEqual(source.readStep(doc));
  expect(compiled.readStep(doc).messages.length).toBeGreaterThan(0);
});
