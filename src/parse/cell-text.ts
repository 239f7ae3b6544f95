/** Reads table cells and paragraphs back as the markdown source their author wrote. */
import type { Nodes } from "mdast";
import type { Position } from "../ir/types.js";

const LINE_BREAK_TAG = /<br\s*\/?>/gi;

/**
 * The source text spanned by `nodes`, with the table escape `\|` (and in an `.mdx` doc, MDX's
 * escapes) undone and `<br/>` read as a line break: descriptions keep their markdown, examples keep their text.
 */
export function sourceText(nodes: readonly Nodes[], source: string, mdx = false): string {
  const range = spanOf(nodes);
  if (!range) return "";
  const raw = source
    .slice(range.start.offset, range.end.offset)
    .replace(/\\\|/g, "|")
    .replace(LINE_BREAK_TAG, "\n")
    .trim();
  return mdx ? raw.replace(MDX_ESCAPE, "$1") : raw;
}

/** MDX reads `{` as an expression and `<` as a tag, so `.mdx` pages escape them (`\{"code": 400}`); the text has them plain. */
const MDX_ESCAPE = /\\([{}<>])/g;

/** The position covering all of `nodes`, or `undefined` for none. */
export function spanOf(
  nodes: readonly Nodes[],
): (Position & { start: { offset: number }; end: { offset: number } }) | undefined {
  const first = nodes[0]?.position;
  const last = nodes[nodes.length - 1]?.position;
  if (!first || !last || first.start.offset === undefined || last.end.offset === undefined) return undefined;
  return {
    start: { line: first.start.line, column: first.start.column, offset: first.start.offset },
    end: { line: last.end.line, column: last.end.column, offset: last.end.offset },
  };
}
