/**
 * What a doc may ask of the markdown parser. micromark's inline parsing costs about 30 µs per
 * emphasis, link or code mark and grows with the square of the marks in one paragraph (a
 * 48 KB line of `*a*a*a…` took 42 s), nested block quotes recurse once per level (`> > > …`
 * overflows the stack), and a table row's cost grows with its cells. A model doc needs none of
 * that at scale (across 9,663 real SDK pages: at most 12,000 marks in a doc, 500 in a paragraph
 * or row, 64 pipes in a line, 1,000 table rows), so one linear pass over the text refuses, before parsing, a doc past any limit
 * here, at the line that passes it. Fenced code (Example Usage blocks) is not inline markdown
 * and is not counted.
 */

export const MARKDOWN_LIMITS = {
  /** Emphasis, strikethrough, link, code, HTML, entity and escape marks in one paragraph, heading or table row. */
  marksPerBlock: 1000,
  /** The same marks in the whole doc. */
  marksPerDoc: 24_000,
  /** Cell separators (`|`) in one line. */
  pipesPerLine: 256,
  /** Block quotes and list items opened on one line. */
  nesting: 32,
  /** Table rows in the whole doc. */
  tableRows: 8_000,
} as const;

/** Where a doc passes a limit, and which. */
export interface BudgetBreach {
  line: number;
  column: number;
  reason: string;
}

/** The characters that open or close an inline construct. */
const MARK = /[*_~`[\]<&\\]/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CONTAINER = /^[ \t]{0,3}(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))/;
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** The first limit of `MARKDOWN_LIMITS` the doc passes, or `undefined` when it parses in time linear in its size. */
export function markdownBudget(text: string): BudgetBreach | undefined {
  const lines = text.split(/\r?\n|\r/);
  let fence: { char: string; length: number } | undefined;
  let inTable = false;
  let blockMarks = 0;
  let blockStart = 1;
  let docMarks = 0;
  let rows = 0;
  for (let index = 0; index < lines.length; index++) {
    const lineNumber = index + 1;
    // Block quotes and list items: counted, then set aside, for the line's content is what the inline parser reads.
    const { rest: line, depth, item } = containers(lines[index]!);
    if (depth > MARKDOWN_LIMITS.nesting)
      return {
        line: lineNumber,
        column: 1,
        reason: `the line opens more than ${MARKDOWN_LIMITS.nesting} block quotes and list items`,
      };
    const fenced = FENCE.exec(line);
    if (fence !== undefined) {
      if (
        fenced &&
        fenced[1]![0] === fence.char &&
        fenced[1]!.length >= fence.length &&
        line.slice(fenced[0].length).trim() === ""
      ) {
        fence = undefined;
        blockStart = lineNumber + 1;
      }
      continue;
    }
    if (fenced) {
      fence = { char: fenced[1]![0]!, length: fenced[1]!.length };
      inTable = false;
      blockMarks = 0;
      blockStart = lineNumber + 1;
      continue;
    }
    if (line.trim() === "") {
      inTable = false;
      blockMarks = 0;
      blockStart = lineNumber + 1;
      continue;
    }
    const pipes = count(line, "|");
    if (pipes > MARKDOWN_LIMITS.pipesPerLine)
      return {
        line: lineNumber,
        column: 1,
        reason: `the line has ${pipes} cell separators, over the ${MARKDOWN_LIMITS.pipesPerLine} a table row may have`,
      };
    const heading = HEADING.test(line);
    // A quote, a list item or a heading ends a table; what follows it is inline text again.
    if (inTable && (depth > 0 || heading)) inTable = false;
    // A table starts at a row followed by a delimiter row with as many cells; from there each line is a row, parsed on its own.
    if (!inTable && depth === 0 && pipes > 0) {
      const next = lines[index + 1] ?? "";
      if (DELIMITER_ROW.test(next) && next.includes("-") && cells(next) === cells(line)) inTable = true;
    }
    if (inTable || item || heading) {
      blockMarks = 0;
      blockStart = lineNumber;
    }
    if (inTable && (rows += 1) > MARKDOWN_LIMITS.tableRows)
      return { line: lineNumber, column: 1, reason: `the doc has more than ${MARKDOWN_LIMITS.tableRows} table rows` };
    const marks = line.match(MARK)?.length ?? 0;
    blockMarks += marks;
    docMarks += marks;
    if (blockMarks > MARKDOWN_LIMITS.marksPerBlock) {
      const what = inTable ? "table row" : heading ? "heading" : "paragraph";
      return {
        line: blockStart,
        column: 1,
        reason: `the ${what} has more than ${MARKDOWN_LIMITS.marksPerBlock} emphasis, link and code marks (*, _, ~, \`, [, ], <, &, \\)`,
      };
    }
    if (docMarks > MARKDOWN_LIMITS.marksPerDoc) {
      return {
        line: lineNumber,
        column: 1,
        reason: `the doc has more than ${MARKDOWN_LIMITS.marksPerDoc} emphasis, link and code marks (*, _, ~, \`, [, ], <, &, \\) outside code blocks`,
      };
    }
    // A heading is one line: the next line starts a block of its own.
    if (heading) {
      blockMarks = 0;
      blockStart = lineNumber + 1;
    }
  }
  return undefined;
}

const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/** The line without its block quote and list item markers; how many it opens; whether a list item starts on it. */
function containers(line: string): { rest: string; depth: number; item: boolean } {
  let rest = line;
  let depth = 0;
  let item = false;
  for (
    let match = CONTAINER.exec(rest);
    match !== null && match[0] !== "" && depth <= MARKDOWN_LIMITS.nesting;
    match = CONTAINER.exec(rest)
  ) {
    depth += 1;
    if (!match[0].trimStart().startsWith(">")) item = true;
    rest = rest.slice(match[0].length);
  }
  return { rest, depth, item };
}

/** The cells of a table row: its unescaped pipes, less a leading and a trailing one, plus one. */
function cells(line: string): number {
  const trimmed = line
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "");
  return (trimmed.match(/(?<!\\)\|/g)?.length ?? 0) + 1;
}

function count(text: string, char: string): number {
  let n = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) n += 1;
  return n;
}
