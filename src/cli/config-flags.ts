/**
 * `generate`'s flags that set config options (`--outputs`, `--barrel`, `--type-check`,
 * `--include`, `--exclude`), checked by the same schema as the config file so both give the same messages.
 */
import { checkConfig } from "../config/check.js";
import type { ConfigInput } from "../config/defaults.js";
import { OUTPUT_PRESETS } from "../shared/outputs.js";
import type { OptionValues } from "./usage.js";

export type ConfigFlags = { ok: true; config: ConfigInput } | { ok: false; errors: string[] };

/** The config options the flags set, over the config file's; `{}` when no such flag is given. */
export function configFromFlags(values: OptionValues): ConfigFlags {
  const raw: Record<string, unknown> = {};
  const outputs = values["outputs"];
  if (typeof outputs === "string") {
    const list = outputs.split(",").map((item) => item.trim());
    // One preset's name is the preset; anything else is a list of outputs, `--outputs wire` included.
    raw["outputs"] = list.length === 1 && Object.hasOwn(OUTPUT_PRESETS, list[0]!) ? list[0] : list;
  }
  if (typeof values["barrel"] === "string") raw["barrel"] = values["barrel"];
  if (typeof values["type-check"] === "string") raw["typeCheck"] = values["type-check"];
  // --include and --exclude may be given more than once: their value is the list.
  for (const name of ["include", "exclude"] as const) {
    const given = values[name];
    if (Array.isArray(given)) raw[name] = given;
  }
  const checked = checkConfig(raw);
  if (checked.ok) return checked;
  // The schema's messages name the option as the config file spells it: the flag is what was typed.
  return {
    ok: false,
    errors: checked.errors.map((error) => error.replace(/^"(\w+)"/, (_, key: string) => `--${flagOf(key)}`)),
  };
}

/** The flag of a config option: `typeCheck` is `--type-check`. */
function flagOf(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
