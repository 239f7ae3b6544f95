/**
 * The markdown budget: docs built to make the parser slow are refused before it runs, at the
 * line that passes a limit; docs of real shape, however large, are not.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { markdownBudget, MARKDOWN_LIMITS } from "../../src/parse/markdown-budget.js";
import { readDoc } from "../../src/parse/read-doc.js";
import { formatMessage } from "../../src/shared/diagnostics.js";

const TABLE = "# T\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";
const KB200 = 200 * 1024;
const repeat = (unit: string, bytes = KB200) => unit.repeat(Math.ceil(bytes / unit.length));

describe("bombs are refused at their line", () => {
  test.each([
    ["a description of *a*a*a… (200 KB)", `# T\n\nIntro.\n\n${repeat("*a")}\n`, 5, "paragraph has more than 1000"],
    ["[a]( repeated (200 KB)", `# T\n\n${repeat("[a](")}\n`, 3, "paragraph has more than 1000"],
    [
      "a Type cell *string*string… (200 KB)",
      `${TABLE}| \`a\` | ${repeat("*string*")} | :heavy_check_mark: | A |\n`,
      7,
      "table row has more than 1000",
    ],
    ["~a~a… strikethrough", `# T\n\n${repeat("~a")}\n`, 3, "paragraph has more than 1000"],
    ["a heading of emphasis", `# ${repeat("*a", 10_000)}\n`, 1, "heading has more than 1000"],
    [
      "marks spread over the lines of one paragraph",
      `# T\n\n${repeat("*a*a*a\n", 10_000)}`,
      3,
      "paragraph has more than 1000",
    ],
    [
      "a block quote's lines are one paragraph",
      `# T\n\n${repeat("> *a*a*a\n", 10_000)}`,
      3,
      "paragraph has more than 1000",
    ],
    ["quotes nested 100 deep", `# T\n\n${"> ".repeat(100)}a\n`, 3, "opens more than 32 block quotes"],
    ["lists nested on one line", `# T\n\n${"- ".repeat(100)}a\n`, 3, "opens more than 32 block quotes"],
    ["a row of 50,000 cells", `${TABLE}|${repeat(" a |")}\n`, 7, "cell separators"],
    // The header and delimiter rows (lines 5 and 6) count as rows.
    [
      "many small rows",
      `${TABLE}${"| `a` | b | c | d |\n".repeat(9000)}`,
      5 + MARKDOWN_LIMITS.tableRows,
      "more than 8000 table rows",
    ],
    ["many small paragraphs", `# T\n\n${"*a* *b* *c*\n\n".repeat(5000)}`, 2 * 4001 + 1, "the doc has more than 24000"],
    // A header row and a delimiter row with other cell counts are no table: the lines after them are one paragraph.
    [
      "a table that is not one",
      `# T\n\na | b | c\n-|-\n${repeat(`${"*a".repeat(100)}|\n`, 20_000)}`,
      3,
      "paragraph has more than 1000",
    ],
  ])("%s", (_name, text, line, reason) => {
    const breach = markdownBudget(text);
    expect(breach).toMatchObject({ line, column: 1 });
    expect(breach!.reason).toContain(reason);
    const read = readDoc({ path: "bomb.md", text });
    expect(read.file.messages.map(formatMessage)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^bomb\\.md:${line}:1: error .*mdmodel refuses it rather than spend minutes parsing it.*\\[doc-too-complex\\]$`,
        ),
      ),
    ]);
  });
});

describe("docs of real shape pass", () => {
  test.each([
    [
      "a 2,000-row Fields table with links and emphasis",
      `${TABLE}${Array.from({ length: 2000 }, (_, i) => `| \`f${i}\` | [components.X](x.md) | :heavy_minus_sign: | The *field* ${i}, see [docs](https://x.dev/${i}). |\n`).join("")}`,
    ],
    [
      "an Example Usage block of 100,000 brackets (code is not inline markdown)",
      `# T\n\n## Example Usage\n\n\`\`\`typescript\nlet v = ${"[".repeat(50_000)}${"]".repeat(50_000)};\n\`\`\`\n`,
    ],
    ["a tilde fence holding backticks", `# T\n\n~~~\n${"`*_".repeat(20_000)}\n~~~\n`],
    ["200 paragraphs of 100 marks each", `# T\n\n${`${"*a* ".repeat(50)}\n\n`.repeat(200)}`],
  ])("%s", (_name, text) => {
    expect(markdownBudget(text)).toBeUndefined();
  });

  test("every fixture and seed doc of this repository passes", async () => {
    let seen = 0;
    for (const folder of ["seeds", "test/fixtures"]) {
      for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
        expect(markdownBudget(await readFile(join(entry.parentPath, entry.name), "utf8")), entry.name).toBeUndefined();
        seen += 1;
      }
    }
    expect(seen).toBeGreaterThan(40);
  });
});

describe.skipIf(!process.env["MDMODEL_CORPUS"])("MDMODEL_CORPUS: real SDK docs", () => {
  test("no page of the corpus passes a limit", async () => {
    const folder = process.env["MDMODEL_CORPUS"]!;
    let seen = 0;
    for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.mdx?$/.test(entry.name)) continue;
      expect(
        markdownBudget(await readFile(join(entry.parentPath, entry.name), "utf8")),
        join(entry.parentPath, entry.name),
      ).toBeUndefined();
      seen += 1;
    }
    expect(seen).toBeGreaterThan(0);
  });
});
