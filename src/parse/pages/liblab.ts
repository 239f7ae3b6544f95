/**
 * liblab's model pages (one model per doc here: `liblab-split.ts` cuts the pages): `# Name`, a
 * description, `**Properties**` and `| Name | Type | Required | Description |` with ✅ / ❌.
 * An enum is written as such a table whose every Description is the member's literal
 * (`| LAST_30_DAYS | string | ✅ | "last_30_days" |`); a union says "This is a union type" and
 * lists its members as `# Member` sections that link to their pages.
 */
import type { Link, RootContent, Table } from "mdast";
import { toString } from "../markdown-stack.js";
import { DOC_START, report, startOf } from "../../shared/diagnostics.js";
import type { EnumMember, ModelDoc, UnionMember } from "../../ir/types.js";
import { sourceText } from "../cell-text.js";
import { readFieldsTable, type ReadContext } from "../fields-table.js";
import type { DocOutline } from "../sections.js";
import type { PageRead } from "./page.js";
import { unionBody } from "../union-members.js";

const UNION_SAYS = /\bThis is a union type\b/i;
/** A Description cell that is a member's literal: `"last_30_days"`, `1`. */
const LITERAL = /^(?:"((?:[^"\\]|\\.)*)"|(-?\d+(?:\.\d+)?))$/;

export function readLiblabPage(outline: DocOutline, ctx: ReadContext, path: string): PageRead {
  const { file } = ctx;
  if (!outline.title) {
    report(file, "info", "skipped: no `# Name` title, so not a model page", DOC_START, "not-a-model");
    return { skipped: true };
  }
  const name = toString(outline.title).trim();
  const marker = outline.intro.findIndex(isPropertiesLabel);
  const table =
    marker >= 0 ? outline.intro.slice(marker + 1).find((node): node is Table => node.type === "table") : undefined;
  const union = outline.intro.some((node) => node.type === "paragraph" && UNION_SAYS.test(toString(node)));
  const described =
    marker >= 0
      ? outline.intro.slice(0, marker)
      : outline.intro.filter((node) => !(node.type === "paragraph" && UNION_SAYS.test(toString(node))));
  let body: ModelDoc["body"] | undefined;
  if (union) {
    body = readMembers(outline, ctx);
  } else if (table) {
    body = literalRows(table) ? readEnumTable(table, ctx) : readObject(table, ctx);
  } else {
    // liblab writes a model of primitive members (`string | number`) so, naming none of them.
    const position = outline.title.position ?? { start: DOC_START, end: DOC_START };
    report(
      file,
      "warning",
      `\`${name}\` has no Properties table and names no member, so it is typed \`unknown\`; add a \`**Properties**\` table, or make it a union whose \`# Member\` sections link to their pages`,
      position.start,
      "empty-union",
    );
    body = { kind: "union", members: [{ type: { kind: "unknown" }, position }] };
  }
  if (!body || file.messages.some((message) => message.fatal === true)) return { skipped: false };
  const model: ModelDoc = {
    name,
    path,
    description: sourceText(described, ctx.source, ctx.mdx),
    body,
    position: outline.title.position ?? { start: DOC_START, end: DOC_START },
  };
  return { model, skipped: false };
}

function isPropertiesLabel(node: RootContent): boolean {
  return node.type === "paragraph" && toString(node).trim() === "Properties" && node.children[0]?.type === "strong";
}

function readObject(table: Table, ctx: ReadContext): ModelDoc["body"] | undefined {
  const fields = readFieldsTable(table, ctx);
  return fields && { kind: "object", fields };
}

/** The Description column, when every row's is a literal: the table is an enum's. */
function literalRows(table: Table): boolean {
  const [header, ...rows] = table.children;
  const column = header?.children.findIndex((cell) => toString(cell).trim().toLowerCase() === "description") ?? -1;
  return column >= 0 && rows.length > 0 && rows.every((row) => LITERAL.test(cellText(row.children[column])));
}

function cellText(cell: Table["children"][number]["children"][number] | undefined): string {
  return cell ? toString(cell).trim() : "";
}

function readEnumTable(table: Table, ctx: ReadContext): ModelDoc["body"] {
  const [header, ...rows] = table.children;
  const titles = header!.children.map((cell) => toString(cell).trim().toLowerCase());
  const nameColumn = titles.indexOf("name");
  const valueColumn = titles.indexOf("description");
  const members: EnumMember[] = [];
  const seen = new Set<string | number>();
  for (const row of rows) {
    const [, text, number] = LITERAL.exec(cellText(row.children[valueColumn]))!;
    const value = number !== undefined ? Number(number) : (JSON.parse(`"${text!}"`) as string);
    const position = row.position ?? { start: DOC_START, end: DOC_START };
    if (seen.has(value)) {
      report(ctx.file, "warning", `the enum value ${JSON.stringify(value)} is listed twice`, position, "bad-enum");
      continue;
    }
    seen.add(value);
    const name = nameColumn >= 0 ? cellText(row.children[nameColumn]) : "";
    members.push(name === "" ? { value, position } : { name, value, position });
  }
  return { kind: "enum", members, open: false };
}

/** A union's members: each `# Member` section after the title, by the page its pointer links to. */
function readMembers(outline: DocOutline, ctx: ReadContext): ModelDoc["body"] | undefined {
  const members: UnionMember[] = [];
  for (const section of outline.sections) {
    const link = section.nodes
      .flatMap((node) => (node.type === "paragraph" ? node.children : []))
      .find((node): node is Link => node.type === "link");
    const position = section.heading.position ?? { start: DOC_START, end: DOC_START };
    members.push({
      type: link ? { kind: "ref", name: section.title, href: link.url } : { kind: "ref", name: section.title },
      position,
    });
  }
  return unionBody(members, ctx, "the page says it is a union but lists no `# Member` section", startOf(outline.title));
}
