/**
 * Fixture folders, one per doc shape: `test/fixtures/<shape>/docs/**.md` is the input;
 * beside it, `ir.json` (the docs as read), `messages.txt` (the diagnostics) and
 * `output/` (every generated module but the shared runtime) are file snapshots.
 * Every fixture's output must also type-check under the strict flags.
 */
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { typecheck } from "../src/corpus/typecheck.js";
import { formatMessage } from "../src/diagnostics.js";
import type { GenerateResult } from "../src/generate.js";
import { loadDocs } from "../src/io/load-docs.js";
import { readDoc } from "../src/parse/read-doc.js";
import { writeOutput } from "../src/write/writer.js";
import { generateDocs } from "./helpers/generate-folder.js";

const root = join(import.meta.dirname, "fixtures");
const names = (await readdir(root, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const results = new Map<string, GenerateResult>();
const work = await mkdtemp(join(tmpdir(), "mdmodel-fixtures-"));
afterAll(() => rm(work, { recursive: true, force: true }));

describe.each(names)("fixture %s", (name) => {
  test("reads, generates and matches its snapshots", async () => {
    const docs = await loadDocs(join(root, name, "docs"));
    const ir = docs.map((doc) => readDoc(doc).model ?? null);
    await expect(`${JSON.stringify(ir, null, 2)}\n`).toMatchFileSnapshot(join(root, name, "ir.json"));

    const result = await generateDocs(docs);
    results.set(name, result);
    await expect(result.messages.map(formatMessage).join("\n") + "\n").toMatchFileSnapshot(join(root, name, "messages.txt"));
    for (const file of result.files) {
      if (file.path === "runtime.ts" || file.path.endsWith(".json")) continue;
      await expect(file.content).toMatchFileSnapshot(join(root, name, "output", `${file.path}.snap`));
    }
    expect(result.files.length).toBeGreaterThan(0);
  });
});

test("every fixture's output type-checks under the strict flags", async () => {
  await writeFile(join(work, "package.json"), '{ "type": "module" }\n');
  const files: string[] = [];
  for (const name of names) {
    const result = results.get(name);
    expect(result, `fixture ${name} did not generate`).toBeDefined();
    await writeOutput(join(work, name), result!.files);
    files.push(...result!.files.filter((file) => file.path.endsWith(".ts")).map((file) => join(work, name, file.path)));
  }
  expect(typecheck(files, "nodenext")).toEqual([]);
});
