/**
 * `mdmodel generate`: reads the docs, then writes the output folder or (`--check`) compares
 * it, and hands what it found to a reporter (text, json or github). Every failure of the file
 * system or the environment is a one-line message and exit 3, never a stack trace.
 */
import { statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { resolveConfig as resolvePrettierConfig, type Options as PrettierOptions } from "prettier";
import { type Config, resolveConfig } from "../config/defaults.js";
import { loadConfig } from "../config/load.js";
import { isCachedRead, isString, loadCache, saveCache } from "../engine/disk-cache.js";
import type { CachedRead } from "../generate.js";
import { generatorIdentity } from "../identity.js";
import { loadDocs, loadRuntimeTemplate } from "../io/load-docs.js";
import { cacheDir } from "../shared/cache-dir.js";
import { countBySeverity } from "../shared/diagnostics.js";
import type { SourceDoc } from "../shared/source-doc.js";
import { checkOutput, driftDiffs, isClean, vouchedByManifest } from "../write/check.js";
import { GitDocsError } from "../io/git-docs.js";
import { baseOutput, folderOutput, locallyVerifiedOutput, recordVerified, type TrustedOutput } from "./previous-output.js";
import { docHash, inputKey, MANIFEST_PATH, parseManifest, sameOutput } from "../write/manifest.js";
import { printable } from "./report/printable.js";
import { readText } from "../shared/read-text.js";
import { LockedError } from "../write/transaction.js";
import { UnsafeOutputError, writeOutput } from "../write/writer.js";
import { EXIT, type CliIo } from "./io.js";
import { progressFor } from "./progress.js";
import { painter, useColors } from "./report/color.js";
import { joinPath, toFindings, type DriftEntry } from "./report/findings.js";
import { githubReport } from "./report/github.js";
import { jsonReport } from "./report/json.js";
import type { RunReport, RunSummary } from "./report/run-report.js";
import { summaryLine, textReport } from "./report/text.js";
import { watchDocs } from "./watch.js";

export type ReporterName = "text" | "json" | "github";
const REPORTERS: readonly ReporterName[] = ["text", "json", "github"];

interface RunOptions {
  config: Config;
  inputDir: string;
  outDir: string;
  /** The output folder and the input folder as the working folder sees them (`/` separated). */
  outLabel: string;
  inputLabel: string;
  check: boolean;
  strict: boolean;
  quiet: boolean;
  verbose: boolean;
  formatOptions: PrettierOptions;
  full: boolean;
  cache: boolean;
  identity: string;
  reporter: ReporterName;
  /** The command that writes what `--check` found missing: the same, without `--check`. */
  fix: string;
  /** `--base REF`: the ref whose committed output `--check` trusts for what no change reaches (`output` is undefined when it has none). */
  base: { ref: string; output: TrustedOutput | undefined } | undefined;
}

/** The options `main.ts` parsed for `generate`. */
export type GenerateValues = Readonly<Record<string, string | boolean | undefined>>;

/** Runs `mdmodel generate` with parsed options (`argv`, as given, makes the fix `--check` names); returns the exit code. */
export async function runGenerate(values: GenerateValues, io: CliIo, argv: readonly string[] = [], signal?: AbortSignal): Promise<number> {
  const flag = (name: string, fallback = false) => (typeof values[name] === "boolean" ? (values[name] as boolean) : fallback);
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const reporter = text("reporter") ?? (io.env["GITHUB_ACTIONS"] === "true" ? "github" : "text");
  if (!REPORTERS.includes(reporter as ReporterName)) {
    io.stderr(`mdmodel: --reporter must be one of ${REPORTERS.join(", ")}, got "${reporter}"`);
    return EXIT.usage;
  }
  if (flag("check") && flag("watch")) {
    io.stderr("mdmodel: --check and --watch cannot be combined");
    return EXIT.usage;
  }
  if (text("base") !== undefined && !flag("check")) {
    io.stderr("mdmodel: --base works with --check only: a run that writes reuses its own output folder");
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
  const label = (path: string) => relative(io.cwd, path).split(sep).join("/") || ".";
  const folderProblem = checkFolders(inputDir, outDir, label);
  if (folderProblem) {
    io.stderr(`mdmodel: ${folderProblem}`);
    return EXIT.usage;
  }
  let formatOptions: PrettierOptions;
  try {
    formatOptions = (await resolvePrettierConfig(join(outDir, "index.ts"))) ?? {};
  } catch (error) {
    io.stderr(`mdmodel: cannot read the project's prettier config: ${(error as Error).message.split("\n")[0]}`);
    return EXIT.usage;
  }
  const options: RunOptions = {
    config,
    inputDir,
    outDir,
    outLabel: label(outDir),
    inputLabel: label(inputDir),
    check: flag("check"),
    full: flag("full"),
    cache: flag("cache", true),
    strict: flag("strict"),
    quiet: flag("quiet"),
    verbose: flag("verbose"),
    formatOptions,
    identity: generatorIdentity(),
    reporter: reporter as ReporterName,
    fix: fixCommand(argv),
    base: undefined,
  };
  const base = text("base");
  if (base !== undefined) {
    try {
      options.base = { ref: base, output: baseOutput(outDir, base) };
    } catch (error) {
      if (!(error instanceof GitDocsError)) throw error;
      io.stderr(`mdmodel: --base ${printable(base)}: ${printable(error.message)}`);
      return EXIT.usage;
    }
  }

  if (!flag("watch")) return runAndReport(options, io);
  await runAndReport(options, io);
  await watchDocs(
    inputDir,
    io,
    async (changed) => {
      io.stdout(`mdmodel: ${changed.length === 1 ? changed[0] : `${changed.length} docs`} changed`);
      await runAndReport(options, io);
    },
    signal,
  );
  return EXIT.ok;
}

/** Why the folders cannot be used, or `undefined`. */
function checkFolders(inputDir: string, outDir: string, label: (path: string) => string): string | undefined {
  if (outDir === inputDir || `${inputDir}${sep}`.startsWith(`${outDir}${sep}`)) {
    return `the output folder ${label(outDir)} must not be or contain the input folder ${label(inputDir)}`;
  }
  const input = statOrUndefined(inputDir);
  if (!input) return `the input folder ${label(inputDir)} does not exist`;
  if (!input.isDirectory()) return `the input folder ${label(inputDir)} is a file, not a folder`;
  const out = statOrUndefined(outDir);
  if (out && !out.isDirectory()) return `the output folder ${label(outDir)} is a file, not a folder; remove it or choose another --out`;
  return undefined;
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** `mdmodel generate` with the arguments given, less `--check` and the reporter. */
function fixCommand(argv: readonly string[]): string {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    // `--base` is for the check only: the run that writes reuses its own folder.
    if (arg === "--check" || arg.startsWith("--reporter=") || arg.startsWith("--base=")) continue;
    if (arg === "--reporter" || arg === "--base") {
      i += 1;
      continue;
    }
    kept.push(/^[\w./=@:-]+$/.test(arg) ? arg : JSON.stringify(arg));
  }
  return ["mdmodel", "generate", ...kept].join(" ");
}

/** One run, reported; a failure of the file system or the environment becomes exit 3 with one line. */
async function runAndReport(options: RunOptions, io: CliIo): Promise<number> {
  const started = performance.now();
  const sources = new Map<string, string>();
  let report: RunReport;
  try {
    report = await runOnce(options, io, sources, started);
  } catch (error) {
    report = failed(options, environmentMessage(error, io.cwd), started);
  }
  print(report, options, io, sources);
  return report.exitCode;
}

function failed(options: RunOptions, failure: string, started: number, summary?: RunSummary): RunReport {
  return {
    command: options.check ? "check" : "generate",
    exitCode: EXIT.usage,
    out: options.outLabel,
    ...(summary ? { summary: { ...summary, ms: performance.now() - started } } : {}),
    findings: [],
    drift: [],
    diffs: new Map(),
    unchangedDocs: new Set(),
    notes: [],
    failure,
    strict: options.strict,
  };
}

/** A file-system error as one line that names the path (from `cwd`); anything else as an internal error. */
export function environmentMessage(error: unknown, cwd: string): string {
  if (error instanceof UnsafeOutputError || error instanceof LockedError) return error.message;
  const system = error as { code?: string; path?: string; syscall?: string; message?: string };
  // The file meant, not the temporary name it was being written under.
  const path = system.path ? ` ${relative(cwd, system.path.replace(/\.\d+\.tmp$/, "")).split(sep).join("/") || "."}` : "";
  const reasons: Record<string, string> = {
    EACCES: `permission denied:${path}`,
    EPERM: `not permitted:${path}`,
    EROFS: `read-only file system:${path}`,
    ENOSPC: `no space left on the device, writing${path}`,
    EDQUOT: `disk quota exceeded, writing${path}`,
    ENAMETOOLONG: `a file name is too long:${path}`,
    ENOTDIR: `a folder on the path is a file:${path}`,
    EISDIR: `a file on the path is a folder:${path}`,
    EEXIST: `something is in the way:${path}`,
    ENOENT: `no such file or folder:${path}`,
    EMFILE: "too many open files",
    EIO: `an input/output error:${path}`,
  };
  if (system.code !== undefined && reasons[system.code]) return reasons[system.code]!;
  if (system.code !== undefined) return `${system.syscall ?? "a file operation"} failed (${system.code})${path}`;
  return `internal error: ${system.message ?? String(error)} (please report it)`;
}

/** Reads, generates and writes or compares; returns what the reporter prints. */
async function runOnce(options: RunOptions, io: CliIo, sources: Map<string, string>, started: number): Promise<RunReport> {
  const { config } = options;
  const command = options.check ? "check" : "generate";
  const base: Pick<RunReport, "command" | "out" | "drift" | "diffs" | "notes" | "strict"> = { command, out: options.outLabel, drift: [], diffs: new Map(), notes: [], strict: options.strict };
  const docs = await loadDocs(options.inputDir);
  const unchangedDocs = docsUnchangedSinceManifest(options.outDir, docs);
  const trusted = trustedOutput(options, io);
  // A check trusts a base's manifest for the files only while the folder's manifest says the same.
  const sameManifest = trusted?.source !== "base" || (trusted.folderManifest !== undefined && sameOutput(trusted.folderManifest, trusted.manifestText));
  if (trusted && sameManifest && !options.verbose) {
    // Nothing changed since the trusted manifest was written: no doc needs parsing, no file writing.
    const stats = await vouchedByManifest(options.outDir, trusted.previous.manifest, docs, inputKey(config, options.formatOptions), options.identity);
    if (stats && !(options.strict && stats.warnings > 0)) {
      const summary: RunSummary = { ...stats, errors: 0, vouched: true, ms: performance.now() - started };
      return { ...base, exitCode: EXIT.ok, summary, findings: [], unchangedDocs };
    }
  }
  for (const doc of docs) sources.set(doc.path, doc.text);
  const progress = progressFor(io, { docs: docs.length, quiet: options.quiet, text: options.reporter === "text" });
  // Loaded here, not at the top: a run that the manifest vouches for never needs them.
  const { generate } = await import("../generate.js");
  // --no-cache writes no cache at all, ts-morph's compiled code included (shared/code-cache.ts).
  if (!options.cache) process.env["MDMODEL_NO_CODE_CACHE"] = "1";
  const caches = options.cache && !options.full ? await loadCaches(cacheDir(io.cwd), options.identity) : undefined;
  const result = await generate({
    docs,
    runtimeTemplate: await loadRuntimeTemplate(),
    config,
    identity: options.identity,
    formatOptions: options.formatOptions,
    ...(caches ?? {}),
    // --verbose and --strict need every doc's messages, so they read every doc.
    ...(trusted && !options.strict && !options.verbose ? { previous: trusted.previous } : {}),
    onProgress: ({ phase, done, total }) => progress.update(phase === "reading" ? "reading docs" : "emitting and formatting modules", done, total),
  });
  progress.done();
  if (caches && result.files.length > 0) await saveCaches(cacheDir(io.cwd), options.identity, caches);

  const counts = countBySeverity(result.messages);
  const findings = toFindings(result.messages, options.inputLabel);
  const warningsNotRead = result.sparse ? result.stats.warnings - counts.warning : 0;
  const summary = (files?: RunSummary["files"]): RunSummary => ({
    ...result.stats,
    errors: counts.error,
    // A sparse run counts the warnings of the docs it did not read as the manifest recorded them.
    warnings: result.sparse ? result.stats.warnings : counts.warning,
    ...(files ? { files } : {}),
    vouched: false,
    ...(result.sparse ? { sparse: result.sparse } : {}),
    ms: performance.now() - started,
  });
  if (counts.error + (options.strict ? counts.warning : 0) > 0) return { ...base, exitCode: EXIT.invalidDocs, summary: summary(), findings, unchangedDocs };

  if (options.check) {
    const drift = await checkOutput(options.outDir, result.files, trusted?.source === "base" ? trusted.previous.manifest : undefined);
    const notes = drift.foreign.map((path) => `${joinPath(options.outLabel, path)} is not mdmodel's (no manifest lists it), so --check and generate leave it alone`);
    if (isClean(drift)) {
      if (options.cache && trusted?.folderManifest !== undefined) recordVerified(options.outDir, cacheDir(io.cwd), trusted.folderManifest);
      else if (options.cache) recordFolderManifest(options.outDir, cacheDir(io.cwd));
      return { ...base, exitCode: EXIT.ok, summary: summary({ checked: result.files.length }), findings, unchangedDocs, notes, warningsNotRead };
    }
    const all: Array<DriftEntry & { path: string }> = [
      ...drift.edited.map((file) => ({ kind: "edited" as const, path: file.path })),
      ...drift.stale.map((file) => ({ kind: "stale" as const, path: file.path })),
      ...drift.missing.map((path) => ({ kind: "missing" as const, path })),
      ...drift.removed.map((path) => ({ kind: "removed" as const, path })),
    ].map((entry) => ({ ...entry, file: joinPath(options.outLabel, entry.path) }));
    // The manifest changes with every other file: it is named only when it is all that differs.
    const named = all.filter((entry) => entry.path !== MANIFEST_PATH);
    const entries: DriftEntry[] = (named.length > 0 ? named : all).map(({ kind, file }) => ({ kind, file }));
    const diffs = driftDiffs(drift, options.outLabel);
    // A plain `generate` trusts the folder's manifest; where the check could not (a forged hash would survive), the fix reads every doc.
    const forgeable = !options.full && (trusted ? trusted.source === "base" && drift.edited.length > 0 : folderOutput(options.outDir) !== undefined);
    const fix = forgeable ? `${options.fix} --full` : options.fix;
    return { ...base, exitCode: EXIT.drift, summary: summary(), findings, drift: entries, diffs, unchangedDocs, notes, fix, warningsNotRead };
  }

  const writeProgress = progressFor(io, { docs: docs.length, quiet: options.quiet, text: options.reporter === "text" });
  let written;
  try {
    written = await writeOutput(options.outDir, result.files, (done, total) => writeProgress.update("writing files", done, total));
  } finally {
    writeProgress.done();
  }
  const files = { written: written.written.length, unchanged: written.unchanged.length, removed: written.removed.length };
  const manifest = result.files.find((file) => file.path === MANIFEST_PATH);
  if (options.cache && manifest) recordVerified(options.outDir, cacheDir(io.cwd), manifest.content);
  const kept = written.kept.map((path) => `kept ${joinPath(options.outLabel, path)}: no doc produces it now, but it no longer holds what mdmodel wrote, so it is yours (mdmodel stops listing it)`);
  return { ...base, exitCode: EXIT.ok, summary: summary(files), findings, unchangedDocs, said: kept, warningsNotRead };
}

/** What this run may reuse of the output folder, and trust: see `previous-output.ts`. */
function trustedOutput(options: RunOptions, io: CliIo): TrustedOutput | undefined {
  if (options.full) return undefined;
  if (!options.check) return folderOutput(options.outDir);
  if (options.base) return options.base.output;
  return options.cache ? locallyVerifiedOutput(options.outDir, cacheDir(io.cwd)) : undefined;
}

/** After a clean check that trusted no manifest, the folder's manifest is one this machine checked. */
function recordFolderManifest(outDir: string, cache: string): void {
  const text = readText(join(outDir, MANIFEST_PATH));
  if (text !== undefined) recordVerified(outDir, cache, text);
}

/** Docs whose text is the one the output folder's manifest records: their warnings were reported when it was written. */
function docsUnchangedSinceManifest(outDir: string, docs: readonly SourceDoc[]): Set<string> {
  let manifest;
  try {
    manifest = parseManifest(readText(join(outDir, MANIFEST_PATH)));
  } catch {
    return new Set();
  }
  const recorded = manifest?.inputs?.docs ?? {};
  return new Set(docs.filter((doc) => Object.hasOwn(recorded, doc.path) && recorded[doc.path] === docHash(doc)).map((doc) => doc.path));
}

function print(report: RunReport, options: RunOptions, io: CliIo, sources: ReadonlyMap<string, string>): void {
  const { verbose, quiet } = options;
  if (options.reporter === "json") {
    io.stdout(jsonReport(report));
    return;
  }
  if (options.reporter === "github") {
    const lines = githubReport(report, { verbose, quiet }, quiet && report.exitCode === 0 ? undefined : summaryLine(report));
    for (const line of lines) io.stdout(line);
    return;
  }
  const paint = painter(useColors(io.env, { isTTY: io.tty, ...(io.hasColors ? { hasColors: io.hasColors } : {}) }));
  const { stdout, stderr } = textReport(report, { verbose, quiet, paint, sources });
  for (const line of stderr) io.stderr(line);
  for (const line of stdout) io.stdout(line);
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
