/** Places in a source file, as the markdown parser gives them. */

/** A place in a source file, 1-based like mdast's `unist` points. */
export interface Point {
  line: number;
  column: number;
  offset?: number | undefined;
}

/** A range in a source file. */
export interface Position {
  start: Point;
  end: Point;
}
