/**
 * The Example Usage reader (`src/parse/example-literal.ts`): table-driven cases, and a
 * differential test against the TypeScript parser's reading of the same blocks (the reader
 * mdmodel had before, kept in test/oracle/) on every block of the seeds and fixtures, on
 * generated blocks, and with MDMODEL_CORPUS on every block of a real SDK's docs.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { readExampleCode } from "../../src/parse/example-literal.js";
import { readExampleCode as readWithOracle } from "../oracle/example-code-ts.js";

/**
 * The TypeScript parser's answer, in the reader's terms: where it finds no value but the
 * block ends in a stand-in comment (`= /* values here *\/`), the reader calls that a placeholder.
 */
function readWithTypeScript(code: string, start: typeof START): ReturnType<typeof readExampleCode> {
  const answer = readWithOracle(code, start);
  const stand = /\/\*[\s\S]*?\*\/\s*;?\s*$/.exec(code);
  if (answer.ok === false && answer.reason === "an example can hold only literals, not ``" && stand)
    return { ok: "placeholder", text: stand[0].replace(/;?\s*$/, "").trim() };
  return answer;
}

const START = { line: 10, column: 1 };

describe("readExampleCode", () => {
  test.each([
    [
      "an object",
      'let value: Foo = { id: "a", n: 1, ok: true, none: null };',
      {
        ok: true,
        value: {
          kind: "object",
          entries: [
            ["id", { kind: "string", value: "a" }],
            ["n", { kind: "number", value: 1 }],
            ["ok", { kind: "boolean", value: true }],
            ["none", { kind: "null" }],
          ],
        },
      },
    ],
    [
      "imports and types before it",
      'import { Foo } from "sdk";\ntype X = { a: string };\n\nconst value: Foo = [1, -2.5, +3];',
      {
        ok: true,
        value: {
          kind: "array",
          items: [
            { kind: "number", value: 1 },
            { kind: "number", value: -2.5 },
            { kind: "number", value: 3 },
          ],
        },
      },
    ],
    [
      "dates, casts and parentheses",
      'let value: Foo = ({ at: new Date("2024-01-01T00:00:00Z") } as Foo) satisfies Foo;',
      { ok: true, value: { kind: "object", entries: [["at", { kind: "date", iso: "2024-01-01T00:00:00Z" }]] } },
    ],
    [
      "escapes and templates",
      "let value = ['a\\'b\\n\\u0041\\x42\\u{1F600}', `line\nbreak`];",
      {
        ok: true,
        value: {
          kind: "array",
          items: [
            { kind: "string", value: "a'b\nAB\u{1F600}" },
            { kind: "string", value: "line\nbreak" },
          ],
        },
      },
    ],
    [
      "keys of every kind, and undefined as absent",
      'let value = { "quoted": 1, 2: "two", ["computed"]: 3, skipped: undefined, };',
      {
        ok: true,
        value: {
          kind: "object",
          entries: [
            ["quoted", { kind: "number", value: 1 }],
            ["2", { kind: "string", value: "two" }],
            ["computed", { kind: "number", value: 3 }],
          ],
        },
      },
    ],
    [
      "numbers in every notation",
      "let value = [0x1F, 0b101, 0o17, 1_000, .5, 5., 1e3, 010];",
      {
        ok: true,
        value: { kind: "array", items: [31, 5, 15, 1000, 0.5, 5, 1000, 8].map((value) => ({ kind: "number", value })) },
      },
    ],
    [
      "the first declaration with a value",
      "let a;\nlet b = 2, c = 3;",
      { ok: true, value: { kind: "number", value: 2 } },
    ],
    ["no declaration", "// No examples available for this model", { ok: "empty" }],
    [
      "a call",
      "let value = {\n  a: foo(1, 2),\n};",
      { ok: false, reason: "an example can hold only literals, not `foo(1, 2)`", at: { line: 11, column: 6 } },
    ],
    [
      "a template with a substitution",
      "let value = `a${b}c`;",
      {
        ok: false,
        reason: "an example can hold only literals, not `` `a${b}c` ``".replace("`` `a${b}c` ``", "``a${b}c``"),
        at: { line: 10, column: 13 },
      },
    ],
    [
      "a spread",
      "let value = { ...other };",
      {
        ok: false,
        reason: "an example object can hold only `key: value` pairs, not `...other`",
        at: { line: 10, column: 15 },
      },
    ],
    [
      "a computed key that is no string",
      "let value = { [k]: 1 };",
      { ok: false, reason: "cannot read the key `[k]`", at: { line: 10, column: 15 } },
    ],
    [
      "Speakeasy's placeholder",
      "const value: Pet = /* values here */",
      { ok: "placeholder", text: "/* values here */" },
    ],
    [
      "no value at all",
      "const value: Pet = ;",
      { ok: false, reason: "an example can hold only literals, not ``", at: { line: 10, column: 20 } },
    ],
  ])("%s", (_name, code, want) => {
    expect(readExampleCode(code, START)).toEqual(want);
  });
});

/** Every fenced code block of the markdown files under `folder`. */
function codeBlocks(folder: string): Array<[string, string]> {
  const blocks: Array<[string, string]> = [];
  for (const path of readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .sort()) {
    const text = readFileSync(join(folder, path), "utf8");
    for (const match of text.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm))
      blocks.push([path, match[1]!.replace(/\n$/, "")]);
  }
  return blocks;
}

describe("the same answers as the TypeScript parser", () => {
  test("on every code block of the seeds and the fixtures", () => {
    const blocks = [...codeBlocks("seeds"), ...codeBlocks("test/fixtures")];
    expect(blocks.length).toBeGreaterThan(20);
    for (const [path, code] of blocks)
      expect(readExampleCode(code, START), path).toEqual(readWithTypeScript(code, START));
  });

  const corpus = process.env["MDMODEL_CORPUS"];
  test.runIf(corpus !== undefined)("on every code block of MDMODEL_CORPUS", () => {
    const blocks = codeBlocks(corpus!);
    for (const [path, code] of blocks)
      expect(readExampleCode(code, START), `${path}:\n${code}`).toEqual(readWithTypeScript(code, START));
  });

  const space = fc.constantFrom("", " ", "\n", "  ", " /* c */ ", " // c\n", "\n\n  ");
  const stringText = fc.string({
    unit: fc.constantFrom(
      "a",
      " ",
      "é",
      "😀",
      "\\n",
      "\\t",
      "\\u0041",
      "\\x41",
      "\\'",
      '\\"',
      "\\\\",
      "\\u{1F600}",
      "*/",
      "${",
      "`",
      "\u2028",
    ),
  });
  const scalar = fc.oneof(
    // The units hold no bare quote, so each makes a well-formed string in every quote style.
    stringText.map((text) => `"${text}"`),
    stringText.map((text) => `'${text}'`),
    stringText.map((text) => `\`${text.replace(/`/g, "\\`").replace(/\$\{/g, "\\${")}\``),
    fc.constantFrom(
      "0",
      "1",
      "-1",
      "+2",
      "1.5",
      "-0",
      ".5",
      "1e3",
      "1E-3",
      "0x1F",
      "0b11",
      "0o7",
      "12345678901234567890",
      "1e400",
      "true",
      "false",
      "null",
      "undefined",
    ),
    fc.constantFrom(
      'new Date("2024-01-01T00:00:00Z")',
      "new Date(`2024-01-01`)",
      "new Date()",
      "foo",
      "foo(1)",
      "a.b",
      "1 + 2",
      "() => 1",
      "`a${b}`",
      "-(1)",
      "!true",
      "void 0",
      "[...x]",
    ),
  );
  const key = fc.oneof(
    fc.constantFrom(
      "a",
      "id",
      "type",
      "constructor",
      "__proto__",
      '"quoted key"',
      "'single'",
      "1",
      '["computed"]',
      "[k]",
      '"x-y"',
    ),
    fc.stringMatching(/^[a-z][a-zA-Z0-9_$]{0,6}$/),
  );
  const value: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      scalar,
      fc
        .array(tie("value"), { maxLength: 4 })
        .chain((items) =>
          fc
            .tuple(space, fc.boolean())
            .map(([s, trailing]) => `[${s}${items.join(`,${s}`)}${trailing && items.length > 0 ? "," : ""}${s}]`),
        ),
      fc
        .array(fc.tuple(key, tie("value")), { maxLength: 4 })
        .chain((entries) =>
          fc
            .tuple(space, fc.boolean())
            .map(
              ([s, trailing]) =>
                `{${s}${entries.map(([k, v]) => `${k}:${s}${v}`).join(`,${s}`)}${trailing && entries.length > 0 ? "," : ""}${s}}`,
            ),
        ),
      tie("value").map((inner) => `(${inner})`),
      tie("value").map((inner) => `${inner} as Foo`),
      tie("value").map((inner) => `${inner} satisfies Foo`),
    ),
  })).value;
  const block = fc
    .tuple(
      fc.constantFrom("", 'import { Foo } from "sdk";\n\n', "// example\n", "type X = string;\n"),
      fc.constantFrom("let", "const", "var", "export const"),
      fc.constantFrom("value", "example"),
      fc.constantFrom("", ": Foo", ": components.Foo", ": Record<string, Foo>", ": Array<Foo | null>"),
      space,
      value,
      fc.constantFrom("", ";", ";\n", "\nconsole.log(value);"),
    )
    .map(
      ([prefix, keyword, name, annotation, s, initializer, suffix]) =>
        `${prefix}${keyword} ${name}${annotation} =${s}${initializer}${suffix}`,
    );

  test("on generated blocks of literals, casts, comments and things that are no literal", () => {
    fc.assert(
      fc.property(block, (code) => {
        expect(readExampleCode(code, START)).toEqual(readWithTypeScript(code, START));
      }),
      { numRuns: 3000 },
    );
  });
});
