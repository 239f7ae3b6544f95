/** Whether to color output, decided as Node's `hasColors()` decides: the environment first, then the terminal. */

export interface ColorTarget {
  isTTY?: boolean;
  hasColors?: () => boolean;
}

/**
 * `FORCE_COLOR` turns colors on (off for `0` or `false`) even where the output is not a
 * terminal, as in CI logs that render ANSI; `NO_COLOR` (non-empty) and `NODE_DISABLE_COLORS`
 * turn them off; `TERM=dumb` too; else a terminal that has colors gets them.
 */
export function useColors(env: Readonly<Record<string, string | undefined>>, stream: ColorTarget): boolean {
  const force = env["FORCE_COLOR"];
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if ((env["NO_COLOR"] ?? "") !== "" || env["NODE_DISABLE_COLORS"] !== undefined) return false;
  if (env["TERM"] === "dumb") return false;
  return stream.isTTY === true && (stream.hasColors?.() ?? true);
}

export type Paint = (text: string, style: "red" | "yellow" | "cyan" | "dim" | "bold") => string;

const CODES = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;

/** A painter: ANSI styles when colors are on, the text as it is otherwise. */
export function painter(colors: boolean): Paint {
  return colors ? (text, style) => `\u001b[${CODES[style]}m${text}\u001b[0m` : (text) => text;
}
