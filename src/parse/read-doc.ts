/** Reads one markdown doc into a `ModelDoc`, or says why it is not one. */
import type { Code, Heading, RootContent, Table } from "mdast";
import { toString, VFile } from "./markdown-stack.js";
import { DOC_START, report, startOf } from "../shared/diagnostics.js";
import type { ExampleCode, ModelBody, ModelDoc, Point, UnionMember } from "../ir/types.js";
import { sourceText } from "./cell-text.js";
import { readEnumValues } from "./enum-values.js";
import { readExampleCode } from "./example-literal.js";
import { readFieldsTable, type ReadContext } from "./fields-table.js";
import { parseMarkdown } from "./markdown.js";
import { findSection, outlineDoc, type Section } from "./sections.js";
import { parseTypeCell } from "./type-cell.js";
import type { SourceDoc } from "../shared/source-doc.js";

export type { SourceDoc };

export interface ReadResult {
  /** The doc's messages; `file.path` is the doc path. */
  file: VFile;
  /** The model, when the doc is a model doc that could be read. */
  model?: ModelDoc;
  /** `true` when the doc is not a model doc (an operation page, a README). */
  skipped: boolean;
}

/**
 * Folders an SDK's docs tree keeps for pages that are not models: `sdks/` documents
 * operations and `lib/` the SDK's utilities (their tables have no Required column).
 */
const NON_MODEL_FOLDERS = new Set(["sdks", "lib"]);

/** Why a path is not a model doc, or `undefined` when it may be one. */
export function nonModelPath(path: string): string | undefined {
  const parts = path.split("/");
  const folder = parts.slice(0, -1).find((part) => NON_MODEL_FOLDERS.has(part.toLowerCase()));
  if (folder) return `pages under ${folder}/ document the SDK, not models`;
  if (/^readme\.md$/i.test(parts[parts.length - 1] ?? "")) return "a README is not a model doc";
  return undefined;
}

/** Docs larger than this are refused: a model doc is a page, not a data dump. */
export const MAX_DOC_BYTES = 2 * 1024 * 1024;

/** Reads a doc; never throws on bad input, it reports on `file` instead. */
export function readDoc(doc: SourceDoc): ReadResult {
  // A byte-order mark is an encoding detail, not part of the title.
  const text = doc.text.charCodeAt(0) === 0xfeff ? doc.text.slice(1) : doc.text;
  const file = new VFile({ path: doc.path, value: text });
  if (text.length > MAX_DOC_BYTES) {
    const size = `${(text.length / 1024 / 1024).toFixed(1)} MB`;
    report(file, "error", `the doc is ${size}, over the ${MAX_DOC_BYTES / 1024 / 1024} MB a model doc may have; split it or remove it from the input`, DOC_START, "doc-too-large");
    return { file, skipped: false };
  }
  const notModel = nonModelPath(doc.path);
  if (notModel) {
    report(file, "info", `skipped: ${notModel}`, DOC_START, "not-a-model");
    return { file, skipped: true };
  }
  const source = text;
  const ctx: ReadContext = { file, source };
  const outline = outlineDoc(parseMarkdown(source));

  const fields = findSection(outline, "Fields");
  const values = findSection(outline, "Values");
  const supported = findSection(outline, "Supported Types");
  if (!fields && !values && !supported) {
    report(file, "info", "skipped: no Fields, Values or Supported Types section, so not a model doc", DOC_START, "not-a-model");
    return { file, skipped: true };
  }
  if (!outline.title) {
    report(file, "error", "a model doc starts with a `# Name` title; add one", DOC_START, "missing-title");
    return { file, skipped: false };
  }

  const name = toString(outline.title).trim();
  const body = fields
    ? readObject(fields, ctx)
    : values
      ? readEnumValues(values.nodes, startOf(values.heading), ctx)
      : readUnion(supported!, ctx);
  if (!body || file.messages.some((message) => message.fatal === true)) return { file, skipped: false };

  const model: ModelDoc = {
    name,
    path: doc.path,
    description: sourceText(outline.intro, source),
    body,
    position: outline.title.position ?? { start: DOC_START, end: DOC_START },
  };
  const usage = findSection(outline, "Example Usage");
  const exampleUsage = usage ? firstCodeBlock(usage.nodes, ctx) : undefined;
  if (exampleUsage) model.exampleUsage = exampleUsage;
  return { file, model, skipped: false };
}

function readObject(section: Section, ctx: ReadContext): ModelBody | undefined {
  const table = section.nodes.find((node): node is Table => node.type === "table");
  if (!table) {
    report(
      ctx.file,
      "error",
      "the Fields section has no table; expected `| Field | Type | Required | Description |` rows",
      startOf(section.heading),
      "malformed-table",
    );
    return undefined;
  }
  const fields = readFieldsTable(table, ctx);
  return fields ? { kind: "object", fields } : undefined;
}

/** Each `### T` heading under Supported Types is one member of the union, with its example. */
function readUnion(section: Section, ctx: ReadContext): ModelBody | undefined {
  const members: UnionMember[] = [];
  section.nodes.forEach((node, index) => {
    if (!isMemberHeading(node)) return;
    const at = startOf(node);
    const parsed = parseTypeCell(node.children, at, ctx.source);
    if (!parsed.ok) {
      report(ctx.file, "error", `cannot read the union member type: ${parsed.error.reason}`, parsed.error.at, "bad-type");
      return;
    }
    const member: UnionMember = { type: parsed.type, position: node.position ?? { start: at, end: at } };
    const next = section.nodes.slice(index + 1);
    const end = next.findIndex(isMemberHeading);
    const example = firstCodeBlock(end < 0 ? next : next.slice(0, end), ctx);
    if (example) member.example = example;
    members.push(member);
  });
  if (members.length === 0) {
    report(ctx.file, "error", "the Supported Types section lists no `### T` member", startOf(section.heading), "bad-type");
    return undefined;
  }
  return { kind: "union", members };
}

/** The first code block among `nodes`, read as an example; one that cannot be read is a warning. */
function firstCodeBlock(nodes: readonly RootContent[], ctx: ReadContext): ExampleCode | undefined {
  const code = nodes.find((node): node is Code => node.type === "code");
  if (!code?.position) return undefined;
  const start = { line: code.position.start.line + 1, column: 1 };
  const example: ExampleCode = { position: { start, end: code.position.end } };
  const read = readExampleCode(code.value, start);
  if (read.ok === "empty") {
    report(ctx.file, "info", "the example block declares no value (`let value: T = …;`), so there is no example", start, "bad-example");
    return undefined;
  }
  if (read.ok === "placeholder") {
    report(ctx.file, "info", `the example block holds a placeholder (\`${read.text}\`), so there is no example`, start, "bad-example");
    return undefined;
  }
  if (read.ok) example.value = read.value;
  else report(ctx.file, "warning", `the example is left out: ${read.reason}`, read.at, "bad-example");
  return example;
}

function isMemberHeading(node: RootContent): node is Heading {
  return node.type === "heading" && node.depth === 3;
}
