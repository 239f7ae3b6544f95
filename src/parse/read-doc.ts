/** Reads one markdown doc into a `ModelDoc`, or says why it is not one. */
import type { Code, Heading, RootContent } from "mdast";
import { toString, VFile } from "./markdown-stack.js";
import { DOC_START, report, startOf } from "../shared/diagnostics.js";
import type { ExampleCode, ModelBody, ModelDoc, Position, TypeExpr, UnionMember } from "../ir/types.js";
import { sourceText } from "./cell-text.js";
import { readEnumValues } from "./enum-values.js";
import { readExampleCode } from "./example-literal.js";
import { readFieldsSection, type ReadContext } from "./fields-table.js";
import { parseMarkdown } from "./markdown.js";
import { readFrontMatter } from "./front-matter.js";
import { findSection, outlineDoc, type DocOutline, type Section } from "./sections.js";
import { parseTypeCell } from "./type-cell.js";
import { readMemberType, unionBody } from "./union-members.js";
import { DIALECT_LABELS } from "../shared/dialects.js";
import { familyOf, TYPESCRIPT_READ, type ReadOptions } from "../shared/read-options.js";
import type { Family } from "../shared/families.js";
import { typeNamesOf } from "./family-type-names.js";
import type { TypeNameOverrides } from "./type-cell.js";
import type { PageRead, PageReader } from "./pages/page.js";
import { readOpenApiGeneratorPage } from "./pages/openapi-generator.js";
import { readApimaticPage } from "./pages/apimatic.js";
import { readLiblabPage } from "./pages/liblab.js";
import type { SourceDoc } from "../shared/source-doc.js";
import { nonModelPath } from "./model-paths.js";
import { markdownBudget } from "./markdown-budget.js";
import { MAX_DOC_BYTES } from "../shared/limits.js";
import { megabytes } from "../shared/read-text.js";

export type { SourceDoc };
export { nonModelPath };

export interface ReadResult {
  /** The doc's messages; `file.path` is the doc path. */
  file: VFile;
  /** The model, when the doc is a model doc that could be read. */
  model?: ModelDoc;
  /** `true` when the doc is not a model doc (an operation page, a README). */
  skipped: boolean;
}

export { MAX_DOC_BYTES };

/** Reads a doc in the dialect of its tree; never throws on bad input, it reports on `file` instead. */
export function readDoc(doc: SourceDoc, options: ReadOptions = TYPESCRIPT_READ): ReadResult {
  const { dialect } = options;
  // A byte-order mark is an encoding detail, not part of the title.
  const text = doc.text.charCodeAt(0) === 0xfeff ? doc.text.slice(1) : doc.text;
  const file = new VFile({ path: doc.path, value: text });
  if (doc.bytes !== undefined || text.length > MAX_DOC_BYTES) {
    const size = megabytes(doc.bytes ?? text.length);
    report(
      file,
      "error",
      `the doc is ${size}, over the ${megabytes(MAX_DOC_BYTES)} a model doc may have; split it or remove it from the input`,
      DOC_START,
      "doc-too-large",
    );
    return { file, skipped: false };
  }
  const notModel = nonModelPath(doc.path);
  if (notModel) {
    report(file, "info", `skipped: ${notModel}`, DOC_START, "not-a-model");
    return { file, skipped: true };
  }
  const source = text;
  // Checked before parsing: past these limits the markdown parser's time grows with the square of the input.
  const breach = markdownBudget(source);
  if (breach) {
    report(
      file,
      "error",
      `${breach.reason}; mdmodel refuses it rather than spend minutes parsing it: split the text or remove the doc from the input`,
      { line: breach.line, column: breach.column },
      "doc-too-complex",
    );
    return { file, skipped: false };
  }
  const family = familyOf(options);
  const ctx: ReadContext = {
    file,
    source,
    dialect,
    fieldNames: options.fieldNames,
    mdx: /\.mdx$/i.test(doc.path),
    explicitNulls: options.explicitNulls === true,
    family,
    ...withNames(typeNamesOf(family, dialect)),
  };
  const outline = outlineDoc(parseMarkdown(source));
  const page = PAGE_READERS[family](outline, ctx, doc.path);
  return { file, ...page };
}

function withNames(names: TypeNameOverrides | undefined): { names?: TypeNameOverrides } {
  return names ? { names } : {};
}

/** Each family's page reader. */
const PAGE_READERS: Readonly<Record<Family, PageReader>> = {
  speakeasy: readSpeakeasyPage,
  "openapi-generator": readOpenApiGeneratorPage,
  apimatic: readApimaticPage,
  liblab: readLiblabPage,
};

/** A Speakeasy page (and a hand-written one of its shape): `## Fields`, `## Values` or `## Supported Types`. */
function readSpeakeasyPage(outline: DocOutline, ctx: ReadContext, path: string): PageRead {
  const { file, source, dialect } = ctx;
  const fields = findSection(outline, "Fields");
  const values = findSection(outline, "Values");
  const supported = findSection(outline, "Supported Types");
  const front = outline.frontMatter ? readFrontMatter(outline.frontMatter) : undefined;
  if (front?.error)
    report(
      file,
      "warning",
      `the front matter is not YAML mdmodel can read: ${front.error.reason}`,
      front.error.position,
      "front-matter",
    );
  const title = outline.title
    ? { name: toString(outline.title).trim(), position: outline.title.position ?? { start: DOC_START, end: DOC_START } }
    : front?.title && { name: front.title.text, position: front.title.position };
  // Pages at the tree's root (an overview, an index) are the site's, not models without a section.
  if (!fields && !values && !supported) {
    if (dialect !== "typescript" && title && outline.sections.length === 0 && path.includes("/"))
      return emptyUnion(outline, title, path, ctx);
    report(
      file,
      "info",
      "skipped: no Fields, Values or Supported Types section, so not a model doc",
      DOC_START,
      "not-a-model",
    );
    return { skipped: true };
  }
  // The `# Name` heading, else the front matter's `title` (`.mdx` docs sites).
  if (!title) {
    report(
      file,
      "error",
      "a model doc starts with a `# Name` title (or a `title:` in its front matter); add one",
      DOC_START,
      "missing-title",
    );
    return { skipped: false };
  }

  const name = title.name;
  const body = fields
    ? readObject(fields, ctx)
    : values
      ? readEnumValues(values.nodes, startOf(values.heading), ctx)
      : readUnion(supported!, name, ctx);
  if (!body || file.messages.some((message) => message.fatal === true)) return { skipped: false };

  const model: ModelDoc = {
    name,
    path,
    description: sourceText(outline.intro, source, ctx.mdx) || (front?.description ?? ""),
    body,
    position: title.position,
  };
  const discrimination = findSection(outline, "Union Discrimination");
  if (discrimination && body.kind === "union") {
    const note =
      "`## Union Discrimination` shows how the SDK's own union wrapper tells its members apart (its `Type` tag), which the JSON does not carry; the members' own fields tell them apart, so the section is not read";
    report(file, "info", note, startOf(discrimination.heading), "sdk-type");
  }
  const usage = findSection(outline, "Example Usage");
  const exampleUsage = usage ? firstCodeBlock(usage.nodes, ctx) : undefined;
  if (exampleUsage) model.exampleUsage = exampleUsage;
  return { model, skipped: false };
}

interface DocTitle {
  name: string;
  position: Position;
}

/**
 * A page with a title and no section: the Java, C# and Ruby SDKs publish their unions so,
 * without members. It says only that the model exists, so it is typed `unknown`.
 */
function emptyUnion(outline: DocOutline, title: DocTitle, path: string, ctx: ReadContext): PageRead {
  const { name, position } = title;
  report(
    ctx.file,
    "warning",
    `\`${name}\` has no Fields, Values or Supported Types section (${DIALECT_LABELS[ctx.dialect]} SDK docs publish unions so), so it is typed \`unknown\`; add a \`## Supported Types\` section with a \`### T\` heading per member to type it`,
    position,
    "empty-union",
  );
  const model: ModelDoc = {
    name,
    path,
    description: sourceText(outline.intro, ctx.source, ctx.mdx),
    body: { kind: "union", members: [{ type: { kind: "unknown" }, position }] },
    position,
  };
  return { model, skipped: false };
}

function readObject(section: Section, ctx: ReadContext): ModelBody | undefined {
  const fields = readFieldsSection(section, ctx);
  return fields ? { kind: "object", fields } : undefined;
}

/** Each `### T` heading under Supported Types is one member of the union, with its example. */
function readUnion(section: Section, unionName: string, ctx: ReadContext): ModelBody | undefined {
  const members: UnionMember[] = [];
  section.nodes.forEach((node, index) => {
    if (!isMemberHeading(node)) return;
    const at = startOf(node);
    const next = section.nodes.slice(index + 1);
    const end = next.findIndex(isMemberHeading);
    const block = end < 0 ? next : next.slice(0, end);
    if (toString(node).trim() === "") {
      members.push(unnamedMember(node, block, ctx));
      return;
    }
    const parsed = readMemberType(node.children, at, ctx);
    if (!parsed) return;
    for (const note of parsed.notes) report(ctx.file, "info", note, at, "sdk-type");
    const type =
      ctx.dialect === "csharp"
        ? csharpMember(parsed.type, unionName)
        : parsed.mark && parsed.mark !== "absent"
          ? withNullMember(parsed.type)
          : parsed.type;
    const member: UnionMember = { type, position: node.position ?? { start: at, end: at } };
    const example = firstCodeBlock(block, ctx);
    if (example) member.example = example;
    members.push(member);
  });
  return unionBody(members, ctx, "the Supported Types section lists no `### T` member", startOf(section.heading));
}

/** The type a Go block builds a union member from: `CreateXStr(string{…})` is `string`. */
const CONSTRUCTOR_CALL = /\.Create\w*\(\s*([^(){}]+?)\s*\{/;

/**
 * A member under an empty `### ` heading (Speakeasy writes one for a primitive member): its
 * type is the one its block's constructor call names; without one it is `unknown`, with a warning.
 */
function unnamedMember(heading: Heading, block: readonly RootContent[], ctx: ReadContext): UnionMember {
  const position = heading.position ?? { start: DOC_START, end: DOC_START };
  const code = block.find((node): node is Code => node.type === "code");
  const call = code ? CONSTRUCTOR_CALL.exec(code.value) : null;
  if (code?.position && call) {
    const before = code.value.slice(0, call.index + call[0].indexOf(call[1]!, call[0].indexOf("(")));
    const lines = before.split("\n");
    const at = { line: code.position.start.line + lines.length, column: lines[lines.length - 1]!.length + 1 };
    const parsed = parseTypeCell([{ type: "text", value: call[1]! }], at, undefined, ctx.dialect);
    if (parsed.ok) {
      for (const note of parsed.notes) report(ctx.file, "info", note, at, "sdk-type");
      return { type: parsed.mark && parsed.mark !== "absent" ? withNullMember(parsed.type) : parsed.type, position };
    }
  }
  report(
    ctx.file,
    "warning",
    "this union member's heading is empty and its block names no type, so it is typed `unknown`; write the type in the heading, e.g. ### `string`",
    position.start,
    "unknown-type",
  );
  return { type: { kind: "unknown" }, position };
}

/** The first code block among `nodes`, read as an example; one that cannot be read is a warning. */
function firstCodeBlock(nodes: readonly RootContent[], ctx: ReadContext): ExampleCode | undefined {
  const code = nodes.find((node): node is Code => node.type === "code");
  if (!code?.position) return undefined;
  // `// No examples available for this model`: the generator says there is none.
  if (/^(?:\s*\/\/[^\n]*\n?)+$/.test(code.value)) return undefined;
  const start = { line: code.position.start.line + 1, column: 1 };
  const example: ExampleCode = { position: { start, end: code.position.end } };
  if (!isTypeScriptFence(code.lang)) return foreignExample(code.value, example);
  const read = readExampleCode(code.value, start);
  if (read.ok === "empty") {
    report(
      ctx.file,
      "info",
      "the example block declares no value (`let value: T = …;`), so there is no example",
      start,
      "bad-example",
    );
    return undefined;
  }
  if (read.ok === "placeholder") {
    report(
      ctx.file,
      "info",
      `the example block holds a placeholder (\`${read.text}\`), so there is no example`,
      start,
      "bad-example",
    );
    return undefined;
  }
  if (read.ok) example.value = read.value;
  else report(ctx.file, "warning", `the example is left out: ${read.reason}`, read.at, "bad-example");
  return example;
}

/**
 * C# names a union's members as its factory methods do (`CreateStr`, `CreateManual`): a
 * primitive by its JSON type, an inline member by its name within the union
 * (`### Manual` under `CreatePlaylistRequest` is `CreatePlaylistRequestManual`).
 */
function csharpMember(type: TypeExpr, unionName: string): TypeExpr {
  if (type.kind !== "ref" || type.href !== undefined) return type;
  const primitive = CSHARP_MEMBERS.get(type.name);
  if (primitive) return primitive;
  return { ...type, nested: `${unionName}${type.name}` };
}

const CSHARP_MEMBERS: ReadonlyMap<string, TypeExpr> = new Map<string, TypeExpr>([
  ["Str", { kind: "string" }],
  ["Integer", { kind: "integer" }],
  ["Number", { kind: "number" }],
  ["Boolean", { kind: "boolean" }],
]);

/** A member written under a wrapper (`Optional[X]`) is `X | null`. */
function withNullMember(type: TypeExpr): TypeExpr {
  return { kind: "union", members: [...(type.kind === "union" ? type.members : [type]), { kind: "null" }] };
}

function isTypeScriptFence(lang: string | null | undefined): boolean {
  return (
    lang === null || lang === undefined || ["typescript", "ts", "tsx", "javascript", "js"].includes(lang.toLowerCase())
  );
}

/** `value: Status = "active"` (Python): the one assignment of a literal this reads; the rest of other languages' code is left alone. */
const FOREIGN_LITERAL =
  /^\s*(?:value|\$value|var value|value :=)\s*(?::\s*[\w.]+\s*)?=\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)\s*;?\s*$/m;

/**
 * An example block in another language: a literal it assigns is read (enum pages show one
 * value so); anything else, code mdmodel does not parse, is no example, and no message.
 */
function foreignExample(code: string, example: ExampleCode): ExampleCode | undefined {
  const literal = FOREIGN_LITERAL.exec(code)?.[1];
  if (literal === undefined) return undefined;
  let value: string | number;
  try {
    value = JSON.parse(literal) as string | number;
  } catch {
    return undefined; // an escape JSON does not have, such as `\'`
  }
  return { ...example, value: typeof value === "number" ? { kind: "number", value } : { kind: "string", value } };
}

function isMemberHeading(node: RootContent): node is Heading {
  return node.type === "heading" && node.depth === 3;
}
