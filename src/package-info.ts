/** mdmodel's own package: its name and version, read from its package.json wherever it is installed. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The package's root folder (the one holding `package.json`, `dist/` and `templates/`). */
export const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));

export const PACKAGE = JSON.parse(readFileSync(`${PACKAGE_ROOT}package.json`, "utf8")) as {
  name: string;
  version: string;
};
