/**
 * `mdmodel generate`: reads the docs, reports, then writes the output folder or (`--check`)
 * compares it. Run by `main.ts` with the parsed options.
 */
import { watch } from "node:fs";
import { join, resolve, sep } from "node:path";
import { resolveConfig as resolvePrettierConfig, type Options as PrettierOptions } from "prettier";
import { type Config, resolveConfig } from "../config/defaults.js";
import { loadConfig } from "../config/load.js";
import { countBySeverity, formatDiagnostic, severityOf } from "../shared/diagnostics.js";
import type { CachedRead, GenerateResult } from "../generate.js";
import { generatorIdentity } from "../identity.js";
import { isCachedRead, isString, loadCache, saveCache } from "../engine/disk-cache.js";
import { cacheDir } from "../shared/cache-dir.js";
import { loadDocs, loadRuntimeTemplate } from "../io/load-docs.js";
import type { SourceDoc } from "../shared/source-doc.js";
import { checkOutput, isClean, renderDrift, vouchedByManifest } from "../write/check.js";
import { inputKey } from "../write/manifest.js";
import { UnsafeOutputError, writeOutput } from "../write/writer.js";
import { EXIT, type CliIo } from "./io.js";

interface RunOptions {
  config: Config;
  inputDir: string;
  outDir: string;
  check: boolean;
  strict: boolean;
  quiet: boolean;
  verbose: boolean;
  formatOptions: PrettierOptions;
  full: boolean;
  cache: boolean;
  identity: string;
}

/** A run of more docs than this shows a progress line on a terminal. */
const PROGRESS_THRESHOLD = 300;

/** The options `main.ts` parsed for `generate`. */
export type GenerateValues = Readonly<Record<string, string | boolean | undefined>>;

/** Runs `mdmodel generate` with parsed options; returns the exit code. */
export async function runGenerate(values: GenerateValues, io: CliIo, signal?: AbortSignal): Promise<number> {
  const flag = (name: string, fallback = false) => (typeof values[name] === "boolean" ? (values[name] as boolean) : fallback);
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  if (flag("check") && flag("watch")) {
    io.stderr("mdmodel: --check and --watch cannot be combined");
    return EXIT.usage;
  }
  const loaded = loadConfig(io.cwd, text("config"));
  if (!loaded.ok) {
    io.stderr(`mdmodel: invalid config in ${loaded.source}:\n${loaded.errors.map((error) => `  - ${error}`).join("\n")}`);
    return EXIT.usage;
  }
  const config = resolveConfig({ ...loaded.config, input: text("input") ?? loaded.config.input, out: text("out") ?? loaded.config.out });
  const inputDir = resolve(io.cwd, config.input);
  const outDir = resolve(io.cwd, config.out);
  if (outDir === inputDir || `${inputDir}${sep}`.startsWith(`${outDir}${sep}`)) {
    io.stderr(`mdmodel: the output folder ${config.out} must not be or contain the input folder ${config.input}`);
    return EXIT.usage;
  }
  const formatOptions = (await resolvePrettierConfig(join(outDir, "index.ts"))) ?? {};
  const options: RunOptions = {
    config,
    inputDir,
    outDir,
    check: flag("check"),
    full: flag("full"),
    cache: flag("cache", true),
    strict: flag("strict"),
    quiet: flag("quiet"),
    verbose: flag("verbose"),
    formatOptions,
    identity: generatorIdentity(),
  };

  if (flag("watch")) return watchDocs(options, io, signal);
  return runOnce(options, io);
}

/** One generate (or check) run: read, report, then write or compare. */
async function runOnce(options: RunOptions, io: CliIo): Promise<number> {
  const { config } = options;
  const started = performance.now();
  let docs: SourceDoc[];
  try {
    docs = await loadDocs(options.inputDir);
  } catch (error) {
    io.stderr(`mdmodel: cannot read the input folder ${config.input}: ${(error as Error).message}`);
    return EXIT.usage;
  }
  if (!options.full && !options.verbose) {
    // Nothing changed since the manifest was written: no doc needs parsing, no file writing.
    const key = inputKey(config, options.formatOptions);
    const stats = await vouchedByManifest(options.outDir, docs, key, options.identity);
    if (stats && !(options.strict && stats.warnings > 0)) {
      const read = summarize({ stats });
      if (!options.quiet) {
        const what = options.check ? `mdmodel --check: ${config.out} is up to date` : `mdmodel: ${config.out} is up to date`;
        io.stdout(`${what}; ${read}; nothing changed since the last run (${Math.round(performance.now() - started)} ms)`);
      }
      return EXIT.ok;
    }
  }
  const showProgress = io.tty && !options.quiet && docs.length > PROGRESS_THRESHOLD;
  // Loaded here, not at the top: a run that the manifest vouches for never needs them.
  const { generate } = await import("../generate.js");
  // --no-cache writes no cache at all, ts-morph's compiled code included (util/code-cache.ts).
  if (!options.cache) process.env["MDMODEL_NO_CODE_CACHE"] = "1";
  const caches = options.cache && !options.full ? await loadCaches(cacheDir(io.cwd), options.identity) : undefined;
  const result = await generate({
    docs,
    runtimeTemplate: await loadRuntimeTemplate(),
    config,
    identity: options.identity,
    formatOptions: options.formatOptions,
    ...(caches ?? {}),
    ...(showProgress ? { onProgress: progress(io) } : {}),
  });
  if (showProgress) io.progress("");
  if (caches && result.files.length > 0) await saveCaches(cacheDir(io.cwd), options.identity, caches);
  report(result, docs, options, io);

  const counts = countBySeverity(result.messages);
  const read = summarize(result);
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  const failing = counts.error + (options.strict ? counts.warning : 0);
  if (failing > 0) {
    const why = options.strict && counts.warning > 0 ? " (--strict: warnings count as errors)" : "";
    io.stderr(`mdmodel: ${read}; ${count(counts.error, "error")}, ${count(counts.warning, "warning")}${why}; nothing written (${elapsed()})`);
    return EXIT.invalidDocs;
  }

  if (options.check) {
    const drift = await checkOutput(options.outDir, result.files);
    if (isClean(drift)) {
      if (!options.quiet) io.stdout(`mdmodel --check: ${config.out} is up to date; ${read}, ${count(result.files.length, "file")} (${elapsed()})`);
      return EXIT.ok;
    }
    for (const line of renderDrift(drift, config.out)) io.stderr(line);
    const total = drift.stale.length + drift.edited.length + drift.missing.length + drift.orphaned.length;
    io.stderr(`mdmodel --check: ${config.out} differs from the docs in ${count(total, "file")}; run \`npm run generate\` and commit (${elapsed()})`);
    return EXIT.drift;
  }

  let written;
  try {
    written = await writeOutput(options.outDir, result.files);
  } catch (error) {
    if (!(error instanceof UnsafeOutputError)) throw error;
    io.stderr(`mdmodel: ${error.message}; nothing written`);
    return EXIT.usage;
  }
  if (!options.quiet) {
    io.stdout(
      `mdmodel: ${read}; ${count(written.written.length, "file")} written, ${written.unchanged.length} unchanged, ${written.removed.length} removed; ${count(counts.warning, "warning")} (${elapsed()})`,
    );
  }
  return EXIT.ok;
}

const CACHES = { readCache: "read", moduleCache: "modules", formatCache: "format" } as const;

async function loadCaches(dir: string, identity: string) {
  const [readCache, moduleCache, formatCache] = await Promise.all([
    loadCache(dir, CACHES.readCache, identity, isCachedRead) as Promise<Map<string, CachedRead>>,
    loadCache(dir, CACHES.moduleCache, identity, isString),
    loadCache(dir, CACHES.formatCache, identity, isString),
  ]);
  return { readCache, moduleCache, formatCache };
}

async function saveCaches(dir: string, identity: string, caches: Awaited<ReturnType<typeof loadCaches>>): Promise<void> {
  await Promise.all(Object.entries(CACHES).map(([key, name]) => saveCache(dir, name, identity, caches[key as keyof typeof CACHES])));
}

/** Regenerates on every change under the input folder, debounced; errors are reported and watching goes on. */
async function watchDocs(options: RunOptions, io: CliIo, signal?: AbortSignal): Promise<number> {
  await runOnce(options, io);
  io.stdout(`mdmodel: watching ${options.config.input} (Ctrl-C to stop)`);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const rerun = () => {
    running = running.then(async () => {
      await runOnce(options, io);
    });
  };
  const watcher = watch(options.inputDir, { recursive: true }, (_event, name) => {
    if (name !== null && !name.toLowerCase().endsWith(".md")) return;
    clearTimeout(timer);
    timer = setTimeout(rerun, 100);
  });
  await new Promise<void>((resolveStop) => {
    const stop = () => {
      clearTimeout(timer);
      watcher.close();
      resolveStop();
    };
    signal?.addEventListener("abort", stop, { once: true });
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await running;
  return EXIT.ok;
}

/** Prints each message (errors and warnings, infos with --verbose) with its code frame. */
function report(result: GenerateResult, docs: readonly SourceDoc[], options: RunOptions, io: CliIo): void {
  const texts = new Map(docs.map((doc) => [doc.path, doc.text]));
  for (const message of result.messages) {
    const severity = severityOf(message);
    if (severity === "info" && !options.verbose) continue;
    if (severity === "warning" && options.quiet && !options.strict) continue;
    io.stderr(formatDiagnostic(message, message.file ? texts.get(message.file) : undefined, io.tty));
  }
}

function summarize(result: Pick<GenerateResult, "stats">): string {
  const { stats } = result;
  const kinds = `${count(stats.modelsByKind.object, "object")}, ${count(stats.modelsByKind.enum, "enum")}, ${count(stats.modelsByKind.union, "union")}`;
  return `${count(stats.docs, "doc")} read, ${count(stats.models, "model")} (${kinds}), ${stats.skipped} skipped`;
}

/** A one-line progress display, redrawn in place on the terminal. */
function progress(io: CliIo): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = performance.now();
    if (done !== total && now - last < 100) return;
    last = now;
    io.progress(`mdmodel: reading docs ${done}/${total}`);
  };
}

/** `1 model`, `2 models`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
