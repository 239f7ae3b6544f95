/**
 * Files that take a generated module's place: an import of `./lineitem.js` is resolved by
 * bundlers and loaders (esbuild, Vite, tsx, Node) to `lineitem.js` when it exists, before
 * `lineitem.ts`; a folder of that name, or a nested `package.json`, redirects it too. Such a
 * file in the output folder runs instead of the code the docs produced.
 */
import type { EntryKind } from "./output-folder.js";

/** The extensions a module specifier's resolution may land on instead of the generated `.ts`. */
const SIBLING_EXTENSIONS = [".js", ".mjs", ".cjs", ".jsx", ".tsx", ".mts", ".cts", ".d.ts", ".d.mts", ".d.cts"];

/** An entry that shadows a generated module, and the module it shadows (absent for a `package.json`). */
export interface Shadow {
  path: string;
  module?: string;
}

/** Every entry of the folder that an import of a generated module (`expected`, `.ts` paths) could resolve to instead. */
export function shadowingEntries(expected: readonly string[], entries: ReadonlyMap<string, EntryKind>): Shadow[] {
  const produced = new Set(expected);
  const shadows = new Map<string, Shadow>();
  const stems = new Map<string, string>();
  for (const path of expected) {
    if (!path.endsWith(".ts") || path.endsWith(".d.ts")) continue;
    const stem = path.slice(0, -".ts".length);
    // A folder named like the specifier: its index file or package.json answers the import.
    stems.set(`${stem}.js`, path);
    for (const extension of SIBLING_EXTENSIONS) {
      const sibling = `${stem}${extension}`;
      if (!produced.has(sibling) && entries.has(sibling)) shadows.set(sibling, { path: sibling, module: path });
    }
  }
  for (const path of entries.keys()) {
    if (produced.has(path)) continue;
    const name = path.slice(path.lastIndexOf("/") + 1);
    if (name === "package.json") shadows.set(path, { path });
    // Anything inside a folder that stands where a module's import resolves.
    for (let slash = path.indexOf("/"); slash !== -1; slash = path.indexOf("/", slash + 1)) {
      const module = stems.get(path.slice(0, slash));
      if (module !== undefined && entries.get(path) !== "folder") {
        shadows.set(path, { path, module });
        break;
      }
    }
  }
  return [...shadows.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
