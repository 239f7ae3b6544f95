/** What the generator hands the writer. */

/** A generated file: its path relative to the output folder, and its text. */
export interface OutputFile {
  path: string;
  content: string;
}
