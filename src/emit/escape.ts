/** The one place doc text is made safe for the code it lands in. */

/**
 * Text for a JSDoc comment: it can neither close the comment nor start a tag. JSDoc is
 * markdown, so backslash escapes read as the original text in an editor's hover, and
 * `unescapeJsDoc` gives the original back exactly.
 */
export function jsDocText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\\/g, "\\\\")
    .replace(/\*\//g, "*\\/")
    .replace(/\/\*/g, "/\\*")
    .replace(/(^|\s)@/g, "$1\\@") // a tag starts at any `@` after whitespace, not only at a line start
    .replace(CONTROL, hexEscape); // no terminal escape sequence, no bidi control, reaches a file that editors and `cat` show
}

/**
 * Control characters but tab and line feed (C0, DEL and C1), and the invisible format
 * characters (bidi controls that make an editor show a line reordered, zero-width
 * characters, line and paragraph separators): none is written raw into code.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]|\p{Cf}/gu;

function hexEscape(char: string): string {
  const code = char.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`;
}

/** The inverse of `jsDocText` (line endings aside). */
export function unescapeJsDoc(text: string): string {
  return text.replace(
    /\\([\\@/*])|\\x([0-9a-f]{2})|\\u\{([0-9a-f]+)\}/g,
    (_, char: string | undefined, hex: string | undefined, code: string | undefined) =>
      char ?? String.fromCodePoint(parseInt((hex ?? code)!, 16)),
  );
}

/**
 * A TypeScript expression for an `@example` tag: shown as code, so no markdown escapes;
 * a star-slash becomes star-backslash-slash, which inside a string literal means the
 * same characters, so the expression keeps its value.
 */
export function exampleDocText(expression: string): string {
  return expression.replace(/\*\//g, "*\\/");
}

/** A string literal that means exactly `text`, whatever it contains. */
export function stringLiteral(text: string): string {
  return jsonText(text);
}

/**
 * `JSON.stringify`, with what it leaves raw written as escapes too: DEL and the C1 controls
 * (a terminal reads U+009B as an escape sequence's start), the line and paragraph separators
 * (line terminators in older JavaScript), and the invisible format characters (bidi controls,
 * which make a reviewer's editor show the line reordered; zero-width characters). Same value,
 * printable text.
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u2028\u2029]|\p{Cf}/gu, (char) =>
    [...char]
      .flatMap((one) => (one.length === 2 ? [one.charCodeAt(0), one.charCodeAt(1)] : [one.charCodeAt(0)]))
      .map((unit) => `\\u${unit.toString(16).padStart(4, "0")}`)
      .join(""),
  );
}

/** Text for a `//` line comment, such as the banner's doc path: no line terminator gets in. */
export function lineCommentText(text: string): string {
  const escapes: Record<string, string> = { "\r": "\\r", "\n": "\\n", "\u2028": "\\u2028", "\u2029": "\\u2029" };
  return text.replace(/[\r\n\u2028\u2029]/g, (char) => escapes[char]!).replace(CONTROL, hexEscape);
}
