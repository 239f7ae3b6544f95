/** Markdown → mdast with GitHub-flavoured tables and YAML front matter, the only markdown entry point. */
import type { Root } from "mdast";
import { remarkFrontmatter, remarkGfm, remarkParse, unified } from "./markdown-stack.js";

// Front matter is a `yaml` node, not a thematic break and a paragraph of `title: …` text.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).freeze();

/** Parses one markdown document into an mdast tree with positions. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
