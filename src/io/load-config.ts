/**
 * Finds and reads the config: `--config FILE`, else `mdmodel.config.json`, else the
 * `mdmodel` key of `package.json`, in the working folder. Folder options in a config
 * file are relative to that file.
 */
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { checkConfig, type ConfigInput } from "../config.js";
import { readText } from "../write/writer.js";

export type LoadedConfig =
  | { ok: true; config: ConfigInput; source?: string }
  | { ok: false; errors: string[]; source: string };

export const CONFIG_FILE = "mdmodel.config.json";

/** The config the working folder (or `--config`) gives; `{}` when there is none. */
export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig> {
  if (explicit !== undefined) {
    const path = resolve(cwd, explicit);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      return { ok: false, errors: [`cannot read it: ${(error as Error).message}`], source: explicit };
    }
    return fromText(text, path, cwd, explicit, false);
  }
  const file = join(cwd, CONFIG_FILE);
  const text = readText(file);
  if (text !== undefined) return fromText(text, file, cwd, CONFIG_FILE, false);
  const manifest = readText(join(cwd, "package.json"));
  if (manifest !== undefined) return fromText(manifest, join(cwd, "package.json"), cwd, "package.json#mdmodel", true);
  return { ok: true, config: {} };
}

function fromText(text: string, path: string, cwd: string, source: string, underKey: boolean): LoadedConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`not valid JSON: ${(error as Error).message}`], source };
  }
  if (underKey) {
    const section = (json as Record<string, unknown> | null)?.["mdmodel"];
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
