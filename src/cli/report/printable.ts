/**
 * Text on its way to a terminal, a CI log or an annotation: doc text, file names, config values.
 * Control characters (escape sequences, a cleared screen, a newline that starts a GitHub
 * workflow command) and invisible format characters (bidi controls that reorder what a reviewer
 * sees, zero-width characters) are shown as escapes, never sent.
 */

/** C0 and C1 controls but the tab; Unicode format characters (bidi controls, zero-width marks, the BOM); line and paragraph separators. */
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]|\p{Cf}/gu;

/** `text` with every unprintable character written as `\xNN` or `\u{NNNN}`, so no text moves the cursor, reorders the line or starts a log command. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const code = char.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16).toUpperCase()}}`;
  });
}

/** An invalid config as the command line says it: one line for one problem, else a line per problem. */
export function invalidConfig(source: string, errors: readonly string[]): string {
  if (errors.length === 1) return `invalid config in ${printable(source)}: ${printable(errors[0]!)}`;
  return `invalid config in ${printable(source)}:\n${errors.map((error) => `  - ${printable(error)}`).join("\n")}`;
}
