/** Sizes past which mdmodel refuses input rather than spend minutes or gigabytes on it. */

/** Docs larger than this are refused: a model doc is a page, not a data dump. */
export const MAX_DOC_BYTES = 2 * 1024 * 1024;
