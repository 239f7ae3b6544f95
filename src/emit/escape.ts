/** The one place doc text is made safe for the code it lands in. */

/** Text for a JSDoc comment: it can neither close the comment nor start a tag. */
export function jsDocText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\*\//g, "*\\/")
    .replace(/^(\s*)@/gm, "$1\\@")
    .replace(/[\u2028\u2029]/g, "\n");
}

/** A string literal that means exactly `text`, whatever it contains. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
