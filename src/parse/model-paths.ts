/** Which doc paths cannot hold a model doc, by the folders and names SDK docs trees use. */

/**
 * Folders an SDK's docs tree keeps for pages that are not models: `sdks/` documents
 * operations, `lib/` (TypeScript) and `models/utils/` (Python) the SDK's utilities, whose
 * tables have no Required column.
 */
const NON_MODEL_FOLDERS = new Set(["sdks", "lib", "utils"]);

/** Why a path is not a model doc, or `undefined` when it may be one. */
export function nonModelPath(path: string): string | undefined {
  const parts = path.split("/");
  const folder = parts.slice(0, -1).find((part) => NON_MODEL_FOLDERS.has(part.toLowerCase()));
  if (folder) return `pages under ${folder}/ document the SDK, not models`;
  if (/^readme\.mdx?$/i.test(parts[parts.length - 1] ?? "")) return "a README is not a model doc";
  return undefined;
}
