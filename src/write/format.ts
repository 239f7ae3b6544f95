/**
 * Formatting with prettier. The defaults are pinned so output is the same on every
 * machine; a project's own prettier config (found by the CLI) is laid over them.
 */
import { format, type Options } from "prettier";

/** The options used when the project has no prettier config. */
export const DEFAULT_FORMAT: Options = { printWidth: 100 };

/**
 * Formats one TypeScript module with `options` over the defaults. babel-ts prints the
 * same as the typescript parser for the code mdmodel emits and parses faster; the
 * typescript parser is the fallback for anything babel-ts cannot read.
 */
export async function formatTypeScript(text: string, options: Options = {}): Promise<string> {
  const { filepath: _ignored, ...rest } = options;
  try {
    return await format(text, { ...DEFAULT_FORMAT, ...rest, parser: "babel-ts" });
  } catch {
    return format(text, { ...DEFAULT_FORMAT, ...rest, parser: "typescript" });
  }
}
