/**
 * Fuzzing with fast-check: generated docs (valid tables with random names, types,
 * descriptions and examples) and random mutations of the seed docs. The generator never
 * throws; it either writes output that type-checks or reports errors; descriptions and
 * examples come back unchanged from the JSDoc and the literals.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { Project, ts } from "ts-morph";
import { afterAll, describe, expect, test } from "vitest";
import { typecheck } from "../src/corpus/typecheck.js";
import { unescapeJsDoc } from "../src/emit/escape.js";
import { readDoc } from "../src/parse/read-doc.js";
import { writeOutput } from "../src/write/writer.js";
import { generateDocs } from "./helpers/generate-folder.js";

const work = await mkdtemp(join(tmpdir(), "mdmodel-fuzz-"));
afterAll(() => rm(work, { recursive: true, force: true }));

/** Characters that stress comments, strings and markdown, mixed into ordinary text. */
const nasty = fc.constantFrom("*/", "/*", "@param", "`", "${", "\u2028", "\u2029", "</script>", "\\", '"', "'", "<", "&amp;", "é", "😀", "*", "_", "#");
const word = fc.stringMatching(/^[A-Za-z0-9 .,:;!?()-]{1,12}$/);
const text = fc.array(fc.oneof(word, nasty), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(" ").trim()).filter((t) => t !== "");

const fieldName = fc.oneof(
  fc.stringMatching(/^[a-z][A-Za-z0-9]{0,10}$/),
  fc.stringMatching(/^[A-Za-z0-9$@ ._-]{1,10}$/).filter((name) => name.trim() === name && name !== ""),
  fc.constantFrom("__proto__", "constructor", "toString", "default", "class", "build", "x-api-key", "$ref", "@type", "1st", "value", "path", "issues"),
);
const typeCell = fc.constantFrom("*string*", "*number*", "*boolean*", "*any*", "*string*[]", "Record<string, *number*>", '*"lit"*', "[Date](https://x.test/date)", "*number*[][]");

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
  return [`# ${spec.title}`, "", cell(spec.description), "", "## Fields", "", "| Field | Type | Required | Description | Example |", "| --- | --- | --- | --- | --- |", ...rows, ""].join("\n");
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
      const example = Object.entries(module).find(([name]) => name.endsWith("Example"))?.[1] as Record<string, unknown> | undefined;
      if (model.body.kind !== "object") throw new Error("expected an object model");
      for (const field of model.body.fields) {
        const property = iface.getProperties().find((p) => p.getSymbolOrThrow().getName() === field.name)!;
        const hover = ts.displayPartsToString(property.getSymbolOrThrow().compilerSymbol.getDocumentationComment(checker()));
        expect(unescapeJsDoc(hover.replace(/\r\n/g, "\n"))).toBe(field.description.replace(/\r\n/g, "\n"));
        if (field.example && field.type.kind === "string" && example) expect(example[field.name]).toBe(field.example.text);
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

describe("mutated seed docs", () => {
  test("never make the generator throw; every error has a place and blocks output", async () => {
    const seeds = await Promise.all(
      (await readdir("seeds", { recursive: true })).filter((p) => p.endsWith(".md")).map(async (p) => ({ path: p, text: await readFile(join("seeds", p), "utf8") })),
    );
    const mutation = fc.record({
      seed: fc.constantFrom(...seeds),
      edits: fc.array(
        fc.record({
          at: fc.nat(),
          length: fc.nat({ max: 12 }),
          insert: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("|", "\n", "`", "*", "[", "](", "<br/>", "## Fields\n", "| --- |", "\\")),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ seed, edits }) => {
        let text = seed.text;
        for (const edit of edits) {
          const at = edit.at % (text.length + 1);
          text = text.slice(0, at) + edit.insert + text.slice(at + edit.length);
        }
        const result = await generateDocs([{ path: seed.path, text }]);
        const errors = result.messages.filter((m) => m.fatal === true);
        for (const error of errors) expect(error.line).toBeGreaterThan(0);
        if (errors.length > 0) expect(result.files).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
