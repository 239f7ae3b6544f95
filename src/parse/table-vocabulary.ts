/**
 * The words a Fields table is written in, as data: the names its columns go by (SDK pages write
 * `Field`, hand-written and other generators' pages `Name`, `Property`, …) and the marks that say
 * a field is required. A new spelling is a new entry here, not a new branch in the reader.
 */

export type Column = "field" | "type" | "required" | "optional" | "notes" | "tags" | "description" | "example";

/** The columns that can say whether a field is required, in order of preference. */
export type RequiredColumn = "required" | "optional" | "notes" | "tags";

export const REQUIRED_COLUMNS: readonly RequiredColumn[] = ["required", "optional", "tags", "notes"];

/** Each column and the header texts (lower-cased) it is known by, in order of preference. */
export const COLUMN_NAMES: ReadonlyArray<readonly [Column, readonly string[]]> = [
  ["field", ["field", "name", "property", "attribute", "parameter", "field name", "property name"]],
  ["type", ["type", "data type"]],
  ["required", ["required", "required?", "req", "mandatory"]],
  ["optional", ["optional", "optional?"]],
  // OpenAPI Generator: `[optional]`, `[readonly]`, `[default to …]`; APIMatic: `Required`, `Optional, Read-only`.
  ["notes", ["notes"]],
  ["tags", ["tags"]],
  ["description", ["description", "comment"]],
  ["example", ["example", "examples", "sample"]],
];

/** Marks that mean yes in a Required (or Optional) cell. */
export const YES_MARKS: ReadonlySet<string> = new Set([
  ":heavy_check_mark:",
  ":white_check_mark:",
  ":check:",
  "✔️",
  "✔",
  "✓",
  "✅",
  "☑️",
  "yes",
  "y",
  "true",
  "required",
  "x",
]);

/** Marks that mean no; an empty cell is no. */
export const NO_MARKS: ReadonlySet<string> = new Set([
  ":heavy_minus_sign:",
  ":x:",
  ":heavy_multiplication_x:",
  "➖",
  "-",
  "—",
  "–",
  "❌",
  "✖️",
  "✗",
  "no",
  "n",
  "false",
  "optional",
  "",
]);

/** The column each header cell names, by index; the first cell that names a column takes it. */
export function columnsOf(headerTexts: readonly string[]): Map<Column, number> {
  const columns = new Map<Column, number>();
  headerTexts.forEach((text, index) => {
    const name = text.trim().toLowerCase();
    const column = COLUMN_NAMES.find(([, names]) => names.includes(name))?.[0];
    if (column !== undefined && !columns.has(column)) columns.set(column, index);
  });
  return columns;
}

/**
 * Whether a cell says the field is required: in a Required column a yes mark does, in an
 * Optional column a no mark does; a Notes column says `[optional]` for the others, a Tags column
 * `Required` or `Optional`; `undefined` for a mark the tables do not know.
 */
export function readRequiredMark(text: string, column: RequiredColumn): boolean | undefined {
  const mark = text.trim().toLowerCase();
  if (column === "notes") return !/\[optional\]/.test(mark);
  if (column === "tags") return /\brequired\b/.test(mark) ? true : /\boptional\b/.test(mark) ? false : undefined;
  // A `required` or `optional` word says so whichever column it stands in.
  if (mark === "required") return true;
  if (mark === "optional") return false;
  const yes = YES_MARKS.has(mark) ? true : NO_MARKS.has(mark) ? false : undefined;
  return yes === undefined ? undefined : column === "required" ? yes : !yes;
}
