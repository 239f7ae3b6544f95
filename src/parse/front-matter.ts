/** Reads a doc's YAML front matter (`title: "Agent"`): where `.mdx` docs sites keep the page title. */
import type { Yaml } from "mdast";
import { isScalar, LineCounter, parseDocument } from "./markdown-stack.js";
import type { Position } from "../ir/types.js";

export interface FrontMatter {
  /** The `title` value, when it is a non-empty string. */
  title?: { text: string; position: Position };
  /** The `description` value, when it is a non-empty string: the page's description when it has no intro. */
  description?: string;
  /** Why the front matter could not be read, with its place. */
  error?: { reason: string; position: Position };
}

/** The title and description of `node`, a front matter block; positions are the doc's (the block starts after its `---` line). */
export function readFrontMatter(node: Yaml): FrontMatter {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const lines = new LineCounter();
  const document = parseDocument(node.value, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number): Position["start"] => {
    const place = lines.linePos(offset);
    return { line: start.line + place.line, column: place.col };
  };
  const firstError = document.errors[0];
  if (firstError) {
    const place = at(firstError.pos[0]);
    return { error: { reason: firstError.message.split("\n")[0]!, position: { start: place, end: place } } };
  }
  const front: FrontMatter = {};
  const title = document.get("title", true);
  if (isScalar(title) && typeof title.value === "string" && title.value.trim() !== "") {
    const [from, to] = title.range ?? [0, 0];
    front.title = { text: title.value.trim(), position: { start: at(from), end: at(to) } };
  }
  const description = document.get("description", true);
  if (isScalar(description) && typeof description.value === "string" && description.value.trim() !== "")
    front.description = description.value.trim();
  return front;
}
