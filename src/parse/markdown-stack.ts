/**
 * The markdown packages mdmodel reads docs with, imported in this one place, which the build
 * bundles into one file (`npm run build`: esbuild after tsc): a hundred small modules load
 * far slower than one (docs/performance.md has the figures).
 */
export { toString } from "mdast-util-to-string";
export { default as remarkGfm } from "remark-gfm";
export { default as remarkParse } from "remark-parse";
export { unified } from "unified";
export { VFile } from "vfile";
export { default as remarkFrontmatter } from "remark-frontmatter";
export { LineCounter, parseDocument, isScalar } from "yaml";
