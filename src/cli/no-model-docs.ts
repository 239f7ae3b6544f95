/** What to say when an input folder holds no model doc: how many files it saw, and what mdmodel reads. */
import { readdirSync } from "node:fs";
import { extname } from "node:path";
import { isDocPath } from "../shared/doc-files.js";

/** Past this many entries the folder is not counted further: a wrong folder can be a home folder. */
const MAX_COUNTED = 100_000;

/**
 * One line: the docs seen (all skipped, or none), the other files by extension, and what a model
 * doc is; `skipped` is how many docs were read and found not to be model docs.
 */
export function noModelDocsMessage(inputDir: string, inputLabel: string, skipped: number): string {
  const others = new Map<string, number>();
  let counted = 0;
  try {
    for (const entry of readdirSync(inputDir, { recursive: true, withFileTypes: true })) {
      if (++counted > MAX_COUNTED) break;
      if (!entry.isFile() || isDocPath(entry.name)) continue;
      const extension = extname(entry.name).toLowerCase() || "(no extension)";
      others.set(extension, (others.get(extension) ?? 0) + 1);
    }
  } catch {
    // Unreadable parts: the count is of what could be read.
  }
  const seen =
    skipped === 0
      ? `${inputLabel} holds no .md or .mdx page`
      : skipped === 1
        ? `the one .md or .mdx page in ${inputLabel} is not a model doc (--verbose says why)`
        : `none of the ${skipped.toLocaleString("en-US")} .md and .mdx pages in ${inputLabel} is a model doc (--verbose says why each was skipped)`;
  const commonest = [...others].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
  const rest =
    commonest.length === 0
      ? ""
      : `; it holds ${commonest.map(([extension, count]) => `${count.toLocaleString("en-US")} ${extension} file${count === 1 ? "" : "s"}`).join(", ")}, which mdmodel does not read`;
  return `${seen}${rest}. A model doc is a markdown page (.md or .mdx) with a \`# Name\` title (or a front matter title) and a \`## Fields\`, \`## Values\` or \`## Supported Types\` section; point --input (or "input" in the config) at the folder of such pages`;
}
