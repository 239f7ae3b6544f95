/** Markdown → mdast with GitHub-flavoured tables, the only markdown entry point. */
import type { Root } from "mdast";
import { remarkGfm, remarkParse, unified } from "./markdown-stack.js";

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/** Parses one markdown document into an mdast tree with positions. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
