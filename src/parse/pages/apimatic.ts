/**
 * APIMatic's model pages. The title is in words (`# Account Balance`); the type's name is the
 * code line under `## Structure` (an object, with `## Fields` and a `Tags` column), `## Class
 * Name` (a union, with `## Cases`) or `## Enumeration` (an enum, whose `## Fields` lists member
 * names only). `## Example (as JSON)` shows the value as JSON carries it, wire names included.
 */
import type { Code, InlineCode, Paragraph, Table } from "mdast";
import { toString } from "../markdown-stack.js";
import { DOC_START, report, startOf } from "../../shared/diagnostics.js";
import type { EnumMember, ExampleCode, Field, ModelDoc, Position, TypeExpr, UnionMember } from "../../ir/types.js";
import { parseJsonExample } from "../../ir/examples.js";
import { sourceText } from "../cell-text.js";
import { readFieldsSection, type ReadContext } from "../fields-table.js";
import { findSection, type DocOutline, type Section } from "../sections.js";
import { readMemberType, unionBody } from "../union-members.js";
import type { PageRead } from "./page.js";

/** The sections that name the type, and what each makes. */
const NAMING_SECTIONS = [
  ["Structure", "object"],
  ["Class Name", "union"],
  ["Enumeration", "enum"],
] as const;

export function readApimaticPage(outline: DocOutline, ctx: ReadContext, path: string): PageRead {
  const { file } = ctx;
  const naming = NAMING_SECTIONS.map(([title, kind]) => ({ section: findSection(outline, title), kind })).find(
    (entry) => entry.section !== undefined,
  );
  if (!naming?.section) {
    report(
      file,
      "info",
      "skipped: no Structure, Class Name or Enumeration section, so not a model page",
      DOC_START,
      "not-a-model",
    );
    return { skipped: true };
  }
  if (naming.kind === "union" && !findSection(outline, "Cases")) {
    report(
      file,
      "info",
      "skipped: a Class Name page without `## Cases` documents a controller's operations, not a model",
      DOC_START,
      "not-a-model",
    );
    return { skipped: true };
  }
  const code = namingCode(naming.section);
  if (!code) {
    report(
      file,
      "error",
      `the ${naming.section.title} section names no type; write its name as a code line, e.g. \`AccountBalance\``,
      startOf(naming.section.heading),
      "missing-title",
    );
    return { skipped: false };
  }
  const body =
    naming.kind === "object"
      ? readObject(outline, ctx)
      : naming.kind === "union"
        ? readCases(outline, ctx)
        : readEnumNames(outline, naming.section, ctx);
  if (!body || file.messages.some((message) => message.fatal === true)) return { skipped: false };
  const model: ModelDoc = {
    name: numberedName(code.value.trim(), path),
    path,
    description: sourceText(outline.intro, ctx.source, ctx.mdx),
    body,
    position: code.position ?? { start: DOC_START, end: DOC_START },
  };
  const example = jsonExample(findSection(outline, "Example (as JSON)"));
  if (example) model.exampleUsage = example;
  return { model, skipped: false };
}

/**
 * Two types of one name are told apart by a number in the file name only
 * (`event-based-billing-segment-error-1.md` says `EventBasedBillingSegmentError`): the SDK
 * names the second as its file does, `EventBasedBillingSegmentError1`.
 */
function numberedName(name: string, path: string): string {
  const stem = path.slice(path.lastIndexOf("/") + 1).replace(/\.mdx?$/i, "");
  const number = /-(\d+)$/.exec(stem)?.[1];
  if (number === undefined || /\d$/.test(name)) return name;
  return stem === `${snakeCase(name).replace(/_/g, "-")}-${number}` ? `${name}${number}` : name;
}

/** The code span of the section's first paragraph: `` `AccountBalance` ``. */
function namingCode(section: Section): InlineCode | undefined {
  const paragraph = section.nodes.find((node): node is Paragraph => node.type === "paragraph");
  const code = paragraph?.children.find((node): node is InlineCode => node.type === "inlineCode");
  return code && code.value.trim() !== "" ? code : undefined;
}

function readObject(outline: DocOutline, ctx: ReadContext): ModelDoc["body"] | undefined {
  const section = findSection(outline, "Fields");
  if (!section) {
    report(
      ctx.file,
      "error",
      "an object page has a `## Fields` section with a `| Name | Type | Tags | Description |` table; add one",
      DOC_START,
      "malformed-table",
    );
    return undefined;
  }
  const fields = readFieldsSection(section, ctx);
  return fields && { kind: "object", fields: fields.map(withoutUndefined) };
}

/** `string \| undefined`: the `undefined` says what the Tags column says, that the field may be absent. */
function withoutUndefined(field: Field): Field {
  return { ...field, type: dropUndefined(field.type) };
}

function dropUndefined(type: TypeExpr): TypeExpr {
  if (type.kind === "array") return { kind: "array", element: dropUndefined(type.element) };
  if (type.kind === "record") return { kind: "record", value: dropUndefined(type.value) };
  if (type.kind !== "union") return type;
  const members = type.members
    .filter((member) => !(member.kind === "ref" && member.name === "undefined"))
    .map(dropUndefined);
  return members.length === 1 ? members[0]! : { kind: "union", members };
}

/** A union: `## Cases`, a `| Type |` table with a member per row. */
function readCases(outline: DocOutline, ctx: ReadContext): ModelDoc["body"] | undefined {
  const section = findSection(outline, "Cases");
  const table = section?.nodes.find((node): node is Table => node.type === "table");
  if (!section || !table) {
    report(
      ctx.file,
      "error",
      "a union page has a `## Cases` section with a `| Type |` table; add one",
      section ? startOf(section.heading) : DOC_START,
      "bad-type",
    );
    return undefined;
  }
  const members: UnionMember[] = [];
  for (const row of table.children.slice(1)) {
    const cell = row.children[0];
    if (!cell) continue;
    const at = startOf(cell);
    const parsed = readMemberType(cell.children, at, ctx, ctx.names);
    if (parsed) members.push({ type: dropUndefined(parsed.type), position: cell.position ?? { start: at, end: at } });
  }
  return unionBody(members, ctx, "the Cases table lists no member", startOf(section.heading));
}

/**
 * An enum page lists its members' names, never their values. The values are taken as the
 * names in snake_case (`OnHold` → `on_hold`): of the ways tried on a real tree's 570 member
 * names, that one matched the most values its JSON examples show (276; lower case 147, as
 * written 26). `Enum`-prefixed names stand for values with spaces (`assumedValue`). A warning
 * says so on every such page.
 */
function readEnumNames(outline: DocOutline, naming: Section, ctx: ReadContext): ModelDoc["body"] | undefined {
  const section = findSection(outline, "Fields");
  const table = section?.nodes.find((node): node is Table => node.type === "table");
  if (!section || !table) {
    report(
      ctx.file,
      "error",
      "an enum page has a `## Fields` section with a `| Name |` table; add one",
      startOf(naming.heading),
      "bad-enum",
    );
    return undefined;
  }
  const titles = table.children[0]?.children.map((cell) => toString(cell).trim().toLowerCase()) ?? [];
  const valueColumn = titles.indexOf("value");
  const members: EnumMember[] = [];
  for (const row of table.children.slice(1)) {
    const name = row.children[0] ? toString(row.children[0]).trim() : "";
    if (name === "") continue;
    const position: Position = row.position ?? { start: DOC_START, end: DOC_START };
    const stated = valueColumn > 0 && row.children[valueColumn] ? toString(row.children[valueColumn]).trim() : "";
    members.push({ name, value: stated === "" ? assumedValue(name) : stated, position });
  }
  if (members.length === 0) {
    report(ctx.file, "error", "the enum lists no member", startOf(section.heading), "bad-enum");
    return undefined;
  }
  if (valueColumn > 0) return { kind: "enum", members, open: false };
  // Examples elsewhere in the tree may show the values (`ir/enum-values.ts`).
  const sample = members[0]!;
  report(
    ctx.file,
    "warning",
    `APIMatic's enum pages give member names, not the values JSON carries; the values are taken as the examples of the tree write the names, else as the names in snake_case (\`${sample.name}\` is "${String(sample.value)}"); if the API sends others, add a Value column to the table that states them`,
    startOf(table),
    "enum-values-assumed",
  );
  return { kind: "enum", members, open: false, assumedValues: true };
}

/**
 * The value an enum member's name stands for: its snake_case form, but for a name APIMatic made
 * from a value that is no identifier (`EnumBusinessSoftware` for "Business Software"), the words
 * after `Enum` with spaces between them.
 */
export function assumedValue(name: string): string {
  const words = /^Enum(?=[A-Z\d])(.+)$/.exec(name)?.[1];
  return words === undefined ? snakeCase(name) : words.replace(/(?<=[a-z\d])(?=[A-Z])/g, " ");
}

/** `OnHold` → `on_hold`, `Braintree1` → `braintree1`, `HTMLBody` → `html_body`. */
export function snakeCase(name: string): string {
  return name
    .replace(/(?<=[a-z\d])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/g, "_")
    .replace(/[\s.-]+/g, "_")
    .replace(/[^\w]/g, "")
    .toLowerCase();
}

/** The `## Example (as JSON)` block as the model's example. */
function jsonExample(section: Section | undefined): ExampleCode | undefined {
  const code = section?.nodes.find((node): node is Code => node.type === "code");
  if (!code?.position) return undefined;
  const value = parseJsonExample(code.value);
  const start = { line: code.position.start.line + 1, column: 1 };
  return value ? { position: { start, end: code.position.end }, value } : undefined;
}
