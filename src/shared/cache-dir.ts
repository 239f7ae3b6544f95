/** Where mdmodel keeps what it may throw away: `node_modules/.cache/mdmodel`, as tools do. */
import { join } from "node:path";

/** The cache folder for a working folder. */
export function cacheDir(cwd: string): string {
  return join(cwd, "node_modules", ".cache", "mdmodel");
}
