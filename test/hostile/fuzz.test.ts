/**
 * Fuzzing with fast-check: generated docs (valid tables with random names, types,
 * descriptions and examples) and random mutations of the seed docs. The generator never
 * throws; it either writes output that type-checks or reports errors; descriptions and
 * examples come back unchanged from the JSDoc and the literals. With MDMODEL_CORPUS set
 * to a docs folder, mutated docs of that SDK as well.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { Project, ts } from "ts-morph";
import { afterAll, describe, expect, test } from "vitest";
import { typecheck } from "../corpus/typecheck.js";
import { unescapeJsDoc } from "../../src/emit/escape.js";
import { loadDocs } from "../../src/io/load-docs.js";
import { readDoc, type SourceDoc } from "../../src/parse/read-doc.js";
import { writeOutput } from "../../src/write/writer.js";
import { generateDocs } from "../helpers/generate-folder.js";

const work = await mkdtemp(join(tmpdir(), "mdmodel-fuzz-"));
afterAll(() => rm(work, { recursive: true, force: true }));

/** Characters that stress comments, strings and markdown, mixed into ordinary text. */
const nasty = fc.constantFrom(
  "*/",
  "/*",
  "@param",
  "`",
  "${",
  "\u2028",
  "\u2029",
  "</script>",
  "\\",
  '"',
  "'",
  "<",
  "&amp;",
  "é",
  "😀",
  "*",
  "_",
  "#",
);
const word = fc.stringMatching(/^[A-Za-z0-9 .,:;!?()-]{1,12}$/);
const text = fc
  .array(fc.oneof(word, nasty), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(" ").trim())
  .filter((t) => t !== "");

const fieldName = fc.oneof(
  fc.stringMatching(/^[a-z][A-Za-z0-9]{0,10}$/),
  fc.stringMatching(/^[A-Za-z0-9$@ ._-]{1,10}$/).filter((name) => name.trim() === name && name !== ""),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "toString",
    "default",
    "class",
    "build",
    "x-api-key",
    "$ref",
    "@type",
    "1st",
    "value",
    "path",
    "issues",
  ),
);
const typeCell = fc.constantFrom(
  "*string*",
  "*number*",
  "*boolean*",
  "*any*",
  "*string*[]",
  "Record<string, *number*>",
  '*"lit"*',
  "[Date](https://x.test/date)",
  "*number*[][]",
);

/** A cell-safe rendering: `|` escaped, so the table keeps its shape. */
const cell = (value: string) => value.replace(/\|/g, "\\|");

interface FieldSpec {
  name: string;
  type: string;
  required: boolean;
  description: string;
  example: string | undefined;
}

const fieldSpec = fc.record({
  name: fieldName,
  type: typeCell,
  required: fc.boolean(),
  description: text,
  example: fc.option(text, { nil: undefined }),
});
const modelSpec = fc.record({
  title: fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,12}$/),
  description: text,
  fields: fc.uniqueArray(fieldSpec, { minLength: 1, maxLength: 6, selector: (field) => field.name }),
});

function renderDoc(spec: { title: string; description: string; fields: FieldSpec[] }): string {
  const rows = spec.fields.map((field) => {
    const example = field.type === "*string*" && field.example !== undefined ? cell(field.example) : "";
    return `| \`${field.name}\` | ${field.type} | ${field.required ? ":heavy_check_mark:" : ":heavy_minus_sign:"} | ${cell(field.description)} | ${example} |`;
  });
  return [
    `# ${spec.title}`,
    "",
    cell(spec.description),
    "",
    "## Fields",
    "",
    "| Field | Type | Required | Description | Example |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

describe("generated docs", () => {
  test("never throw, and either type-check or report errors, with descriptions and examples intact", async () => {
    const specs = fc.sample(modelSpec, { numRuns: 40, seed: 20261127 });
    const docs = specs.map((spec, i) => ({ path: `m${i}/doc.md`, text: renderDoc(spec) }));
    const result = await generateDocs(docs);
    // The docs are valid by construction, so they must generate without errors.
    expect(result.messages.filter((m) => m.fatal === true).map((m) => `${m.file}:${m.line}: ${m.reason}`)).toEqual([]);
    const out = join(work, "generated-docs");
    await writeFile(join(work, "package.json"), '{ "type": "module" }\n');
    await writeOutput(out, result.files);
    const tsFiles = result.files.filter((file) => file.path.endsWith(".ts")).map((file) => join(out, file.path));
    expect(typecheck(tsFiles, "nodenext")).toEqual([]);

    // Round trip: the compiler's documentation text and the example literal give the doc's text back.
    const project = new Project({ useInMemoryFileSystem: true });
    const checker = () => project.getTypeChecker().compilerObject;
    for (const [i, doc] of docs.entries()) {
      const model = readDoc(doc).model!;
      const file = project.createSourceFile(`m${i}.ts`, await readFile(join(out, `m${i}/doc.ts`), "utf8"));
      const iface = file.getInterfaces()[0]!;
      const module = (await import(join(out, `m${i}/doc.ts`))) as Record<string, unknown>;
      const example = Object.entries(module).find(([name]) => name.endsWith("Example"))?.[1] as
        Record<string, unknown> | undefined;
      if (model.body.kind !== "object") throw new Error("expected an object model");
      for (const field of model.body.fields) {
        const property = iface.getProperties().find((p) => p.getSymbolOrThrow().getName() === field.name)!;
        const hover = ts.displayPartsToString(
          property.getSymbolOrThrow().compilerSymbol.getDocumentationComment(checker()),
        );
        expect(unescapeJsDoc(hover.replace(/\r\n/g, "\n"))).toBe(field.description.replace(/\r\n/g, "\n"));
        if (field.example && field.type.kind === "string" && example)
          expect(example[field.name]).toBe(field.example.text);
      }
    }
  });

  test("single random docs never make the generator throw", async () => {
    await fc.assert(
      fc.asyncProperty(modelSpec, async (spec) => {
        const result = await generateDocs([{ path: "doc.md", text: renderDoc(spec) }]);
        expect(Array.isArray(result.messages)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

/** Random edits: a few splices of random text or markdown that matters (table bars, headings, links). */
const edits = fc.array(
  fc.record({
    at: fc.nat(),
    length: fc.nat({ max: 12 }),
    insert: fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom(
        "|",
        "\n",
        "`",
        "*",
        "[",
        "](",
        "<br/>",
        "## Fields\n",
        "## Values\n",
        "| --- |",
        "\\",
        "```typescript\n",
        "~~",
        "# ",
        "*/",
      ),
    ),
  }),
  { minLength: 1, maxLength: 4 },
);

function applyEdits(text: string, changes: ReadonlyArray<{ at: number; length: number; insert: string }>): string {
  for (const edit of changes) {
    const at = edit.at % (text.length + 1);
    text = text.slice(0, at) + edit.insert + text.slice(at + edit.length);
  }
  return text;
}

/** What must hold whatever the docs say: no throw, every message at a line and column, no output when there are errors. */
async function expectPlacedAndBlocking(docs: SourceDoc[]): Promise<void> {
  const result = await generateDocs(docs);
  for (const message of result.messages) {
    expect(message.line, `${message.file}: ${message.reason}`).toBeGreaterThan(0);
    expect(message.column, `${message.file}: ${message.reason}`).toBeGreaterThan(0);
  }
  if (result.messages.some((m) => m.fatal === true)) expect(result.files).toEqual([]);
}

describe("mutated seed docs", () => {
  test("never make the generator throw; every message has a place and errors block output", async () => {
    const seeds = await loadDocs("seeds");
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), edits, (seed, changes) =>
        expectPlacedAndBlocking([{ path: seed.path, text: applyEdits(seed.text, changes) }]),
      ),
      { numRuns: 60 },
    );
  });
});

// CI runs these once per corpus folder (MDMODEL_CORPUS=<folder>): the seeds cover few of the shapes real SDK docs have.
describe.skipIf(!process.env.MDMODEL_CORPUS)("mutated docs of MDMODEL_CORPUS", () => {
  const corpus = process.env.MDMODEL_CORPUS ? loadDocs(process.env.MDMODEL_CORPUS) : Promise.resolve([]);

  test("one doc at a time", { timeout: 600_000 }, async () => {
    const docs = await corpus;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...docs), edits, (doc, changes) =>
        expectPlacedAndBlocking([{ path: doc.path, text: applyEdits(doc.text, changes) }]),
      ),
      { numRuns: 300 },
    );
  });

  test("several docs, some edited or moved, so names and links collide and break", { timeout: 600_000 }, async () => {
    const docs = await corpus;
    const moved = fc.constantFrom("x.md", "models/components/x.md", "models/X.MD", "a/b/../x.md");
    const sample = fc.record({
      picks: fc.uniqueArray(fc.nat({ max: docs.length - 1 }), { minLength: 2, maxLength: 40 }),
      changes: fc.array(fc.tuple(fc.nat(), edits), { maxLength: 4 }),
      moves: fc.array(fc.tuple(fc.nat(), moved), { maxLength: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(sample, ({ picks, changes, moves }) => {
        const set = picks.map((index) => ({ ...docs[index]! }));
        for (const [which, edit] of changes)
          set[which % set.length]!.text = applyEdits(set[which % set.length]!.text, edit);
        for (const [which, path] of moves) set[which % set.length]!.path = path;
        return expectPlacedAndBlocking(
          set.filter((doc, index) => set.findIndex((other) => other.path === doc.path) === index),
        );
      }),
      { numRuns: 60 },
    );
  });
});
