/**
 * `npm run bench:bombs [-- --kb N]`: how long reading a doc takes when its markdown is built to
 * make the parser slow (each bomb at N KB, default 200), against reading a real-shaped model doc
 * of the same size (a Fields table of plain rows) measured in this process. Each bomb is read as
 * the generator reads a doc (`readDoc`: the markdown budget, then the parser); the last column
 * is the parser alone on the bomb's first 8 KB, which shows what the budget saves.
 */
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { readDoc } from "../../src/parse/read-doc.js";

const { values } = parseArgs({ options: { kb: { type: "string", default: "200" } } });
const bytes = Number(values.kb) * 1024;

const fill = (head: string, unit: string, tail = "") =>
  head + unit.repeat(Math.ceil((bytes - head.length) / unit.length)) + tail;
const TABLE = "# Bomb\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";

const bombs: Array<[name: string, text: string]> = [
  [
    "description of *a*a*a…",
    fill(
      "# Bomb\n\n",
      "*a",
      "\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `a` | *string* | :heavy_check_mark: | A |\n",
    ),
  ],
  ["[a]( repeated", fill("# Bomb\n\n", "[a](")],
  ["Type cell *string*string…", fill(`${TABLE}| \`a\` | `, "*string*", " | :heavy_check_mark: | A |\n")],
  ["~a~a~a… (strikethrough)", fill("# Bomb\n\n", "~a")],
  ["> > > … (nested quotes)", fill("# Bomb\n\n", "> ")],
  ["one row of 50,000 cells", fill(`${TABLE}|`, " a |")],
  ["tiny table rows", fill(TABLE, "| `a` | *string* | :heavy_check_mark: | A |\n")],
];

/** A model doc of real shape: one row per field, each with a link, emphasis and a sentence. */
function realDoc(): string {
  const rows: string[] = [];
  for (let i = 0; TABLE.length + rows.join("").length < bytes; i++) {
    rows.push(
      `| \`field${i}\` | [components.Item${i % 50}](../components/item${i % 50}.md) | :heavy_minus_sign: | The *field* number ${i}, as the API returns it, with a note on what it means and when it is set. |\n`,
    );
  }
  return TABLE + rows.join("");
}

function timed(run: () => unknown, rounds = 3): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

const baselineText = realDoc();
readDoc({ path: "warm.md", text: baselineText });
const baseline = timed(() => readDoc({ path: "real.md", text: baselineText }));

console.log(`mdmodel markdown bombs: each read as a doc, at ${values.kb} KB`);
console.log(
  `machine: ${cpus()[0]?.model.trim() ?? "unknown"}, ${cpus().length} cores, node ${process.version}; median of 3 reads`,
);
console.log("");
const rows: string[][] = [["doc", "KB", "read ms", "vs real doc", "outcome", "parser alone, 8 KB ms"]];
rows.push([
  "real-shaped model doc (baseline)",
  String(Math.round(baselineText.length / 1024)),
  baseline.toFixed(0),
  "1.00x",
  "read",
  "",
]);
for (const [name, text] of bombs) {
  let outcome = "";
  const ms = timed(() => {
    const result = readDoc({ path: "bomb.md", text });
    const error = result.file.messages.find((message) => message.fatal === true);
    outcome = error ? `${error.ruleId} at ${error.line}:${error.column}` : "read";
  });
  const alone = timed(() => parseMarkdown(text.slice(0, 8 * 1024)), 1);
  rows.push([
    name,
    String(Math.round(text.length / 1024)),
    ms.toFixed(1),
    `${(ms / baseline).toFixed(2)}x`,
    outcome,
    alone.toFixed(0),
  ]);
}
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const [index, row] of rows.entries()) {
  console.log(
    row
      .map((cell, column) =>
        column === 0 || column === 4 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join("  "),
  );
  if (index === 0) console.log(widths.map((width) => "-".repeat(width)).join("  "));
}
console.log(
  "\nratio = read ms ÷ the real doc's read ms (lower is faster); a bomb is refused by the budget before the parser runs",
);
