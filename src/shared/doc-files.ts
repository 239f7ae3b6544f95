/** Which files are docs: markdown pages, `.md` or `.mdx` (the form docs sites such as Mintlify publish). */

const DOC_EXTENSION = /\.mdx?$/i;

/** `true` for `a.md`, `b.MD`, `c.mdx`. */
export function isDocPath(path: string): boolean {
  return DOC_EXTENSION.test(path);
}

/** The path without its doc extension: `models/a.mdx` → `models/a`. */
export function withoutDocExtension(path: string): string {
  return path.replace(DOC_EXTENSION, "");
}
