/**
 * liblab writes several models on one page, each under its own `# Name`, and copies a model onto
 * every page that uses it. A page becomes one doc per model: the page's first model keeps the
 * page's path; each other model gets the path its own page would have (`models/Name.md`), unless
 * that page exists or an earlier page already gave the model (a copy, not read twice). Each doc
 * is the whole page with the other models' lines blanked, so lines and columns stay the page's.
 * A union's members are `# Member` sections of the union that only point at their own pages.
 */
import type { SourceDoc } from "../../shared/source-doc.js";

/** A doc cut from a page: `page` is the page's own path, where its messages belong. */
export interface PageDoc extends SourceDoc {
  page?: string;
}

const TITLE = /^# +(\S.*?)\s*$/;
const FENCE = /^\s*(```|~~~)/;
/** A union member's section: "See all details about X model [here](X.md)." */
const MEMBER_POINTER = /^\s*See all details about \S+ model \[here\]\(/;

interface Group {
  title: string;
  /** The page's lines that belong to this model (start inclusive, end exclusive). */
  start: number;
  end: number;
}

/** Every model's doc, from every page of a liblab tree, in page order. */
export function splitLiblabPages(docs: readonly SourceDoc[]): PageDoc[] {
  const pages = new Set(docs.map((doc) => doc.path));
  const given = new Set<string>();
  const out: PageDoc[] = [];
  for (const doc of docs) {
    const lines = doc.text.split("\n");
    const groups = groupsOf(lines);
    if (groups.length <= 1) {
      out.push(doc);
      continue;
    }
    const folder = doc.path.includes("/") ? doc.path.slice(0, doc.path.lastIndexOf("/") + 1) : "";
    const extension = /\.mdx$/i.test(doc.path) ? ".mdx" : ".md";
    groups.forEach((group, index) => {
      const own = `${folder}${group.title}${extension}`;
      const path = index === 0 ? doc.path : own;
      if (index > 0 && (!/^[\w$-]+$/.test(group.title) || pages.has(own) || given.has(own))) return;
      given.add(path);
      const text = lines.map((line, at) => (at >= group.start && at < group.end ? line : "")).join("\n");
      out.push(index === 0 ? { ...doc, text } : { path, text, page: doc.path });
    });
  }
  return out;
}

/** The page's models: each `#` title outside code starts one, but a union's member pointers stay with it. */
function groupsOf(lines: readonly string[]): Group[] {
  const groups: Group[] = [];
  let fenced = false;
  lines.forEach((line, index) => {
    if (FENCE.test(line)) fenced = !fenced;
    const title = fenced ? null : TITLE.exec(line);
    if (!title) return;
    const last = groups[groups.length - 1];
    if (last && isMemberPointer(lines, index)) return;
    if (last) last.end = index;
    groups.push({ title: title[1]!.replace(/\\(.)/g, "$1"), start: index, end: lines.length }); // `Default\_` is `Default_`
  });
  return groups;
}

/** Whether the section under the title at `index` only points at the member's own page. */
function isMemberPointer(lines: readonly string[], index: number): boolean {
  const next = lines.slice(index + 1).find((line) => line.trim() !== "");
  return next !== undefined && MEMBER_POINTER.test(next);
}
