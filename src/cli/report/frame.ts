/**
 * A code frame: the doc's line with a caret under the column. A long line (a table row can
 * run to thousands of characters) is shown as a window around the column, so the caret
 * always points at the offending cell.
 */
import type { Paint } from "./color.js";
import { printable } from "./printable.js";

/** Characters of the line shown at most; the window keeps the column near its middle. */
const WIDTH = 120;

/** The frame's two lines (source, caret), or none when the line is not in `source`. */
export function codeFrame(
  source: string,
  line: number,
  column: number,
  paint: Paint,
  style: "red" | "yellow" | "cyan",
): string[] {
  const text = source.split(/\r\n|\r|\n/)[line - 1];
  if (text === undefined) return [];
  const at = Math.min(Math.max(column - 1, 0), text.length);
  let from = 0;
  let to = text.length;
  if (text.length > WIDTH) {
    from = Math.max(0, Math.min(at - WIDTH / 2, text.length - WIDTH));
    to = Math.min(text.length, from + WIDTH);
  }
  const before = from > 0 ? "…" : "";
  const after = to < text.length ? "…" : "";
  const shown = `${before}${printable(text.slice(from, to))}${after}`;
  const lead = `${before}${printable(text.slice(from, at))}`.replace(/[^\t]/g, " ");
  const gutter = String(line);
  return [
    `${paint(`${gutter} |`, "dim")} ${shown}`,
    `${" ".repeat(gutter.length)} ${paint("|", "dim")} ${paint(`${lead}^`, style)}`,
  ];
}
