/**
 * OpenAPI Generator's Java pages define the enums of an object's fields on the object's page,
 * as `## Enum: StateEnum` sections; its TypeScript clients name each `<Object><StateEnum>`
 * (`IdentityStateEnum`). Each such section becomes a doc of its own at that name's path
 * (`IdentityStateEnum.md`), holding the page's title line and the section; the object's doc is
 * the page without them. Lines stay the page's, so messages point into it.
 */
import type { PageDoc } from "./liblab-split.js";
import type { SourceDoc } from "../../shared/source-doc.js";

const TITLE = /^# +(\S.*?)\s*$/;
const INLINE_ENUM = /^## +Enum: *(\w+)\s*$/;
const HEADING = /^#{1,2} /;
const FENCE = /^\s*(```|~~~)/;

/** Every page's object doc and its inline enums' docs. */
export function splitInlineEnums(docs: readonly SourceDoc[]): PageDoc[] {
  const pages = new Set(docs.map((doc) => doc.path));
  return docs.flatMap((doc): PageDoc[] => {
    const lines = doc.text.split("\n");
    const { title, sections } = inlineEnumSections(lines);
    if (title === undefined || sections.length === 0) return [doc];
    const folder = doc.path.includes("/") ? doc.path.slice(0, doc.path.lastIndexOf("/") + 1) : "";
    const owner = (TITLE.exec(lines[title]!)?.[1] ?? "").split(/::|\./).pop()!.replace(/^#\s+/, "");
    const inside = (at: number) => sections.some((section) => at >= section.start && at < section.end);
    const object: PageDoc = { ...doc, text: lines.map((line, at) => (inside(at) ? "" : line)).join("\n") };
    const enums = sections
      .map((section): PageDoc => ({
        path: `${folder}${owner}${section.name}.md`,
        page: doc.path,
        text: lines
          .map((line, at) => (at === title || (at >= section.start && at < section.end) ? line : ""))
          .join("\n"),
      }))
      .filter((enumDoc) => !pages.has(enumDoc.path));
    return [object, ...enums];
  });
}

interface EnumSection {
  name: string;
  start: number;
  end: number;
}

/** The title's line and each `## Enum: X` section's lines (to the next `#` or `##` heading). */
function inlineEnumSections(lines: readonly string[]): { title: number | undefined; sections: EnumSection[] } {
  let title: number | undefined;
  const sections: EnumSection[] = [];
  let open: EnumSection | undefined;
  let fenced = false;
  lines.forEach((line, index) => {
    if (FENCE.test(line)) fenced = !fenced;
    if (fenced || !HEADING.test(line)) return;
    if (open) {
      open.end = index;
      open = undefined;
    }
    if (title === undefined && TITLE.test(line)) title = index;
    const name = INLINE_ENUM.exec(line)?.[1];
    if (name !== undefined && title !== undefined) {
      open = { name, start: index, end: lines.length };
      sections.push(open);
    }
  });
  return { title, sections };
}
