/** What the generator reads: a doc's path (relative to the input folder, with `/`) and its text. */
export interface SourceDoc {
  path: string;
  text: string;
}
