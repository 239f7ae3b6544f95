/**
 * A run given the previous output (a fresh clone's committed `generated/`) reads only the docs a
 * change reaches and makes only the modules that reach it; whatever path it takes, its files
 * are byte for byte those of a run that reads every doc. Random edits of several docs at a
 * time (descriptions, fields, links, null examples that change another model, renames, new
 * and deleted docs), each run on the output of the one before.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import type { ConfigInput } from "../../src/config/defaults.js";
import { afterAll, describe, expect, test } from "vitest";
import { generate, type GenerateResult, type PreviousOutput } from "../../src/generate.js";
import { loadDocs, loadRuntimeTemplate } from "../../src/io/load-docs.js";
import type { SourceDoc } from "../../src/shared/source-doc.js";
import { MANIFEST_PATH, parseManifest } from "../../src/write/manifest.js";
import { writeSyntheticCorpus } from "../bench/synthetic-corpus.js";
import { md } from "../helpers/generate-folder.js";

const work = await mkdtemp(join(tmpdir(), "mdmodel-sparse-"));
afterAll(() => rm(work, { recursive: true, force: true }));
await writeSyntheticCorpus(join(work, "docs"), 60);
const runtimeTemplate = await loadRuntimeTemplate();

/** Two hand-made docs: Parent's Example Usage sets a field of Child to null, which makes it nullable in Child's module. */
const family: SourceDoc[] = [
  {
    path: "models/components/parent.md",
    text: md(
      "# Parent",
      "",
      "A parent.",
      "",
      "## Example Usage",
      "",
      "```typescript",
      "let value: Parent = { child: { name: null, age: 3 } };",
      "```",
      "",
      "## Fields",
      "",
      "| Field | Type | Required | Description | Example |",
      "| --- | --- | --- | --- | --- |",
      "| `child` | [components.Child](../../models/components/child.md) | :heavy_check_mark: | The child | |",
    ),
  },
  {
    path: "models/components/child.md",
    text: md(
      "# Child",
      "",
      "A child.",
      "",
      "## Fields",
      "",
      "| Field | Type | Required | Description | Example |",
      "| --- | --- | --- | --- | --- |",
      "| `name` | *string* | :heavy_check_mark: | Name | Ann |",
      "| `age` | *number* | :heavy_check_mark: | Age | 3 |",
    ),
  },
];
const base = [...(await loadDocs(join(work, "docs"))), ...family];

/** A cache of formatted texts for the reference runs only: it saves prettier, and every doc is still read and every module made. */
const formatCache = new Map<string, string>();

function reference(docs: SourceDoc[], config: ConfigInput = {}): Promise<GenerateResult> {
  return generate({ docs, config, runtimeTemplate, formatCache, threads: 1 });
}

function previousOf(result: GenerateResult): PreviousOutput {
  const files = new Map(result.files.map((file) => [file.path, file.content]));
  return { manifest: parseManifest(files.get(MANIFEST_PATH))!, read: (path) => files.get(path) };
}

type Edit =
  | {
      kind: "describe" | "addField" | "requiredField" | "retype" | "rename" | "delete" | "nullChild" | "unnullChild";
      doc: number;
    }
  | { kind: "relink"; doc: number; to: number }
  | { kind: "add"; doc: number };

const objects = (docs: readonly SourceDoc[]) => docs.filter((doc) => /^## Fields$/m.test(doc.text));

/** `docs` with one edit made; the doc picked is the `doc`-th of those the edit applies to. */
function apply(docs: SourceDoc[], edit: Edit): SourceDoc[] {
  const pickFrom = (list: readonly SourceDoc[], n: number) => list[n % list.length]!;
  const replace = (target: SourceDoc, text: string) => docs.map((doc) => (doc === target ? { ...doc, text } : doc));
  const parent = docs.find((doc) => doc.path === "models/components/parent.md");
  switch (edit.kind) {
    case "describe": {
      const target = pickFrom(docs, edit.doc);
      return replace(target, target.text.replace(/^(# .*\n)/m, `$1\nEdited ${edit.doc}.\n`));
    }
    case "addField":
    case "requiredField": {
      const target = pickFrom(objects(docs), edit.doc);
      const required = edit.kind === "requiredField" ? ":heavy_check_mark:" : ":heavy_minus_sign:";
      return replace(
        target,
        target.text.replace(
          /(\| --- \| --- \| --- \| --- \| --- \|\n)/,
          `$1| \`extra${edit.doc}\` | *string* | ${required} | Added | |\n`,
        ),
      );
    }
    case "retype": {
      // A field's type changes: its module, those that reach it, and, when its example no longer fits, the barrel change.
      const typed = objects(docs).filter((doc) => /\| \*(string|number)\* \|/.test(doc.text));
      if (typed.length === 0) return docs;
      const target = pickFrom(typed, edit.doc);
      return replace(
        target,
        /\| \*string\* \|/.test(target.text)
          ? target.text.replace("| *string* |", "| *number* |")
          : target.text.replace("| *number* |", "| *string* |"),
      );
    }
    case "relink": {
      // A field that linked to one model now links to another: the graph changes.
      const withLinks = objects(docs).filter((doc) => /\]\(\.\.\/\.\.\/models\//.test(doc.text));
      if (withLinks.length === 0) return docs;
      const target = pickFrom(withLinks, edit.doc);
      const to = pickFrom(objects(docs), edit.to);
      const title = /^# (.*)$/m.exec(to.text)![1]!;
      const [, folder, file] = /^models\/([^/]+)\/([^/]+)$/.exec(to.path)!;
      return replace(
        target,
        target.text.replace(
          /\[[\w.]+\]\(\.\.\/\.\.\/models\/[^)]+\)/,
          `[${folder}.${title}](../../models/${folder}/${file})`,
        ),
      );
    }
    case "rename": {
      const target = pickFrom(docs, edit.doc);
      return replace(target, target.text.replace(/^# (.*)$/m, `# $1Renamed`));
    }
    case "delete":
      return docs.filter((doc) => doc !== pickFrom(docs, edit.doc));
    case "add":
      return [
        ...docs,
        {
          path: `models/components/added${edit.doc}.md`,
          text: md(
            `# Added${edit.doc}`,
            "",
            "New.",
            "",
            "## Fields",
            "",
            "| Field | Type | Required | Description |",
            "| --- | --- | --- | --- |",
            "| `a` | *string* | :heavy_check_mark: | A |",
          ),
        },
      ];
    case "nullChild":
    case "unnullChild":
      if (!parent) return docs;
      return replace(
        parent,
        edit.kind === "nullChild"
          ? parent.text.replace("age: 3 }", "age: null }")
          : parent.text.replace("name: null", 'name: "Bo"'),
      );
  }
}

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom("describe", "addField", "retype", "nullChild", "unnullChild"),
      doc: fc.nat(200),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("relink"), doc: fc.nat(200), to: fc.nat(200) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom("requiredField", "rename", "delete", "add"), doc: fc.nat(200) }),
  },
);

const paths = (result: GenerateResult) => result.files.map((file) => [file.path, file.content]);

describe("a run on the previous output", () => {
  test("gives exactly the files of a run that reads every doc, after random edits, run after run", async () => {
    // Under the default outputs, every output (each model's .schema.json beside its module) and types only in folder barrels.
    const configs: ConfigInput[] = [{}, { outputs: "all" }, { outputs: "types", barrel: "folders" }];
    const firsts = await Promise.all(configs.map((config) => reference(base, config)));
    expect(firsts[1]!.files.length).toBeGreaterThan(100);
    const taken = { sparse: 0, full: 0, errors: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: configs.length - 1 }),
        fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
        async (which, steps) => {
          const config = configs[which]!;
          let docs = base;
          let previous = firsts[which]!;
          for (const edits of steps) {
            docs = edits.reduce(apply, docs);
            const [sparse, full] = [
              await generate({ docs, config, runtimeTemplate, previous: previousOf(previous), threads: 1 }),
              await reference(docs, config),
            ];
            expect(paths(sparse)).toEqual(paths(full));
            expect(sparse.stats).toEqual(full.stats);
            if (full.files.length === 0) {
              taken.errors += 1;
              return; // an edit that breaks a link: nothing written, both say so
            }
            taken[sparse.sparse ? "sparse" : "full"] += 1;
            previous = sparse;
          }
        },
      ),
      { numRuns: 25, seed: 2026 },
    );
    // Both paths were taken, and most edits needed no full run.
    expect(taken.sparse).toBeGreaterThan(taken.full);
    expect(taken.full).toBeGreaterThan(0);
  }, 240_000);

  test("a null in one doc's example changes another model's module, and taking it out changes it back", async () => {
    const first = await reference(base);
    const child = (result: GenerateResult) =>
      result.files.find((file) => file.path === "models/components/child.ts")!.content;
    expect(child(first)).toContain("name: string | null;");
    const docs = apply(apply(base, { kind: "unnullChild", doc: 0 }), { kind: "describe", doc: 0 });
    const sparse = await generate({ docs, runtimeTemplate, previous: previousOf(first), threads: 1 });
    expect(sparse.sparse).not.toBe(false);
    expect(child(sparse)).toContain("name: string;");
    expect(paths(sparse)).toEqual(paths(await reference(docs)));
  });

  test("a type change that takes away a module's example reads only what reaches the doc, and makes the barrel again", async () => {
    const first = await reference(base);
    const barrel = (result: GenerateResult) => result.files.find((file) => file.path === "index.ts")!.content;
    expect(barrel(first)).toContain("childExample");
    const retyped = base.map((doc) =>
      doc.path === "models/components/child.md"
        ? { ...doc, text: doc.text.replace("| `name` | *string* |", "| `name` | *number* |") }
        : doc,
    );
    const result = await generate({ docs: retyped, runtimeTemplate, previous: previousOf(first), threads: 1 });
    expect(result.sparse).toEqual({ read: 2, made: 2 });
    expect(barrel(result)).not.toContain("childExample");
    expect(paths(result)).toEqual(paths(await reference(retyped)));
  });

  test("says why it read every doc, and reuses unchanged modules all the same", async () => {
    const first = await reference(base);
    const renamed = apply(base, { kind: "rename", doc: 3 });
    const result = await generate({ docs: renamed, runtimeTemplate, previous: previousOf(first), threads: 1 });
    expect(result.sparse).toBe(false);
    expect(result.readAll).toMatch(/changed what model it defines$/);
    expect(paths(result)).toEqual(paths(await reference(renamed)));
    const added = await generate({
      docs: apply(base, { kind: "add", doc: 1 }),
      runtimeTemplate,
      previous: previousOf(first),
      threads: 1,
    });
    expect(added.readAll).toBe("docs were added, removed or renamed");
  });

  test("a module file that no longer holds what was written is made again, not reused", async () => {
    const first = await reference(base);
    const previous = previousOf(first);
    const target = first.files.find((file) => file.path.endsWith("child.ts"))!;
    const tampered: PreviousOutput = {
      manifest: previous.manifest,
      read: (path) => (path === target.path ? "export const pwned = 1;\n" : previous.read(path)),
    };
    const docs = apply(base, { kind: "describe", doc: 5 });
    const result = await generate({ docs, runtimeTemplate, previous: tampered, threads: 1 });
    expect(result.sparse).not.toBe(false);
    expect(result.files.find((file) => file.path === target.path)!.content).toBe(target.content);
    expect(paths(result)).toEqual(paths(await reference(docs)));
  });
});
