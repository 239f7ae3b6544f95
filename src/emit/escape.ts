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
    .replace(/(^|\s)@/g, "$1\\@"); // a tag starts at any `@` after whitespace, not only at a line start
}

/** The inverse of `jsDocText` (line endings aside). */
export function unescapeJsDoc(text: string): string {
  return text.replace(/\\([\\@/*])/g, "$1");
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
  return JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** Text for a `//` line comment, such as the banner's doc path: no line terminator gets in. */
export function lineCommentText(text: string): string {
  const escapes: Record<string, string> = { "\r": "\\r", "\n": "\\n", "\u2028": "\\u2028", "\u2029": "\\u2029" };
  return text.replace(/[\r\n\u2028\u2029]/g, (char) => escapes[char]!);
}
