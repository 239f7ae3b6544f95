/** Reads the `## Fields` table of an object model into IR fields. */
import type { PhrasingContent, Table, TableCell } from "mdast";
import { toString } from "./markdown-stack.js";
import type { VFile } from "vfile";
import { report, startOf } from "../shared/diagnostics.js";
import type { Field, Nullability, TypeExpr } from "../ir/types.js";
import { sourceText, spanOf } from "./cell-text.js";
import { parseTypeCell } from "./type-cell.js";

type Column = "field" | "type" | "required" | "description" | "example";
const REQUIRED_COLUMNS: readonly Column[] = ["field", "type", "required"];
const KNOWN_COLUMNS = new Set<string>(["field", "type", "required", "description", "example"]);

const REQUIRED_YES = new Set([":heavy_check_mark:", "✔️", "✔", "✓", "yes", "true", "required"]);
const REQUIRED_NO = new Set([":heavy_minus_sign:", "➖", "-", "no", "false", "optional", ""]);
const DEPRECATED_MARK = /\*\*\s*DEPRECATED\s*\*\*/;
/** `:warning: **DEPRECATED**: note` opening a description (the corpus also writes `: warning: ** DEPRECATED **`). */
const DEPRECATED_LEAD = /^:\s*warning\s*:\s*\*\*\s*DEPRECATED\s*\*\*\s*:?\s*([^\n]*)\n*/i;

/** Where the source of the doc and its messages live while reading it. */
export interface ReadContext {
  file: VFile;
  source: string;
}

/** Reads every row of a Fields table; bad rows are reported and left out. */
export function readFieldsTable(table: Table, ctx: ReadContext): Field[] | undefined {
  const [header, ...rows] = table.children;
  if (!header) return undefined;
  const columns = new Map<Column, number>();
  header.children.forEach((cell, index) => {
    const name = toString(cell).trim().toLowerCase();
    if (KNOWN_COLUMNS.has(name) && !columns.has(name as Column)) columns.set(name as Column, index);
  });
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.has(column));
  if (missing.length > 0) {
    report(
      ctx.file,
      "error",
      `the Fields table has no ${missing.map(capitalize).join(", ")} column; expected the columns Field | Type | Required | Description`,
      startOf(header),
      "missing-column",
    );
    return undefined;
  }

  const fields: Field[] = [];
  const seen = new Map<string, Field>();
  for (const row of rows) {
    const cell = (column: Column): TableCell | undefined => {
      const index = columns.get(column);
      return index === undefined ? undefined : row.children[index];
    };
    if (row.children.length !== header.children.length) {
      const fix = row.children.length < header.children.length ? "add the missing cells (an empty cell is `|  |`)" : "remove the extra cells, or escape a `|` inside a cell as `\\|`";
      report(
        ctx.file,
        "error",
        `this row has ${row.children.length} cells where the header has ${header.children.length}; ${fix}`,
        startOf(row),
        "malformed-table",
      );
      continue;
    }
    const field = readRow(cell("field")!, cell("type")!, cell("required")!, cell("description"), cell("example"), ctx);
    if (!field) continue;
    const earlier = seen.get(field.name);
    if (earlier) {
      report(
        ctx.file,
        "error",
        `the field \`${field.name}\` is listed twice (first on line ${earlier.position.start.line}); remove or rename one`,
        field.position,
        "duplicate-field",
      );
      continue;
    }
    seen.set(field.name, field);
    fields.push(field);
  }
  // A header with no rows is a model without fields: real SDKs publish those for `{}` bodies.
  return fields;
}

function readRow(
  nameCell: TableCell,
  typeCell: TableCell,
  requiredCell: TableCell,
  descriptionCell: TableCell | undefined,
  exampleCell: TableCell | undefined,
  ctx: ReadContext,
): Field | undefined {
  const start = startOf(nameCell);
  const name = readFieldName(nameCell.children);
  if (name === undefined) {
    report(ctx.file, "error", "the Field cell is empty; write the field name in backticks, e.g. `id`", start, "bad-field-name");
    return undefined;
  }

  const typeStart = typeCell.position?.start ?? start;
  const parsed = parseTypeCell(typeCell.children, typeStart, ctx.source);
  if (!parsed.ok) {
    report(
      ctx.file,
      "error",
      `cannot read the type of \`${name}\`: ${parsed.error.reason}; write it as e.g. *string*, *number*[] or [components.Foo](../components/foo.md)`,
      parsed.error.at,
      "bad-type",
    );
    return undefined;
  }

  const requiredText = toString(requiredCell).trim();
  const required = REQUIRED_YES.has(requiredText.toLowerCase())
    ? true
    : REQUIRED_NO.has(requiredText.toLowerCase())
      ? false
      : undefined;
  if (required === undefined) {
    report(
      ctx.file,
      "error",
      `the Required cell of \`${name}\` reads "${requiredText}"; write :heavy_check_mark: (required) or :heavy_minus_sign: (optional)`,
      startOf(requiredCell.children[0] ?? requiredCell),
      "bad-required",
    );
    return undefined;
  }

  const cellText = descriptionCell ? sourceText(descriptionCell.children, ctx.source) : "";
  const lead = DEPRECATED_LEAD.exec(cellText);
  const description = lead ? cellText.slice(lead[0].length) : cellText;
  const exampleSpan = exampleCell ? spanOf(exampleCell.children) : undefined;
  const exampleText = exampleCell ? sourceText(exampleCell.children, ctx.source) : "";
  // A `null` member is a fact about the field, not part of its type: `*string* | *null*` is a nullable string.
  const { type, nullability } = withoutNull(parsed.type);
  const field: Field = {
    name,
    type,
    required,
    nullability,
    nullable: nullability === "yes",
    description,
    deprecated: lead !== null || isStruckThrough(nameCell.children) || DEPRECATED_MARK.test(cellText),
    position: spanOf(nameCell.children) ?? { start, end: start },
  };
  if (lead?.[1]) field.deprecationNote = lead[1].trim();
  if (exampleText !== "" && exampleSpan) field.example = { text: exampleText, position: exampleSpan };
  return field;
}

/** A type with its `null` members taken out, and whether there were any. */
function withoutNull(type: TypeExpr): { type: TypeExpr; nullability: Nullability } {
  if (type.kind !== "union" || !type.members.some((member) => member.kind === "null")) return { type, nullability: "unknown" };
  const members = type.members.filter((member) => member.kind !== "null");
  if (members.length === 0) return { type, nullability: "unknown" }; // `*null*` alone: the field holds only null
  return { type: members.length === 1 ? members[0]! : { kind: "union", members }, nullability: "yes" };
}

/** The name inside backticks (possibly struck through), or the plain cell text. */
function readFieldName(nodes: readonly PhrasingContent[]): string | undefined {
  const text = toString({ type: "paragraph", children: [...nodes] }).trim();
  return text === "" ? undefined : text;
}

function isStruckThrough(nodes: readonly PhrasingContent[]): boolean {
  return nodes.some((node) => node.type === "delete");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
