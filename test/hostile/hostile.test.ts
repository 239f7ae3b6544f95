/**
 * Hostile docs: text that tries to break out of comments and strings, names that clash,
 * malformed tables, unsafe paths, and a writer that must not be led out of its folder.
 */
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Project, ts } from "ts-morph";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { typecheck } from "../corpus/typecheck.js";
import { formatMessage } from "../../src/shared/diagnostics.js";
import { unescapeJsDoc } from "../../src/emit/escape.js";
import type { GenerateResult } from "../../src/generate.js";
import { MANIFEST_PATH } from "../../src/write/manifest.js";
import { OutputConflictError, writeOutput } from "../../src/write/writer.js";
import { generateDocs, md } from "../helpers/generate-folder.js";
import { generate } from "../../src/generate.js";
import { loadRuntimeTemplate } from "../../src/io/load-docs.js";

const work = await mkdtemp(join(tmpdir(), "mdmodel-hostile-"));
afterAll(() => rm(work, { recursive: true, force: true }));
await writeFile(join(work, "package.json"), '{ "type": "module" }\n');

const HEADER = [
  "## Fields",
  "",
  "| Field | Type | Required | Description | Example |",
  "| --- | --- | --- | --- | --- |",
];

/** Writes a generation result into a fresh folder of `work`, type-checks it, and returns the folder. */
async function emitAndCheck(name: string, result: GenerateResult): Promise<string> {
  expect(result.messages.filter((m) => m.fatal === true).map(formatMessage)).toEqual([]);
  const out = join(work, name);
  await writeOutput(out, result.files);
  const files = result.files.filter((file) => file.path.endsWith(".ts")).map((file) => join(out, file.path));
  expect(typecheck(files, "nodenext")).toEqual([]);
  return out;
}

describe("injection: doc text never changes the meaning of the code", () => {
  const descriptions = [
    "Closes the comment */ export const pwned = 1; /* and reopens it",
    "@param x a tag at the start",
    "Backticks `code` and a template ${process.exit(1)}",
    "Line\u2028separator and paragraph\u2029separator",
    "</script><script>alert(1)</script>",
    "A backslash \\ and a \\@ and *\\/ already escaped",
  ];
  const examples = ['He said "hi"', "C:\\path\\to\\file", "line one<br/>line two", "*/ x", "`${y}`"];

  test("descriptions and examples come back unchanged from the JSDoc and the literals", async () => {
    const rows = [
      ...descriptions.map((text, i) => `| \`d${i}\` | *string* | :heavy_minus_sign: | ${text} | |`),
      ...examples.map((text, i) => `| \`e${i}\` | *string* | :heavy_check_mark: | example ${i} | ${text} |`),
    ];
    const docs = [
      {
        path: "models/hostile.md",
        text: md("# Hostile", "", "Model text */ declare const evil: 1; /*", "", ...HEADER, ...rows),
      },
    ];
    const result = await generateDocs(docs);
    const out = await emitAndCheck("injection", result);

    // Nothing but the generated API is exported: the text did not become code.
    const module = (await import(join(out, "models/hostile.ts"))) as Record<string, unknown>;
    expect(Object.keys(module).sort()).toEqual([
      "HostileBuilder",
      "HostileCodec",
      "HostileSchema",
      "assertHostile",
      "collectHostileIssues",
      "hostileExample",
      "hostileFromJSON",
      "hostileToJSON",
      "hostileToWire",
      "isHostile",
      "parseHostile",
      "validateHostile",
    ]);

    // The JSDoc of each field reads back, as the compiler gives it to an editor's hover, as the doc's text.
    const project = new Project({ useInMemoryFileSystem: true });
    const source = project.createSourceFile("hostile.ts", await readFile(join(out, "models/hostile.ts"), "utf8"));
    const checker = project.getTypeChecker().compilerObject;
    const hover = (node: { getSymbolOrThrow(): { compilerSymbol: ts.Symbol } }) =>
      unescapeJsDoc(ts.displayPartsToString(node.getSymbolOrThrow().compilerSymbol.getDocumentationComment(checker)));
    const iface = source.getInterfaceOrThrow("Hostile");
    expect(hover(iface)).toBe("Model text */ declare const evil: 1; /*");
    descriptions.forEach((text, i) => expect(hover(iface.getPropertyOrThrow(`d${i}`))).toBe(text));

    // The example literals hold the cells' text exactly (`<br/>` is a line break).
    const example = module["hostileExample"] as Record<string, string>;
    expect(examples.map((_, i) => example[`e${i}`])).toEqual(examples.map((text) => text.replace("<br/>", "\n")));
  });

  test("Example Usage strings with quotes, backslashes, newlines and comment closers survive", async () => {
    const text = md(
      "# Note",
      "",
      "## Example Usage",
      "",
      "```typescript",
      'let value: Note = { body: "a \\"quoted\\" */ \\\\ \\n line \\u2028 end" };',
      "```",
      "",
      "## Fields",
      "",
      "| Field | Type | Required | Description |",
      "| --- | --- | --- | --- |",
      "| `body` | *string* | :heavy_check_mark: | Text |",
    );
    const out = await emitAndCheck("usage", await generateDocs([{ path: "note.md", text }]));
    const module = (await import(join(out, "note.ts"))) as { noteExample: { body: string } };
    expect(module.noteExample.body).toBe('a "quoted" */ \\ \n line \u2028 end');
  });

  test("models named like the runtime's or the platform's names, and field names that are not identifiers", async () => {
    const names = ["ValidationError", "Date", "Record", "Array", "Object", "Promise", "default", "class"];
    const docs = names.map((name) => ({
      path: `models/${name.toLowerCase()}.md`,
      text: md(
        `# ${name}`,
        "",
        ...HEADER,
        "| `x-api-key` | *string* | :heavy_check_mark: | k | k1 |",
        "| `@type` | *string* | :heavy_minus_sign: | t | |",
        "| `a b` | *number* | :heavy_minus_sign: | n | 1 |",
        "| `constructor` | *string* | :heavy_minus_sign: | c | |",
      ),
    }));
    const result = await generateDocs(docs);
    const out = await emitAndCheck("names", result);
    const api = (await import(join(out, "index.ts"))) as Record<string, any>;
    expect(api.ValidationError).toBeTypeOf("function"); // the runtime's class keeps its name in the barrel
    expect(api.isModelsValidationError).toBeTypeOf("function"); // the model clashes there, so it gets its folder as a prefix
    expect(api.isDateModel({ "x-api-key": "k", "a b": 1 })).toBe(true);
    expect(api.isObjectModel({ "x-api-key": 1 })).toBe(false);
    expect(api.isDefaultModel({ "x-api-key": "k", constructor: 5 })).toBe(false);
    expect(() => api.assertModelsValidationError({})).toThrowError(api.ValidationError);
    const renamed = result.messages.filter((m) => m.ruleId === "renamed-model").map((m) => m.reason.split(":")[0]);
    expect(renamed).toEqual([
      "the model `Array` is exported as `ArrayModel`",
      "the model `class` is exported as `ClassModel`",
      "the model `Date` is exported as `DateModel`",
      "the model `default` is exported as `DefaultModel`",
      "the model `Object` is exported as `ObjectModel`",
      "the model `Promise` is exported as `PromiseModel`",
      "the model `Record` is exported as `RecordModel`",
    ]);
  });
});

test("line terminators cannot end the banner's comment", async () => {
  const { lineCommentText } = await import("../../src/emit/escape.js");
  expect(lineCommentText("a\u2028b\nc\rd\u2029e")).toBe("a\\u2028b\\nc\\rd\\u2029e");
});

test("terminal escape sequences in doc text reach no generated file raw, and the JSDoc reads back exactly", async () => {
  const { jsDocText, lineCommentText } = await import("../../src/emit/escape.js");
  const evil = "Title\u001b]0;pwned\u0007 and \u001b[2J cleared, \u009b too; a real \\x1b stays text";
  const result = await generateDocs([
    {
      path: "models/evil.md",
      text: md(
        "# Evil",
        "",
        evil,
        "",
        "## Fields",
        "",
        "| Field | Type | Required | Description |",
        "| --- | --- | --- | --- |",
        `| \`a\` | *string* | :heavy_check_mark: | ${evil} |`,
      ),
    },
  ]);
  expect(result.messages.map(String)).toEqual([]);
  expect(result.files.length).toBeGreaterThan(0);
  for (const file of result.files)
    expect(file.content, file.path).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  expect(unescapeJsDoc(jsDocText(evil))).toBe(evil);
  expect(lineCommentText("a\u001bb")).toBe("a\\x1bb");
});

const fields = (...rows: string[]) => md("# Thing", "", ...HEADER, ...rows);
const ok = "| `a` | *string* | :heavy_check_mark: | A | |";

const malformed: Array<[name: string, { docs: Array<{ path: string; text: string }>; want: string }]> = [
  [
    "missing column",
    {
      docs: [{ path: "t.md", text: md("# T", "## Fields", "| Field | Type |", "| --- | --- |", "| `a` | *string* |") }],
      want: "t.md:3:1: error the Fields table has no Required column",
    },
  ],
  [
    "extra cells in a row",
    {
      docs: [{ path: "t.md", text: fields("| `a` | *string* | :heavy_check_mark: | A | x | surplus |") }],
      want: "t.md:7:1: error this row has 6 cells where the header has 5; remove the extra cells",
    },
  ],
  [
    "too few cells in a row",
    {
      docs: [{ path: "t.md", text: fields("| `a` | *string* |") }],
      want: "t.md:7:1: error this row has 2 cells where the header has 5; add the missing cells",
    },
  ],
  [
    "Fields without a table",
    {
      docs: [{ path: "t.md", text: md("# T", "## Fields", "", "None.") }],
      want: "t.md:2:1: error the Fields section has no table",
    },
  ],
  [
    "duplicate field names",
    {
      docs: [{ path: "t.md", text: fields(ok, ok) }],
      want: "t.md:8:3: error the field `a` is listed twice (first on line 7)",
    },
  ],
  [
    "two docs with one model name in one folder",
    {
      docs: [
        { path: "m/a.md", text: fields(ok) },
        { path: "m/b.md", text: fields(ok) },
      ],
      want: "m/b.md:1:1: error the model `Thing` is also defined by m/a.md in the same folder",
    },
  ],
  [
    "an unknown type expression",
    {
      docs: [{ path: "t.md", text: fields("| `a` | *string* *number* | :heavy_check_mark: | A | |") }],
      want: 't.md:7:19: error cannot read the type of `a`: unexpected "number" after the type',
    },
  ],
  [
    "unclosed emphasis",
    {
      docs: [{ path: "t.md", text: fields("| `a` | *string | :heavy_check_mark: | A | |") }],
      want: 't.md:7:9: error cannot read the type of `a`: unclosed emphasis "*"',
    },
  ],
  [
    "an .md and an .mdx doc of one name",
    {
      docs: [
        { path: "models/order.md", text: md("# Order", "", ...HEADER, ok) },
        { path: "models/order.mdx", text: md("---", 'title: "OrderItem"', "---", "", ...HEADER, ok) },
      ],
      want: "models/order.mdx:2:8: error the doc models/order.mdx cannot be generated: its module models/order.ts is also the module of models/order.md",
    },
  ],
  [
    "a doc over the size limit",
    {
      docs: [{ path: "big.md", text: fields(ok) + "x".repeat(10 * 1024 * 1024) }],
      want: "big.md:1:1: error the doc is 10 MB, over the 2 MB a model doc may have",
    },
  ],
  [
    "a doc path leaving the input folder",
    {
      docs: [{ path: "../escape.md", text: fields(ok) }],
      want: "../escape.md:1:1: error the doc path must be relative",
    },
  ],
  [
    "an absolute doc path",
    {
      docs: [{ path: "/etc/passwd.md", text: fields(ok) }],
      want: "/etc/passwd.md:1:1: error the doc path must be relative",
    },
  ],
  [
    "a doc over mdmodel's own index.ts",
    {
      docs: [{ path: "index.md", text: fields(ok) }],
      want: "index.md:1:1: error the doc index.md cannot be generated: its module would be index.ts, over the index.ts mdmodel writes there; rename the doc",
    },
  ],
  [
    "a doc over the runtime, in another case",
    {
      docs: [{ path: "Runtime.md", text: fields(ok) }],
      want: "Runtime.md:1:1: error the doc Runtime.md cannot be generated: its module would be Runtime.ts, over the runtime.ts mdmodel writes there",
    },
  ],
  [
    "two docs whose modules differ only in letter case",
    {
      docs: [
        { path: "models/Order.md", text: md("# Order", "", ...HEADER, ok) },
        { path: "models/order.md", text: md("# OrderItem", "", ...HEADER, ok) },
      ],
      want: "models/order.md:1:1: error the doc models/order.md cannot be generated: its module models/order.ts differs from models/Order.ts (of models/Order.md) only in letter case",
    },
  ],
  [
    "a doc path an import cannot hold",
    {
      docs: [{ path: "models/a#b.md", text: fields(ok) }],
      want: 'models/a#b.md:1:1: error the doc models/a#b.md cannot be generated: its path has "#"',
    },
  ],
  [
    "a doc path with NUL",
    { docs: [{ path: "a\0b.md", text: fields(ok) }], want: "a\\0b.md:1:1: error the doc path must be relative" },
  ],
  [
    "a doc path with a line break",
    {
      docs: [{ path: "a\u2028b\nexport const pwned = 1;.md", text: fields(ok) }],
      want: "a\u2028b\nexport const pwned = 1;.md:1:1: error the doc path must be relative",
    },
  ],
];

describe("malformed docs: a message with file:line:column, and nothing to write", () => {
  test.each(malformed)("%s", async (_, { docs, want }) => {
    const result = await generateDocs(docs);
    const lines = result.messages.map(formatMessage);
    expect(
      lines.some((line) => line.startsWith(want)),
      `${lines.join("\n")}\n  does not start with\n${want}`,
    ).toBe(true);
    expect(result.files).toEqual([]);
  });
});

describe("links to docs the tree does not have", () => {
  test("a warning with its place and a did-you-mean; the field is `unknown` and the other docs are written", async () => {
    const result = await generateDocs([
      {
        path: "models/order.md",
        text: fields(
          "| `a` | [components.Adress](./adress.md) | :heavy_check_mark: | A | |",
          "| `b` | *string* | :heavy_check_mark: | B | |",
        ),
      },
      { path: "models/address.md", text: md("# Address", "", ...HEADER, ok) },
    ]);
    expect(result.messages.map(formatMessage)).toEqual([
      "models/order.md:7:3: warning the link to `components.Adress` (./adress.md) does not lead to a model doc, so it is typed `unknown`; did you mean `Address`? [broken-link]",
    ]);
    const order = result.files.find((file) => file.path === "models/order.ts")!.content;
    expect(order).toMatch(/ a: unknown;/);
    expect(order).toMatch(/ b: string;/);
    expect(result.files.some((file) => file.path === "models/address.ts")).toBe(true);
  });

  test("a link to a doc that fails to read is reported at the doc's own error; the linking doc gets only a note naming it", async () => {
    const result = await generateDocs([
      {
        path: "models/order.md",
        text: fields("| `block` | [components.SoftBlock](./softblock.md) | :heavy_check_mark: | A | |"),
      },
      { path: "models/softblock.md", text: md("# SoftBlock", "", ...HEADER, "| `a` | *string* |") },
    ]);
    expect(result.messages.map(formatMessage)).toEqual([
      "models/order.md:7:3: info the link to `components.SoftBlock` leads to models/softblock.md, which has errors (reported there) [broken-link]",
      "models/softblock.md:7:1: error this row has 2 cells where the header has 5; add the missing cells (an empty cell is `|  |`) [malformed-table]",
    ]);
    expect(result.files).toEqual([]);
  });

  test("a PHP inline union whose page is missing keeps the members it can type; `array` is a type, not a model", async () => {
    const php = (cell: string) =>
      md(
        "# Thing",
        "",
        ...HEADER,
        `| \`a\` | ${cell} | :heavy_minus_sign: | A | |`,
        "| `b` | array<string, *mixed*> | :heavy_check_mark: | B | |",
      );
    const result = await generateDocs([
      {
        path: "Models/Operations/Thing.md",
        text: php("[string\\|array\\|null](../../Models/Operations/QueryParamOrganizationId.md)"),
      },
    ]);
    expect(
      result.messages.filter((message) => message.fatal !== undefined && message.fatal !== null).map(formatMessage),
    ).toEqual([]);
    expect(result.files.find((file) => file.path === "Models/Operations/Thing.ts")!.content).toMatch(
      / a\?: string \| unknown\[\] \| null;/,
    );
  });
});

describe("odd but valid docs", () => {
  test("CRLF line endings, a BOM and tabs read like the plain doc", async () => {
    const plain = fields(ok, "| `b` | *number*[] | :heavy_minus_sign: | B | [1] |");
    const odd = "\uFEFF" + plain.replace(/\n/g, "\r\n").replace("| `b` |", "|\t`b`\t|");
    const [a, b] = await Promise.all([
      generateDocs([{ path: "t.md", text: plain }]),
      generateDocs([{ path: "t.md", text: odd }]),
    ]);
    expect(b.messages.map(formatMessage)).toEqual([]);
    // The manifest records each doc's hash, which differs; every generated file is the same.
    const code = (files: typeof a.files) => files.filter((file) => file.path !== ".mdmodel-manifest.json");
    expect(code(b.files)).toEqual(code(a.files));
    expect(code(a.files).length).toBeGreaterThan(2);
  });

  test("types nested 50 deep generate code that type-checks", async () => {
    const deep = "Record<string, ".repeat(25) + "*number*[]" + ">".repeat(25);
    const arrays = "*string*" + "[]".repeat(25);
    const result = await generateDocs([
      {
        path: "deep.md",
        text: fields(
          `| \`r\` | ${deep} | :heavy_check_mark: | R | |`,
          `| \`s\` | ${arrays} | :heavy_minus_sign: | S | |`,
        ),
      },
    ]);
    const out = await emitAndCheck("deep", result);
    const module = (await import(join(out, "deep.ts"))) as { isThing(v: unknown): boolean };
    let value: unknown = [1];
    for (let i = 0; i < 25; i++) value = { k: value };
    expect(module.isThing({ r: value })).toBe(true);
  });
});

describe("depth: past a limit, a message, never a stack overflow", () => {
  test("an Example Usage nested 1,000 deep, a Type cell 400 deep and a JSON example 400 deep", async () => {
    const tree = `{ name: "a", children: [`.repeat(1000) + `{ name: "b" }` + "] }".repeat(1000);
    const usage = md(
      "# Tree",
      "",
      "A tree.",
      "",
      "## Example Usage",
      "",
      "```typescript",
      `let value: Tree = ${tree};`,
      "```",
      "",
      ...HEADER,
      "| `name` | *string* | :heavy_check_mark: | N | |",
      "| `children` | [Tree](tree.md)[] | :heavy_minus_sign: | C | |",
    );
    // Deeper would pass the markdown budget (1,000 marks a row), which refuses the doc before these limits are reached.
    const json = md(
      "# Json",
      "",
      ...HEADER,
      `| \`json\` | *any* | :heavy_check_mark: | J | ${"[".repeat(400)}1${"]".repeat(400)} |`,
    );
    const types = md(
      "# Deep",
      "",
      ...HEADER,
      `| \`record\` | ${"Record<string, ".repeat(400)}*string*${">".repeat(400)} | :heavy_check_mark: | R | |`,
      `| \`array\` | *string*${"[]".repeat(400)} | :heavy_check_mark: | A | |`,
    );
    const docs = [
      { path: "deep.md", text: types },
      { path: "json.md", text: json },
      { path: "tree.md", text: usage },
    ];
    const result = await generateDocs(docs);
    expect(
      result.messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.fatal ? "error" : "warning"} ${m.reason}`),
    ).toEqual([
      expect.stringMatching(
        /^deep.md:7:\d+ error cannot read the type of `record`: this type nests deeper than 64 levels, more than mdmodel reads/,
      ),
      expect.stringMatching(
        /^deep.md:8:\d+ error cannot read the type of `array`: this type nests deeper than 64 levels, more than mdmodel reads/,
      ),
      "json.md:7:45 warning the example of `json` does not fit its type: this example nests deeper than 100 levels, more than mdmodel reads",
      expect.stringMatching(
        /^tree.md:8:\d+ warning the example is left out: this example nests deeper than 100 levels, more than mdmodel reads$/,
      ),
    ]);
    expect(result.files).toEqual([]);
  });
});

describe("very large models", () => {
  test("a model with 4,000 fields has walks tsc can analyse, and they check every field", async () => {
    const rows = Array.from(
      { length: 4000 },
      (_, i) =>
        `| \`f${i}\` | *${i % 3 === 0 ? "number" : "string"}* | ${i % 2 === 1 ? ":heavy_check_mark:" : ":heavy_minus_sign:"} | F${i} | |`,
    );
    const result = await generateDocs([{ path: "wide.md", text: md("# Wide", "", ...HEADER, ...rows) }]);
    // One function of 4,000 checks is "too large for control flow analysis" (TS2563).
    const out = await emitAndCheck("wide", result);
    const module = (await import(join(out, "wide.ts"))) as Record<string, (value: unknown) => any>;
    const valid = Object.fromEntries(Array.from({ length: 4000 }, (_, i) => [`f${i}`, i % 3 === 0 ? i : `v${i}`]));
    expect(module.isWide!(valid)).toBe(true);
    for (const broken of [1, 2000, 3999]) {
      const value = { ...valid, [`f${broken}`]: true };
      expect(module.isWide!(value)).toBe(false);
      expect(module.validateWide!(value).issues.map((issue: { pathText: string }) => issue.pathText)).toEqual([
        `f${broken}`,
      ]);
    }
    const { f3999: _, ...missing } = valid;
    expect(module.validateWide!(missing).issues.map((issue: { message: string }) => issue.message)).toEqual([
      "f3999: required number is missing",
    ]);
  }, 60_000);
});

describe("the writer", () => {
  test("does not follow a symlink out of the output folder, and writes nothing then", async () => {
    const outside = join(work, "outside");
    const out = join(work, "linked-out");
    await mkdir(outside, { recursive: true });
    await mkdir(out, { recursive: true });
    await symlink(outside, join(out, "models"));
    const files = [
      { path: "a.ts", content: "export {};\n" },
      { path: "models/b.ts", content: "export {};\n" },
    ];
    await expect(writeOutput(out, files)).rejects.toThrow(OutputConflictError);
    await expect(writeOutput(out, files)).rejects.toMatchObject({
      kind: "link",
      path: "models",
      generated: "models/b.ts",
    });
    await expect(readFile(join(outside, "b.ts"))).rejects.toThrow();
    await expect(readFile(join(out, "a.ts"))).rejects.toThrow();
  });

  test("never deletes a file it did not write, even when the manifest says so", async () => {
    const out = join(work, "manifest-out");
    const victim = join(work, "victim.txt");
    await writeFile(victim, "keep me\n");
    await mkdir(out, { recursive: true });
    await writeFile(join(out, "mine.txt"), "keep me too\n");
    const forged = {
      generator: "mdmodel",
      files: { "../victim.txt": "x", "/etc/hostname": "x", "mine.txt/../../victim.txt": "x" },
    };
    await writeFile(join(out, MANIFEST_PATH), JSON.stringify(forged));
    const summary = await writeOutput(out, [{ path: "a.ts", content: "export {};\n" }]);
    expect(summary.removed).toEqual([]);
    expect(await readFile(victim, "utf8")).toBe("keep me\n");
    expect(await readFile(join(out, "mine.txt"), "utf8")).toBe("keep me too\n");
  });
});

describe("names that are JavaScript's own", () => {
  // Each is a model, an enum and an enum member; the barrel must load and every function work.
  const globals = [
    "JSON",
    "Object",
    "Array",
    "Promise",
    "Symbol",
    "Error",
    "Function",
    "Math",
    "NaN",
    "Infinity",
    "undefined",
    "globalThis",
    "eval",
    "arguments",
    "Number",
    "String",
    "Map",
    "Set",
    "Reflect",
  ];

  test("as model and enum names they compile, the barrel loads, and toJSON, validate and parse work", async () => {
    const docs = globals.flatMap((name) => [
      {
        path: `objects/${name.toLowerCase()}.md`,
        text: md(`# ${name}`, "", ...HEADER, "| `id` | *string* | :heavy_check_mark: | I | a |"),
      },
      {
        path: `enums/${name.toLowerCase()}.md`,
        text: md(`# ${name}`, "", "## Values", "", "| Name | Value |", "| --- | --- |", "| `A` | a |", "| `B` | b |"),
      },
    ]);
    const result = await generateDocs(docs);
    const out = await emitAndCheck("globals", result);
    const api = (await import(join(out, "index.ts"))) as Record<string, (value: unknown) => unknown>;
    const exported = Object.keys(api);
    for (const folder of ["objects", "enums"]) {
      for (const name of globals) {
        const module = (await import(join(out, folder, `${name.toLowerCase()}.ts`))) as Record<
          string,
          (value: unknown) => unknown
        >;
        const toJSON = Object.keys(module).find((key) => key.endsWith("ToJSON"))!;
        const validate = Object.keys(module).find((key) => key.startsWith("validate"))!;
        const value = folder === "objects" ? { id: "x" } : "a";
        expect(module[toJSON]!(value), `${folder}/${name}`).toBe(JSON.stringify(value));
        expect(module[validate]!(value), `${folder}/${name}`).toEqual({ ok: true, value });
      }
    }
    expect(exported.length).toBeGreaterThan(globals.length * 2 * 8);
  });

  test("an enum member named __proto__ is an own key of the const, and the const keeps Object.prototype", async () => {
    const result = await generateDocs([
      {
        path: "proto.md",
        text: md(
          "# Proto",
          "",
          "## Values",
          "",
          "| Name | Value |",
          "| --- | --- |",
          "| `__proto__` | proto |",
          "| `constructor` | ctor |",
        ),
      },
    ]);
    const out = await emitAndCheck("proto-member", result);
    const { Proto } = (await import(join(out, "proto.ts"))) as { Proto: Record<string, string> };
    expect(Object.hasOwn(Proto, "__proto__")).toBe(true);
    expect(Proto["__proto__"]).toBe("proto");
    expect(Object.getPrototypeOf(Proto)).toBe(Object.prototype);
    expect(Proto["constructor"]).toBe("ctor");
  });

  test("externalTypes keys __proto__ and hasOwnProperty are mapped as written", async () => {
    const text = md(
      "# Ext",
      "",
      ...HEADER,
      "| `a` | [\\_\\_proto\\_\\_](https://example.com/a) | :heavy_check_mark: | A | |",
      "| `b` | [hasOwnProperty](https://example.com/b) | :heavy_check_mark: | B | |",
    );
    const externalTypes = JSON.parse('{ "__proto__": "string", "hasOwnProperty": "number" }') as Record<string, string>;
    const result = await generate({
      docs: [{ path: "ext.md", text }],
      runtimeTemplate: await loadRuntimeTemplate(),
      config: { externalTypes },
    });
    expect(result.messages.map(formatMessage)).toEqual([]);
    const module = result.files.find((file) => file.path === "ext.ts")!.content;
    expect(module).toMatch(/\ba: string;/);
    expect(module).toMatch(/\bb: number;/);
  });

  test("two docs whose paths are one in NFC and NFD are a clash, as letter case is", async () => {
    const doc = (name: string) => md(`# ${name}`, "", ...HEADER, "| `a` | *string* | :heavy_check_mark: | A | |");
    const result = await generateDocs([
      { path: "caf\u00e9.md", text: doc("Cafe") },
      { path: "cafe\u0301.md", text: doc("Coffee") },
    ]);
    expect(result.messages.map(formatMessage)).toEqual([
      expect.stringMatching(
        /differs from caf.+\.ts \(of caf.+\.md\) only in Unicode normalization \(NFC and NFD\), so on macOS one would overwrite the other/,
      ),
    ]);
    expect(result.files).toEqual([]);
  });
});

describe("invisible characters", () => {
  test("bidi controls and zero-width characters in enum values, descriptions and examples are escapes in the code, and the values are exact", async () => {
    const bidi = "\u202Eevil\u2066x\u2069\u200B";
    const docs = [
      {
        path: "e.md",
        text: md(
          "# E",
          "",
          `An enum ${bidi}.`,
          "",
          "## Values",
          "",
          "| Name | Value |",
          "| --- | --- |",
          `| \`A\` | a${bidi} |`,
        ),
      },
      {
        path: "o.md",
        text: md(
          "# O",
          "",
          `An object ${bidi}.`,
          "",
          ...HEADER,
          `| \`s\` | *string* | :heavy_check_mark: | S ${bidi} | x${bidi} |`,
        ),
      },
    ];
    const result = await generateDocs(docs);
    const out = await emitAndCheck("bidi", result);
    for (const file of result.files) expect(file.content, file.path).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/);
    const { E } = (await import(join(out, "e.ts"))) as { E: Record<string, string> };
    expect(E["A"]).toBe(`a${bidi}`);
    const { oExample } = (await import(join(out, "o.ts"))) as { oExample: { s: string } };
    expect(oExample.s).toBe(`x${bidi}`);
    const project = new Project({ useInMemoryFileSystem: true });
    const source = project.createSourceFile("o.ts", await readFile(join(out, "o.ts"), "utf8"));
    const docText = unescapeJsDoc(
      ts.displayPartsToString(
        source
          .getInterfaceOrThrow("O")
          .getSymbolOrThrow()
          .compilerSymbol.getDocumentationComment(project.getTypeChecker().compilerObject),
      ),
    );
    expect(docText).toBe(`An object ${bidi}.`);
  });
});

describe("values a caller or an attacker shapes", () => {
  const account = md(
    "# Account",
    "",
    ...HEADER,
    "| `id` | *string* | :heavy_check_mark: | I | |",
    "| `role` | *string* | :heavy_minus_sign: | R | |",
    "| `isAdmin` | *boolean* | :heavy_minus_sign: | A | |",
  );
  const span = md(
    "# Span",
    "",
    ...HEADER,
    "| `name` | *string* | :heavy_check_mark: | N | |",
    "| `children` | [Span](span.md)[] | :heavy_minus_sign: | C | |",
    "| `parent` | [Span](span.md) | :heavy_minus_sign: | P | |",
  );
  const bag = md(
    "# Bag",
    "",
    ...HEADER,
    "| `items` | *any*[] | :heavy_check_mark: | I | |",
    "| `names` | *string*[] | :heavy_minus_sign: | N | |",
    "| `big` | *bigint* | :heavy_minus_sign: | B | |",
  );
  let api: Record<string, (value: unknown) => any>;
  beforeAll(async () => {
    const out = await emitAndCheck(
      "shaped",
      await generateDocs([
        { path: "account.md", text: account },
        { path: "span.md", text: span },
        { path: "bag.md", text: bag },
      ]),
    );
    api = (await import(join(out, "index.ts"))) as typeof api;
  }, 60_000);

  test("fields are read only as own properties: a polluted Object.prototype adds nothing, an inherited field is no field", () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype["isAdmin"] = true;
    prototype["role"] = "admin";
    try {
      const parsed = api["parseAccount"]!({ id: "bob" });
      expect(parsed).toEqual({ ok: true, value: { id: "bob" } });
      expect(Object.keys(parsed.value)).toEqual(["id"]);
      expect(api["isAccount"]!({ id: "bob" })).toBe(true);
      prototype["role"] = 5; // a wrong type on the prototype must not fail a value that has no role of its own
      expect(api["isAccount"]!({ id: "bob" })).toBe(true);
      expect(api["validateAccount"]!({ id: "bob" }).ok).toBe(true);
    } finally {
      delete prototype["isAdmin"];
      delete prototype["role"];
    }
    expect(api["isAccount"]!(Object.create({ id: "x" }))).toBe(false);
    expect(api["validateAccount"]!(Object.create({ id: "x" })).ok).toBe(false);
    expect(api["parseAccount"]!(Object.create({ id: "x" })).ok).toBe(false);
    class Person {
      id = "p";
    }
    expect(api["isAccount"]!(new Person())).toBe(true);
  });

  test("a value whose cycles branch, and a value shared under 2^40 paths, are answered in the time their own objects cost", () => {
    const cyclic: Record<string, unknown> = { name: "s" };
    cyclic["children"] = [cyclic, cyclic];
    cyclic["parent"] = cyclic;
    expect(api["isSpan"]!(cyclic)).toBe(false);
    const validated = api["validateSpan"]!(cyclic);
    expect(validated.ok).toBe(false);
    expect(validated.issues.some((issue: { message: string }) => /a cycle/.test(issue.message))).toBe(true);
    expect(api["parseSpan"]!(cyclic).ok).toBe(false);
    expect(() => api["spanToWire"]!(cyclic)).toThrow(/Span has a cycle/);
    let shared: Record<string, unknown> = { name: "leaf" };
    for (let i = 0; i < 40; i++) shared = { name: `n${i}`, children: [shared, shared], parent: shared };
    expect(api["isSpan"]!(shared)).toBe(true);
    expect(api["parseSpan"]!(shared).ok).toBe(true);
    (shared["children"] as Array<Record<string, unknown>>)[0]!["name"] = 5;
    expect(api["validateSpan"]!(shared).ok).toBe(false);
  });

  test("a sparse array of length 1e8 is one issue, not 1e8 reads; a 10 MB digit string is refused unread; issues stop at MAX_ISSUES", () => {
    const holes: unknown[] = [];
    holes.length = 1e8;
    const parsed = api["parseBag"]!({ items: holes });
    expect(parsed.ok).toBe(false);
    expect(parsed.issues).toHaveLength(1);
    expect(parsed.issues[0].message).toMatch(/a hole in the array/);
    const huge = api["parseBag"]!({ items: [], big: "9".repeat(10 * 1024 * 1024) });
    expect(huge.ok).toBe(false);
    expect(huge.issues[0].message).toMatch(/more than 10000 digits/);
    expect(api["parseBag"]!({ items: [], big: "9".repeat(10_000) }).ok).toBe(true);
    const wrong = api["validateBag"]!({ items: [], names: Array.from({ length: 5000 }, () => 1) });
    expect(wrong.issues).toHaveLength(1001);
    expect(wrong.issues[1000].message).toMatch(/past 1000 issues, the rest are not listed/);
  });
});
