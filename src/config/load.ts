/**
 * Finds and reads the config: `--config FILE`, else the nearest `mdmodel.config.json` or
 * `package.json` with an `mdmodel` key, looking in the working folder and then each folder
 * above it (as prettier and tsc look for theirs), up to the repository's root (the folder with
 * `.git`, so a monorepo's packages find the root's config), or outside a repository up to the
 * nearest folder with a `package.json`: no config above the project (a parent folder's, a
 * shared temporary folder's) redirects it. Folder options in a config file are relative to
 * that file. A config file is read only when it is a regular file (not a link) under 1 MB.
 */
import { lstatSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { readRegularFile, UnreadableFileError } from "../shared/read-text.js";
import { checkConfig } from "./check.js";
import type { ConfigInput } from "./defaults.js";

export type LoadedConfig =
  { ok: true; config: ConfigInput; source?: string; dir?: string } | { ok: false; errors: string[]; source: string };

/** The largest config file mdmodel reads (a package.json may be larger than a config). */
const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_PACKAGE_BYTES = 16 * 1024 * 1024;

export const CONFIG_FILE = "mdmodel.config.json";

/** The config that `cwd` (or `--config`) gives; `{}` when there is none. */
export function loadConfig(cwd: string, explicit?: string): LoadedConfig {
  if (explicit !== undefined) {
    const path = resolve(cwd, explicit);
    // A file named on the command line is the user's choice: a link to it is followed.
    const text = readOrUndefined(path, MAX_CONFIG_BYTES, true);
    if (typeof text !== "string")
      return { ok: false, errors: [`cannot read it: ${text?.message ?? "no such file"}`], source: explicit };
    return fromText(text, path, cwd, false);
  }
  const top = searchTop(resolve(cwd));
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    for (const [name, underKey] of [
      [CONFIG_FILE, false],
      ["package.json", true],
    ] as const) {
      const path = join(folder, name);
      const text = readOrUndefined(path, underKey ? MAX_PACKAGE_BYTES : MAX_CONFIG_BYTES, false);
      if (text === undefined) continue;
      const source = relative(cwd, path) || name;
      if (typeof text !== "string") return { ok: false, errors: [`cannot read it: ${text.message}`], source };
      const loaded = fromText(text, path, cwd, underKey);
      // A package.json without an `mdmodel` key is not a config: keep looking, up to the project's root.
      if (loaded.ok && loaded.source === undefined) continue;
      return loaded;
    }
    if (folder === top || dirname(folder) === folder) return { ok: true, config: {} };
  }
}

/** The last folder the search looks in: the repository's root, else the nearest folder with a `package.json`, else the file system's root. */
function searchTop(cwd: string): string {
  const holding = (name: string) => {
    for (let folder = cwd; ; folder = dirname(folder)) {
      if (has(folder, name)) return folder;
      if (dirname(folder) === folder) return undefined;
    }
  };
  return holding(".git") ?? holding("package.json") ?? cwd.slice(0, cwd.indexOf(sep) + 1);
}

function has(folder: string, name: string): boolean {
  try {
    lstatSync(join(folder, name));
    return true;
  } catch {
    return false;
  }
}

/** A file's text; `undefined` when there is no such file; the error when it cannot be read (a link, a folder, too large). */
function readOrUndefined(path: string, maxBytes: number, followLink: boolean): string | Error | undefined {
  try {
    return readRegularFile(path, { maxBytes, followLink })?.text;
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      const why = {
        link: "it is a symbolic link (mdmodel reads a config only from a regular file; pass --config to use another file)",
        "not-a-file": error.message.endsWith("is a folder") ? "it is a folder" : "it is not a regular file",
        "too-large": `it is over ${maxBytes / 1024 / 1024} MB`,
      }[error.why];
      return new Error(why);
    }
    return new Error((error as Error).message);
  }
}

function fromText(text: string, path: string, cwd: string, underKey: boolean): LoadedConfig {
  const label = relative(cwd, path) || path;
  const source = underKey ? `${label}#mdmodel` : label;
  let json: unknown;
  try {
    // A byte-order mark is no part of the JSON (npm accepts one in package.json).
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return {
      ok: false,
      errors: [jsonSyntaxError(text, (error as Error).message)],
      source: withPlace(label, text, (error as Error).message),
    };
  }
  if (underKey) {
    const section =
      typeof json === "object" && json !== null ? (json as Record<string, unknown>)["mdmodel"] : undefined;
    if (section === undefined) return { ok: true, config: {} };
    json = section;
  }
  const checked = checkConfig(json);
  if (!checked.ok) return { ok: false, errors: checked.errors, source };
  const config = { ...checked.config };
  // Folders are written relative to the config file; the CLI works relative to cwd.
  for (const key of ["input", "out"] as const) {
    const value = config[key];
    if (value !== undefined) config[key] = relative(cwd, resolve(dirname(path), value)) || ".";
  }
  return { ok: true, config, source, dir: dirname(path) };
}

/** V8 says where JSON broke as an offset ("… at position 42"); people read lines and columns. */
function positionOf(text: string, message: string): { line: number; column: number } | undefined {
  const match = /at position (\d+)/.exec(message);
  const offset = match ? Number(match[1]) : /end of JSON input/.test(message) ? text.length : undefined;
  if (offset === undefined) return undefined;
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}

/** `mdmodel.config.json:3:5`, when the error says where. */
function withPlace(label: string, text: string, message: string): string {
  const place = positionOf(text, message);
  return place ? `${label}:${place.line}:${place.column}` : label;
}

/** The parser's reason without its offset, which the place already gives. */
function jsonSyntaxError(text: string, message: string): string {
  const reason = message
    .replace(/\s*(in JSON )?at position \d+.*$/, "")
    .replace(/^Unexpected end of JSON input$/, "the file ends too early");
  return positionOf(text, message) ? `not valid JSON: ${reason}` : `not valid JSON: ${message}`;
}
