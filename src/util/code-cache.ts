/**
 * Keeps V8's compiled code of the CommonJS dependencies between runs (v8-compile-cache):
 * ts-morph loads TypeScript, 9 MB of JavaScript, in every thread that emits. Imported
 * first by the command and by each worker thread; from the TypeScript sources (tests) it
 * does nothing. It lives beside the other caches, V8 checks each entry against the file's
 * text, it can be deleted any time, and `DISABLE_V8_COMPILE_CACHE=1` turns it off.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { cacheDir } from "../io/cache.js";

if (!import.meta.url.endsWith(".ts")) {
  process.env["V8_COMPILE_CACHE_CACHE_DIR"] ??= join(cacheDir(process.cwd()), "v8", `${process.arch}-${process.versions.v8}`);
  createRequire(import.meta.url)("v8-compile-cache");
}
