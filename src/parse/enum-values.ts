/** Reads the `## Values` section of an enum: a `Name | Value` table, a typescript block, or a bullet list. */
import type { Code, List, RootContent, Table } from "mdast";
import { toString } from "./markdown-stack.js";
import { DOC_START, report, startOf } from "../shared/diagnostics.js";
import type { EnumMember, EnumModel, Point } from "../ir/types.js";
import type { ReadContext } from "./fields-table.js";
import { tokenizeCell, type Token } from "./type-cell.js";

/** Reads the members of an enum from the nodes of its Values section. */
export function readEnumValues(nodes: readonly RootContent[], at: Point, ctx: ReadContext): EnumModel | undefined {
  const table = nodes.find((node): node is Table => node.type === "table");
  if (table) return readValuesTable(table, ctx);
  const code = nodes.find((node): node is Code => node.type === "code");
  if (code) return readValuesBlock(code, ctx);
  const list = nodes.find((node): node is List => node.type === "list");
  if (list) return readValuesList(list, nodes.some(saysOpen), ctx);
  report(
    ctx.file,
    "error",
    'the Values section has neither a `Name | Value` table, a typescript block like `"a" | "b"`, nor a list of values like - `"a"`',
    at,
    "bad-enum",
  );
  return undefined;
}

function readValuesTable(table: Table, ctx: ReadContext): EnumModel | undefined {
  const [header, ...rows] = table.children;
  const titles = header?.children.map((cell) => toString(cell).trim().toLowerCase()) ?? [];
  const valueIndex = titles.indexOf("value");
  const nameIndex = titles.indexOf("name");
  if (valueIndex < 0) {
    report(
      ctx.file,
      "error",
      "the Values table has no Value column; expected `Name | Value`",
      startOf(header ?? table),
      "missing-column",
    );
    return undefined;
  }
  const members: EnumMember[] = [];
  for (const row of rows) {
    const valueCell = row.children[valueIndex];
    const written = valueCell ? toString(valueCell).trim() : "";
    // Other generators quote a string value (`"eu-central"`) and write a number bare.
    const value = ctx.family === "speakeasy" ? written : literalValue(written);
    if (!valueCell || written === "") {
      report(ctx.file, "error", "this enum row has no value", startOf(row), "bad-enum");
      continue;
    }
    // Other languages' docs name members as their SDK does (Go's `ReasonFairUse`, Java's `FAIR_USE`), not as TypeScript does.
    const nameCell = nameIndex >= 0 && ctx.dialect === "typescript" ? row.children[nameIndex] : undefined;
    const name = nameCell ? toString(nameCell).trim() : "";
    const position = row.position ?? { start: DOC_START, end: DOC_START };
    members.push(name === "" ? { value, position } : { name, value, position });
  }
  return checkMembers({ kind: "enum", members, open: false }, startOf(table), ctx);
}

/** A value cell read as the literal it writes: `"eu-central"` is a string, `1` a number, anything else the text. */
function literalValue(text: string): string | number {
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return Number(text);
  const quoted = /^(["'])(.*)\1$/s.exec(text);
  return quoted ? quoted[2]! : text;
}

/** `"a" | "b" | Unrecognized<string>`: literals, and an optional open-enum marker. */
function readValuesBlock(code: Code, ctx: ReadContext): EnumModel | undefined {
  // Code content starts on the line after the fence.
  const start: Point = { line: (code.position?.start.line ?? 0) + 1, column: 1 };
  const tokens = tokenizeCell([{ type: "text", value: code.value, position: { start, end: start } }], start);
  if (!Array.isArray(tokens)) {
    report(ctx.file, "error", `cannot read the enum values: ${tokens.reason}`, tokens.at, "bad-enum");
    return undefined;
  }
  const members: EnumMember[] = [];
  let open = false;
  // An empty block lists no values: that is said below, at the block.
  for (const part of tokens.length === 0 ? [] : splitOnBars(tokens)) {
    const [first] = part;
    if (part.length === 1 && (first?.kind === "string" || first?.kind === "number")) {
      members.push({ value: first.value, position: { start: first.at, end: first.at } });
    } else if (first?.kind === "name" && first.text === "Unrecognized") {
      open = true;
    } else {
      report(
        ctx.file,
        "error",
        'an enum value must be a string or number literal, e.g. "active" | "blocked"',
        first?.at ?? start,
        "bad-enum",
      );
      return undefined;
    }
  }
  return checkMembers({ kind: "enum", members, open }, startOf(code), ctx);
}

/** "This is an open enum. Unrecognized values will not fail type checks." (Python docs). */
function saysOpen(node: RootContent): boolean {
  return node.type === "paragraph" && /\bopen enum\b/i.test(toString(node));
}

/** `NAME (value: 'v')`: a member's name and its value's literal. */
const NAMED_VALUE = /^(\S+)\s+\(value:\s*(.+)\)$/s;

/** A list with one value per item, each a literal: - `"word"`, - `100`. */
function readValuesList(list: List, open: boolean, ctx: ReadContext): EnumModel | undefined {
  const members: EnumMember[] = [];
  for (const item of list.children) {
    const at = startOf(item);
    const whole = toString(item).trim();
    // OpenAPI Generator names each member: `INBOUND` (value: `'inbound'`).
    const named = NAMED_VALUE.exec(whole);
    const text = named ? named[2]! : whole;
    const tokens = tokenizeCell([{ type: "text", value: text, position: { start: at, end: at } }], at);
    const [first] = Array.isArray(tokens) ? tokens : [];
    if (!Array.isArray(tokens) || tokens.length !== 1 || (first?.kind !== "string" && first?.kind !== "number")) {
      report(
        ctx.file,
        "error",
        `the enum value \`${text}\` is no string or number literal; write each value as - \`"active"\` or - \`1\``,
        at,
        "bad-enum",
      );
      return undefined;
    }
    const position = item.position ?? { start: at, end: at };
    // Other languages' docs name members as their SDK does, not as TypeScript does.
    members.push(
      named && ctx.dialect === "typescript"
        ? { name: named[1]!, value: first.value, position }
        : { value: first.value, position },
    );
  }
  return checkMembers({ kind: "enum", members, open }, startOf(list), ctx);
}

function splitOnBars(tokens: readonly Token[]): Token[][] {
  const parts: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind === "punct" && token.text === "|") parts.push([]);
    else parts[parts.length - 1]!.push(token);
  }
  return parts;
}

/** Drops repeated values (with a warning); `at` is where the values were expected, for an enum with none. */
function checkMembers(model: EnumModel, at: Point, ctx: ReadContext): EnumModel | undefined {
  if (model.members.length === 0) {
    report(ctx.file, "error", "the enum lists no values", at, "bad-enum");
    return undefined;
  }
  const seen = new Set<string | number>();
  for (const member of model.members) {
    if (seen.has(member.value)) {
      report(
        ctx.file,
        "warning",
        `the enum value ${JSON.stringify(member.value)} is listed twice`,
        member.position,
        "bad-enum",
      );
    }
    seen.add(member.value);
  }
  model.members = model.members.filter(
    (member, index, all) => all.findIndex((m) => m.value === member.value) === index,
  );
  return model;
}
