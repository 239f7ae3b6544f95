/** Splits a doc's mdast into its title, its intro and its `##` sections. */
import type { Heading, Root, RootContent, Yaml } from "mdast";
import { toString } from "./markdown-stack.js";

export interface Section {
  /** The `##` heading text, e.g. `Fields`. */
  title: string;
  heading: Heading;
  /** Everything after the heading up to the next `##` (or higher) heading. */
  nodes: RootContent[];
}

export interface DocOutline {
  /** The YAML block at the top of the doc, if any (`.mdx` docs sites keep the title there). */
  frontMatter?: Yaml;
  title?: Heading;
  /** Nodes between the title and the first section. */
  intro: RootContent[];
  sections: Section[];
}

/** Finds the `#` title and groups the rest under the `##` headings. */
export function outlineDoc(root: Root): DocOutline {
  const outline: DocOutline = { intro: [], sections: [] };
  let current: Section | undefined;
  for (const node of root.children) {
    if (node.type === "yaml") {
      outline.frontMatter ??= node;
    } else if (node.type === "heading" && node.depth === 1 && outline.title === undefined && current === undefined) {
      outline.title = node;
    } else if (node.type === "heading" && node.depth <= 2) {
      current = { title: toString(node).trim(), heading: node, nodes: [] };
      outline.sections.push(current);
    } else if (current) {
      current.nodes.push(node);
    } else {
      outline.intro.push(node);
    }
  }
  return outline;
}

/** The first section whose title matches (case-insensitive). */
export function findSection(outline: DocOutline, title: string): Section | undefined {
  const wanted = title.toLowerCase();
  return outline.sections.find((section) => section.title.toLowerCase() === wanted);
}
