/** Reads the `## Fields` table of an object model into IR fields. */
import type { PhrasingContent, Table, TableCell, TableRow } from "mdast";
import type { Section } from "./sections.js";
import { toString } from "./markdown-stack.js";
import type { VFile } from "vfile";
import { report, startOf } from "../shared/diagnostics.js";
import type { Field, Nullability, TypeExpr } from "../ir/types.js";
import { sourceText, spanOf } from "./cell-text.js";
import { parseTypeCell, type NullMark } from "./type-cell.js";
import { marksNulls, type Dialect } from "./dialect.js";
import { camelCase, type FieldNaming } from "../shared/dialects.js";
import { documentsWireNames } from "../shared/read-options.js";
import { columnsOf, readRequiredMark, REQUIRED_COLUMNS, type Column, type RequiredColumn } from "./table-vocabulary.js";
import { FAMILY_FACTS, type Family } from "../shared/families.js";
import type { TypeNameOverrides } from "./type-cell.js";

const DEPRECATED_MARK = /\*\*\s*DEPRECATED\s*\*\*/;
/** `:warning: **DEPRECATED**: note` opening a description (the corpus also writes `: warning: ** DEPRECATED **`). */
const DEPRECATED_LEAD = /^:\s*warning\s*:\s*\*\*\s*DEPRECATED\s*\*\*\s*:?\s*([^\n]*)\n*/i;

/** Where the source of the doc and its messages live while reading it. */
export interface ReadContext {
  file: VFile;
  source: string;
  dialect: Dialect;
  fieldNames: FieldNaming;
  /** The doc is `.mdx`, whose text escapes `{` and `<`. */
  mdx: boolean;
  /** The tree marks every field that may be null (`ReadOptions.explicitNulls`). */
  explicitNulls?: boolean;
  /** The generator whose pages these are. */
  family: Family;
  /** Type names the family gives its own meaning. */
  names?: TypeNameOverrides;
}

/** Reads the table of a fields section (`## Fields`, `## Properties`); a section without one is an error. */
export function readFieldsSection(section: Section, ctx: ReadContext): Field[] | undefined {
  const table = section.nodes.find((node): node is Table => node.type === "table");
  if (!table) {
    report(
      ctx.file,
      "error",
      `the ${section.title} section has no table; expected \`| Field | Type | Required | Description |\` rows`,
      startOf(section.heading),
      "malformed-table",
    );
    return undefined;
  }
  return readFieldsTable(table, ctx);
}

/** Reads every row of a Fields table; bad rows are reported and left out. */
export function readFieldsTable(table: Table, ctx: ReadContext): Field[] | undefined {
  const [header, ...rows] = table.children;
  if (!header) return undefined;
  const columns = columnsOf(header.children.map((cell) => toString(cell)));
  const requiredColumn = REQUIRED_COLUMNS.find((column) => columns.has(column));
  const missing = [
    ...(["field", "type"] as const).filter((column) => !columns.has(column)),
    ...(requiredColumn ? [] : ["required"]),
  ];
  if (missing.length > 0) {
    report(
      ctx.file,
      "error",
      `the Fields table has no ${missing.map(capitalize).join(", ")} column; expected the columns Field | Type | Required | Description (a Field column may be called Name, Property, Attribute or Parameter, and an Optional, Tags or Notes column may stand for Required)`,
      startOf(header),
      "missing-column",
    );
    return undefined;
  }

  const fields: Field[] = [];
  const seen = new Map<string, Field>();
  for (const written of rows) {
    const row = requiredColumn === "notes" ? fitNotesRow(written, header.children.length, columns, ctx) : written;
    const cell = (column: Column): TableCell | undefined => {
      const index = columns.get(column);
      return index === undefined ? undefined : row.children[index];
    };
    if (row.children.length !== header.children.length) {
      const fix =
        row.children.length < header.children.length
          ? "add the missing cells (an empty cell is `|  |`)"
          : "remove the extra cells, or escape a `|` inside a cell as `\\|`";
      report(
        ctx.file,
        "error",
        `this row has ${row.children.length} cells where the header has ${header.children.length}; ${fix}`,
        startOf(row),
        "malformed-table",
      );
      continue;
    }
    const field = readRow(
      cell("field")!,
      cell("type")!,
      { cell: cell(requiredColumn!)!, column: requiredColumn! },
      cell("description"),
      cell("example"),
      ctx,
    );
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

/**
 * A row of a table whose last column is Notes (OpenAPI Generator's), fitted to its header: GFM
 * drops an empty last cell written as `| ` (an empty Notes cell: required), and the generator
 * leaves a `|` in a description unescaped, which splits it; the cells between Type and Notes are
 * then the description, with a warning.
 */
function fitNotesRow(row: TableRow, width: number, columns: ReadonlyMap<Column, number>, ctx: ReadContext): TableRow {
  const cells = row.children;
  if (cells.length === width - 1 && columns.get("notes") === width - 1) {
    const end = row.position?.end;
    const empty: TableCell = { type: "tableCell", children: [], ...(end ? { position: { start: end, end } } : {}) };
    return { ...row, children: [...cells, empty] };
  }
  const description = columns.get("description");
  if (
    cells.length <= width ||
    description === undefined ||
    columns.get("notes") !== width - 1 ||
    description !== width - 2
  )
    return row;
  const extra = cells.length - width;
  const merged: TableCell = {
    type: "tableCell",
    children: cells.slice(description, description + extra + 1).flatMap((cell) => cell.children),
  };
  const first = cells[description]?.position;
  const last = cells[description + extra]?.position;
  if (first && last) merged.position = { start: first.start, end: last.end };
  report(
    ctx.file,
    "warning",
    `this row has ${cells.length} cells where the header has ${width}: its description holds an unescaped \`|\`, so the cells between Type and Notes are read as the description; escape it as \`\\|\``,
    startOf(row),
    "malformed-table",
  );
  return { ...row, children: [...cells.slice(0, description), merged, ...cells.slice(description + extra + 1)] };
}

function readRow(
  nameCell: TableCell,
  typeCell: TableCell,
  { cell: requiredCell, column: requiredColumn }: { cell: TableCell; column: RequiredColumn },
  descriptionCell: TableCell | undefined,
  exampleCell: TableCell | undefined,
  ctx: ReadContext,
): Field | undefined {
  const start = startOf(nameCell);
  const documented = readFieldName(nameCell.children);
  if (documented === undefined) {
    report(
      ctx.file,
      "error",
      "the Field cell is empty; write the field name in backticks, e.g. `id`",
      start,
      "bad-field-name",
    );
    return undefined;
  }
  if (ctx.dialect === "python" && documented === PYDANTIC_EXTRA) {
    report(
      ctx.file,
      "info",
      "`__pydantic_extra__` is where Python keeps the properties a model does not list, not a field of its JSON; such properties are handled as `unknownProperties` says",
      start,
      "sdk-type",
    );
    return undefined;
  }
  // Python's SDK writes a field named after a keyword with a trailing `_` (`from_`, `format_`): the JSON name has none.
  const onWire = ctx.dialect === "python" ? documented.replace(/(?<=[A-Za-z\d])_$/, "") : documented;
  const name = ctx.fieldNames === "camelCase" ? camelCase(onWire) : onWire;
  const wireName = name !== onWire && documentsWireNames(ctx.dialect, ctx.family) ? onWire : undefined;

  const typeStart = typeCell.position?.start ?? start;
  const parsed = parseTypeCell(typeCell.children, typeStart, ctx.source, ctx.dialect, ctx.names);
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
  const required = readRequiredMark(requiredText, requiredColumn);
  if (required === undefined) {
    report(
      ctx.file,
      "error",
      `the ${capitalize(requiredColumn)} cell of \`${name}\` reads "${requiredText}"; write ${REQUIRED_MARK_HINTS[requiredColumn]}`,
      startOf(requiredCell.children[0] ?? requiredCell),
      "bad-required",
    );
    return undefined;
  }

  const cellText = descriptionCell ? sourceText(descriptionCell.children, ctx.source, ctx.mdx) : "";
  const lead = DEPRECATED_LEAD.exec(cellText);
  const description = lead ? cellText.slice(lead[0].length) : cellText;
  const exampleSpan = exampleCell ? spanOf(exampleCell.children) : undefined;
  const exampleText = exampleCell ? sourceText(exampleCell.children, ctx.source, ctx.mdx) : "";
  for (const note of parsed.notes) report(ctx.file, "info", note, typeStart, "sdk-type");
  // A `null` member is a fact about the field, not part of its type: `*string* | *null*` is a nullable string.
  const { type: written, nullability: nullMember } = withoutNull(parsed.type);
  // A Go slice or map needs no pointer to be nil (JSON's null): unwrapped, it says nothing of null.
  const goNil =
    ctx.dialect === "go" && parsed.mark === undefined && (written.kind === "array" || written.kind === "record");
  // In a tree that marks every nullable field, an optional field without that mark is only optional.
  const onlyOptional = ctx.explicitNulls === true && !required && parsed.mark !== "null";
  const nulls = FAMILY_FACTS[ctx.family].nulls;
  const stated = nullMember === "yes" || parsed.mark === "null";
  const nullability =
    nullMember === "yes"
      ? "yes"
      : nulls !== "wrappers"
        ? stated
          ? "yes"
          : nulls === "members"
            ? "no"
            : "unknown"
        : onlyOptional
          ? "no"
          : goNil
            ? "unknown"
            : statedNullability(parsed.mark, required, ctx.dialect);
  const type = ctx.dialect === "python" || ctx.dialect === "ruby" ? dateByExample(written, exampleText) : written;
  const field: Field = {
    name,
    type,
    required,
    nullability,
    nullable: nullability === "yes",
    ...(wireName !== undefined ? { wireName } : {}),
    description,
    deprecated: lead !== null || isStruckThrough(nameCell.children) || DEPRECATED_MARK.test(cellText),
    position: spanOf(nameCell.children) ?? { start, end: start },
  };
  if (lead?.[1]) field.deprecationNote = lead[1].trim();
  if (exampleText !== "" && exampleSpan) field.example = { text: exampleText, position: exampleSpan };
  return field;
}

/** What a Required-like cell holds, for the message about one that holds something else. */
const REQUIRED_MARK_HINTS: Readonly<Record<RequiredColumn, string>> = {
  required: ":heavy_check_mark: (required) or :heavy_minus_sign: (optional)",
  optional: ":heavy_check_mark: (optional) or :heavy_minus_sign: (required)",
  tags: "Required or Optional",
  notes: "[optional], or nothing for a required field",
};

/** The Python SDK's row for a model's additional properties. */
const PYDANTIC_EXTRA = "__pydantic_extra__";

/**
 * What a dialect's wrapper says of `null`: `Nullable[…]` says yes; Python's `Optional[…]` says
 * no; Go's `*T`, Ruby's `T.nilable(…)`, PHP's `?T` say "absent or null", which on a required
 * field is null; no wrapper in a dialect that marks nullable fields says no on a required one.
 */
export function statedNullability(mark: NullMark | undefined, required: boolean, dialect: Dialect): Nullability {
  switch (mark) {
    case "null":
      return "yes";
    case "absent":
      return "no";
    case "maybe":
      return required ? "yes" : "unknown";
    case undefined:
      return required && marksNulls(dialect) ? "no" : "unknown";
  }
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

/**
 * Python docs link date-time fields as `[date](…)` and date fields as `[datetime](…)`, Ruby
 * docs both as `[Date](…)`; the field's example, when it has one, says which it is.
 */
function dateByExample(type: TypeExpr, example: string): TypeExpr {
  if (type.kind !== "date" && type.kind !== "rfcDate") return type;
  const value = example.replace(/^["'`]|["'`]$/g, "").trim();
  if (CALENDAR_DATE.test(value)) return { kind: "rfcDate" };
  if (DATE_TIME.test(value)) return { kind: "date" };
  return type;
}

/** A type with its `null` members taken out, and whether there were any. */
function withoutNull(type: TypeExpr): { type: TypeExpr; nullability: Nullability } {
  if (type.kind !== "union" || !type.members.some((member) => member.kind === "null"))
    return { type, nullability: "unknown" };
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
