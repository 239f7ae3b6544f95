/** Reading a file that may not be there. */
import { lstatSync, readFileSync } from "node:fs";

/** A file's text, or `undefined` when there is no such file (or a folder on its path is a file). */
export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}

/** Whether anything (a file, a folder, a link, even a broken one) is at `path`. */
export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
