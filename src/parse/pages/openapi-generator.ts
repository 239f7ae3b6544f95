/**
 * OpenAPI Generator's model pages: `# Pet`, a description, `## Properties` with
 * `Name | Type | Description | Notes` (`[optional]` in Notes), or `## Enum` with
 * `` * `NAME` (value: `'v'`) `` bullets; Java adds `## Enum: StateEnum` tables for the
 * enums of its fields, linked as `[**StateEnum**](#StateEnum)`, which `openapi-generator-split.ts`
 * cuts into docs of their own (the enum `IdentityStateEnum`). API pages are not models.
 */
import type { Table } from "mdast";
import { toString } from "../markdown-stack.js";
import { DOC_START, report, startOf } from "../../shared/diagnostics.js";
import type { ModelDoc, TypeExpr } from "../../ir/types.js";
import { sourceText } from "../cell-text.js";
import { readEnumValues } from "../enum-values.js";
import { readFieldsSection, type ReadContext } from "../fields-table.js";
import { findSection, type DocOutline, type Section } from "../sections.js";
import type { PageRead } from "./page.js";

/** `## Enum: StateEnum`: an enum of one field, on its object's page. */
const INLINE_ENUM = /^Enum:\s*(\w+)$/;

export function readOpenApiGeneratorPage(outline: DocOutline, ctx: ReadContext, path: string): PageRead {
  const { file } = ctx;
  if (
    [outline.intro, ...outline.sections.map((section) => section.nodes)].some((nodes) => nodes.some(isOperationTable))
  ) {
    report(
      file,
      "info",
      "skipped: an API page (a `Method | HTTP request | Description` table) documents operations, not a model",
      DOC_START,
      "not-a-model",
    );
    return { skipped: true };
  }
  const properties = findSection(outline, "Properties");
  const values = findSection(outline, "Enum") ?? findSection(outline, "Values");
  const inline = outline.sections.find((section) => INLINE_ENUM.test(section.title));
  if (!properties && !values && inline && outline.title) return readInlineEnum(outline, inline, ctx, path);
  if (!properties && !values) {
    report(file, "info", "skipped: no Properties or Enum section, so not a model page", DOC_START, "not-a-model");
    return { skipped: true };
  }
  if (!outline.title) {
    report(file, "error", "a model page starts with a `# Name` title; add one", DOC_START, "missing-title");
    return { skipped: false };
  }
  const name = modelName(toString(outline.title).trim());
  let body: ModelDoc["body"] | undefined;
  const table = properties?.nodes.find((node): node is Table => node.type === "table");
  if (table && table.children.length <= 1) {
    // C#, PHP and Ruby pages show an enum so (its values are not on the page), and every language a free-form object.
    report(
      file,
      "warning",
      `\`${name}\` has a Properties table without properties: OpenAPI Generator writes an enum (C#, PHP, Ruby) or a free-form object so, and the page does not say which, so it is typed \`unknown\`; add its values in a \`## Enum\` list, or its properties`,
      startOf(properties!.heading),
      "empty-union",
    );
    body = {
      kind: "union",
      members: [
        { type: { kind: "unknown" }, position: properties!.heading.position ?? { start: DOC_START, end: DOC_START } },
      ],
    };
  } else if (properties) {
    const fields = readFieldsSection(properties, ctx);
    body = fields && {
      kind: "object",
      fields: fields.map((field) => ({ ...field, type: withInlineEnums(field.type, name) })),
    };
  } else {
    body = readEnumValues(values!.nodes, startOf(values!.heading), ctx);
  }
  if (!body || file.messages.some((message) => message.fatal === true)) return { skipped: false };
  const model: ModelDoc = {
    name,
    path,
    description: sourceText(outline.intro, ctx.source, ctx.mdx),
    body,
    position: outline.title.position ?? { start: DOC_START, end: DOC_START },
  };
  return { model, skipped: false };
}

/**
 * The model's name in its title: PHP's pages write `# # Pet`, Ruby's `# Petstore::Pet`, C#'s
 * `# Org.OpenAPITools.Model.Pet`, Dart's `# openapi.model.Pet`: the last part is the name.
 */
function modelName(title: string): string {
  const bare = title.replace(/^#\s+/, "");
  const last = bare.split(/::|\./).pop() ?? bare;
  return /^[A-Za-z_$][\w$]*$/.test(last) ? last : bare;
}

function isOperationTable(node: unknown): node is Table {
  if ((node as { type?: string }).type !== "table") return false;
  const header = (node as Table).children[0];
  const titles = header?.children.map((cell) => toString(cell).trim().toLowerCase()) ?? [];
  return titles.includes("method") && titles.includes("http request");
}

/** A `## Enum: StateEnum` section cut from its object's page: the enum `<Object><StateEnum>`. */
function readInlineEnum(outline: DocOutline, section: Section, ctx: ReadContext, path: string): PageRead {
  const enumName = INLINE_ENUM.exec(section.title)![1]!;
  const body = readEnumValues(section.nodes, startOf(section.heading), ctx);
  if (!body || ctx.file.messages.some((message) => message.fatal === true)) return { skipped: false };
  const name = `${modelName(toString(outline.title!).trim())}${enumName}`;
  const model: ModelDoc = {
    name,
    path,
    description: "",
    body,
    position: section.heading.position ?? { start: DOC_START, end: DOC_START },
  };
  return { model, skipped: false };
}

/** A field typed by a link to an enum on its page (`[**StateEnum**](#StateEnum)`) holds the enum `<Object><StateEnum>`. */
function withInlineEnums(type: TypeExpr, owner: string): TypeExpr {
  switch (type.kind) {
    case "ref":
    case "external":
      return type.href?.startsWith("#") ? { kind: "ref", name: `${owner}${type.href.slice(1)}` } : type;
    case "array":
      return { kind: "array", element: withInlineEnums(type.element, owner) };
    case "record":
      return { kind: "record", value: withInlineEnums(type.value, owner) };
    case "union":
      return { kind: "union", members: type.members.map((member) => withInlineEnums(member, owner)) };
    default:
      return type;
  }
}
