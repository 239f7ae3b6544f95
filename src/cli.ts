/**
 * The command line: `mdmodel generate [--input DIR] [--out DIR] [--check] [--watch]
 * [--config FILE] [--strict] [--quiet] [--verbose]`. The only place that reads argv,
 * finds the config, prints, and decides the exit code.
 */
import { watch } from "node:fs";
import { join, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { resolveConfig as resolvePrettierConfig, type Options as PrettierOptions } from "prettier";
import { type Config, resolveConfig } from "./config.js";
import { countBySeverity, formatDiagnostic, severityOf } from "./diagnostics.js";
import type { CachedRead, GenerateResult } from "./generate.js";
import { cacheDir, isCachedRead, isString, loadCache, saveCache } from "./io/cache.js";
import { generatorFingerprint } from "./io/fingerprint.js";
import { loadConfig } from "./io/load-config.js";
import { loadDocs, loadRuntimeTemplate } from "./io/load-docs.js";
import type { SourceDoc } from "./parse/read-doc.js";
import { checkOutput, isClean, renderDrift, vouchedByManifest } from "./write/check.js";
import { inputKey } from "./write/manifest.js";
import { UnsafeOutputError, writeOutput } from "./write/writer.js";

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, drift: 1, invalidDocs: 2, usage: 3 } as const;

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  cwd: string;
  /** Whether stderr is a terminal: colors and the progress display only then. */
  tty: boolean;
  /** Redraws the progress line in place (a terminal only). */
  progress: (line: string) => void;
}

const USAGE = `Usage: mdmodel generate [options]

  --input DIR     folder of markdown model docs (default: seeds)
  --out DIR       folder to write TypeScript into (default: generated)
  --check         write nothing; exit 1 if the output folder differs from what the docs produce
  --full          regenerate everything, even when the manifest shows nothing changed
  --no-cache      do not read or write the caches (node_modules/.cache/mdmodel)
  --watch         regenerate whenever a doc changes
  --config FILE   read options from FILE (default: mdmodel.config.json, else package.json "mdmodel")
  --strict        treat warnings as errors
  --quiet         print only errors and drift
  --verbose       also print info notes (skipped pages, renamed models)`;

const defaultIo: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  tty: process.stderr.isTTY === true,
  progress: (line) => process.stderr.write(`\r\u001b[K${line}`),
};

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
  fingerprint: string;
}

/** A run of more docs than this shows a progress line on a terminal. */
const PROGRESS_THRESHOLD = 300;

/** Runs the command line and returns the exit code (`--watch` returns when stopped). */
export async function main(argv: readonly string[], io: CliIo = defaultIo, signal?: AbortSignal): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      allowNegative: true,
      options: {
        input: { type: "string" },
        out: { type: "string" },
        config: { type: "string" },
        check: { type: "boolean", default: false },
        full: { type: "boolean", default: false },
        cache: { type: "boolean", default: true },
        watch: { type: "boolean", default: false },
        strict: { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        verbose: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    io.stderr(`mdmodel: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (positionals.length !== 1 || positionals[0] !== "generate") {
    io.stderr(`mdmodel: expected the command "generate"\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (values.check && values.watch) {
    io.stderr("mdmodel: --check and --watch cannot be combined");
    return EXIT.usage;
  }

  const loaded = await loadConfig(io.cwd, values.config);
  if (!loaded.ok) {
    io.stderr(`mdmodel: invalid config in ${loaded.source}:\n${loaded.errors.map((error) => `  - ${error}`).join("\n")}`);
    return EXIT.usage;
  }
  const config = resolveConfig({ ...loaded.config, input: values.input ?? loaded.config.input, out: values.out ?? loaded.config.out });
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
    check: values.check,
    full: values.full,
    cache: values.cache,
    strict: values.strict,
    quiet: values.quiet,
    verbose: values.verbose,
    formatOptions,
    fingerprint: await generatorFingerprint(),
  };

  if (values.watch) return watchDocs(options, io, signal);
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
    const key = inputKey(options.fingerprint, config, options.formatOptions);
    const vouched = await vouchedByManifest(options.outDir, docs, key);
    if (vouched && !(options.strict && vouched.stats.warnings > 0)) {
      const read = summarize({ stats: vouched.stats });
      if (!options.quiet) {
        const what = options.check ? `mdmodel --check: ${config.out} is up to date` : `mdmodel: ${config.out} is up to date`;
        io.stdout(`${what}; ${read}; nothing changed since the last run (${Math.round(performance.now() - started)} ms)`);
      }
      return EXIT.ok;
    }
  }
  const showProgress = io.tty && !options.quiet && docs.length > PROGRESS_THRESHOLD;
  // Loaded here, not at the top: a run that the manifest vouches for never needs them.
  const { generate } = await import("./generate.js");
  // --no-cache writes no cache at all, ts-morph's compiled code included (util/code-cache.ts).
  if (!options.cache) process.env["MDMODEL_NO_CODE_CACHE"] = "1";
  const caches = options.cache && !options.full ? await loadCaches(cacheDir(io.cwd), options.fingerprint) : undefined;
  const result = await generate({
    docs,
    runtimeTemplate: await loadRuntimeTemplate(),
    config,
    fingerprint: options.fingerprint,
    formatOptions: options.formatOptions,
    ...(caches ?? {}),
    ...(showProgress ? { onProgress: progress(io) } : {}),
  });
  if (showProgress) io.progress("");
  if (caches && result.files.length > 0) await saveCaches(cacheDir(io.cwd), options.fingerprint, caches);
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

async function loadCaches(dir: string, fingerprint: string) {
  const [readCache, moduleCache, formatCache] = await Promise.all([
    loadCache(dir, CACHES.readCache, fingerprint, isCachedRead) as Promise<Map<string, CachedRead>>,
    loadCache(dir, CACHES.moduleCache, fingerprint, isString),
    loadCache(dir, CACHES.formatCache, fingerprint, isString),
  ]);
  return { readCache, moduleCache, formatCache };
}

async function saveCaches(dir: string, fingerprint: string, caches: Awaited<ReturnType<typeof loadCaches>>): Promise<void> {
  await Promise.all(Object.entries(CACHES).map(([key, name]) => saveCache(dir, name, fingerprint, caches[key as keyof typeof CACHES])));
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

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
  // For the generation benchmark: the process's peak memory, in KB.
  if (process.env["MDMODEL_PRINT_RSS"]) process.stderr.write(`maxrss=${process.resourceUsage().maxRSS}\n`);
}
