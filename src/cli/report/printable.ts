/** Doc text on its way to a terminal: control characters (escape sequences, clear screen) are shown, never sent. */

/** `text` with every C0 and C1 control character but the tab written as `\xNN`, so no doc text moves the cursor or changes the terminal. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
