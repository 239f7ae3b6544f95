/**
 * Loads CommonJS files with a V8 code cache. ts-morph brings 13 MB of them (its own copy of
 * TypeScript and @ts-morph/common), which every thread that emits compiles on start.
 * Node 22 has `module.enableCompileCache()`; on Node 20 this does the same for the files
 * asked for: each is compiled with its cached code when V8 accepts it, and when it had to
 * be compiled from source, the code V8 holds once it has run (functions compiled lazily
 * while loading included) is saved for the next run. Entries are keyed on the file's
 * content (V8 itself only checks the length) and carry a digest of the code (damaged ones
 * are compiled anew), live beside the other caches, and can be deleted any time;
 * `MDMODEL_NO_CODE_CACHE=1` (and the command's `--no-cache`) turns the cache off.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire, Module } from "node:module";
import { dirname, join } from "node:path";
import { threadId } from "node:worker_threads";
import { Script } from "node:vm";
import { cacheDir } from "./cache-dir.js";
import { sha256, sha256Hex } from "./hash.js";

const require = createRequire(import.meta.url);

/** The folder of this Node's cached code: V8 rejects code from another version or other flags anyway. */
function codeCacheDir(): string {
  return join(cacheDir(process.cwd()), "v8", `${process.arch}-${process.versions.v8}`);
}

/** How a file was loaded: from cached code, compiled from source (and cached), or left to `require`. */
export type Preload = "cached" | "compiled" | "skipped";

/**
 * Puts the CommonJS file `filename` into `require.cache`, compiled with the code cache in
 * `dir`; a later `require` of it (from any module) gets this instance. Preload dependencies first.
 */
export function preloadWithCodeCache(filename: string, dir = codeCacheDir()): Preload {
  if (process.env["MDMODEL_NO_CODE_CACHE"] || require.cache[filename]) return "skipped";
  // Hashed as read: hashing the decoded 9 MB string would encode it back to bytes first.
  const bytes = readFileSync(filename);
  const cacheFile = join(dir, `${sha256Hex(bytes).slice(0, 40)}.bin`);
  const source = bytes.toString("utf8");
  const cachedData = readEntry(cacheFile);
  // Node's own CommonJS wrapper, so the file runs as `require` would run it (a `#!` line becomes a comment).
  const body = source.startsWith("#!") ? `//${source}` : source;
  const script = new Script(Module.wrap(body), { filename, ...(cachedData ? { cachedData } : {}) });
  const module = new Module(filename);
  module.filename = filename;
  require.cache[filename] = module;
  try {
    (script.runInThisContext() as (...args: unknown[]) => void).call(
      module.exports,
      module.exports,
      createRequire(filename),
      module,
      filename,
      dirname(filename),
    );
  } catch (error) {
    delete require.cache[filename];
    throw error;
  }
  module.loaded = true;
  if (cachedData !== undefined && !script.cachedDataRejected) return "cached";
  save(cacheFile, script.createCachedData());
  return "compiled";
}

const DIGEST_BYTES = 32;

/**
 * An entry's cached code, or `undefined` when there is none or it is damaged: each entry
 * starts with a SHA-256 of the code, since V8 does not check the code itself in release builds.
 */
function readEntry(file: string): Buffer | undefined {
  let entry: Buffer;
  try {
    entry = readFileSync(file);
  } catch {
    return undefined; // not cached yet
  }
  const data = entry.subarray(DIGEST_BYTES);
  const intact = entry.length > DIGEST_BYTES && sha256(data).equals(entry.subarray(0, DIGEST_BYTES));
  return intact ? data : undefined;
}

/** Writes atomically: threads that load the same file at once each write a whole entry. */
function save(file: string, data: Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${threadId}.tmp`;
    writeFileSync(temporary, Buffer.concat([sha256(data), data]));
    renameSync(temporary, file);
  } catch {
    // A cache that cannot be written is only a slower next start.
  }
}
