/**
 * Finds and reads the config: `--config FILE`, else the nearest `mdmodel.config.json` or
 * `package.json` with an `mdmodel` key, looking in the working folder and then each folder
 * above it (as prettier and tsc look for theirs). Folder options in a config file are
 * relative to that file.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { checkConfig } from "./check.js";
import type { ConfigInput } from "./defaults.js";

export type LoadedConfig =
  | { ok: true; config: ConfigInput; source?: string }
  | { ok: false; errors: string[]; source: string };

export const CONFIG_FILE = "mdmodel.config.json";

/** The config that `cwd` (or `--config`) gives; `{}` when there is none. */
export function loadConfig(cwd: string, explicit?: string): LoadedConfig {
  if (explicit !== undefined) {
    const path = resolve(cwd, explicit);
    const text = readOrUndefined(path);
    if (typeof text !== "string") return { ok: false, errors: [`cannot read it: ${text?.message ?? "no such file"}`], source: explicit };
    return fromText(text, path, cwd, false);
  }
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    for (const [name, underKey] of [[CONFIG_FILE, false], ["package.json", true]] as const) {
      const path = join(folder, name);
      const text = readOrUndefined(path);
      if (text === undefined) continue;
      const source = relative(cwd, path) || name;
      if (typeof text !== "string") return { ok: false, errors: [`cannot read it: ${text.message}`], source };
      const loaded = fromText(text, path, cwd, underKey);
      // A package.json without an `mdmodel` key is not a config: keep looking above it.
      if (loaded.ok && loaded.source === undefined) continue;
      return loaded;
    }
    if (dirname(folder) === folder) return { ok: true, config: {} };
  }
}

/** A file's text; `undefined` when there is no such file; the error when it cannot be read. */
function readOrUndefined(path: string): string | Error | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    return new Error(code === "EISDIR" ? "it is a folder" : (error as Error).message);
  }
}

function fromText(text: string, path: string, cwd: string, underKey: boolean): LoadedConfig {
  const label = relative(cwd, path) || path;
  const source = underKey ? `${label}#mdmodel` : label;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [jsonSyntaxError(text, (error as Error).message)], source: withPlace(label, text, (error as Error).message) };
  }
  if (underKey) {
    const section = typeof json === "object" && json !== null ? (json as Record<string, unknown>)["mdmodel"] : undefined;
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
  return { ok: true, config, source };
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
  const reason = message.replace(/\s*(in JSON )?at position \d+.*$/, "").replace(/^Unexpected end of JSON input$/, "the file ends too early");
  return positionOf(text, message) ? `not valid JSON: ${reason}` : `not valid JSON: ${message}`;
}
