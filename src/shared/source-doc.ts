/** What the generator reads: a doc's path (relative to the input folder, with `/`) and its text. */
export interface SourceDoc {
  path: string;
  text: string;
  /** The doc's size on disk, when it was over the limit and `text` holds only its start. */
  bytes?: number;
}
