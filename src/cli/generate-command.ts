/**
 * `mdmodel generate`: reads the docs, then writes the output folder or (`--check`) compares
 * it, and hands what it found to a reporter (text, json or github). Every failure of the file
 * system or the environment is a one-line message and exit 3, never a stack trace.
 */
import { homedir } from "node:os";
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
import { findRepository, hasCommit, type Repository } from "../io/git-docs.js";
import {
  baseOutput,
  folderOutput,
  locallyVerifiedOutput,
  recordVerified,
  type TrustedOutput,
} from "./previous-output.js";
import { docHash, inputKey, MANIFEST_PATH, sameOutput } from "../write/manifest.js";
import { readOutputFolder, type OutputFolder } from "../write/output-folder.js";
import { configFromFlags } from "./config-flags.js";
import { invalidConfig, printable } from "./report/printable.js";
import type { OptionValues } from "./usage.js";
import { readRegularFile, UnreadableFileError } from "../shared/read-text.js";
import { JOURNAL, LockedError, STAGING, type Recovery } from "../write/transaction.js";
import { holdOutput, OutputConflictError, UnsafeOutputError, writeHeld, type HeldOutput } from "../write/writer.js";
import { folderProblem } from "./folders.js";
import { noModelDocsMessage } from "./no-model-docs.js";
import { EXIT, type CliIo } from "./io.js";
import { progressFor } from "./progress.js";
import { painter, useColors } from "./report/color.js";
import { joinPath, toFindings, type DriftEntry } from "./report/findings.js";
import { githubReport } from "./report/github.js";
import { jsonReport } from "./report/json.js";
import type { RunReport, RunSummary } from "./report/run-report.js";
import { ShownFindings } from "./report/shown-findings.js";
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
  /** `--force`: replace files mdmodel did not write where the docs now put one. */
  force: boolean;
  cache: boolean;
  /** The working folder's repository, for `--base` (git is asked nothing else). */
  repository: Repository | undefined;
  /** The config file the options came from, as the working folder sees it. */
  configSource: string | undefined;
  identity: string;
  reporter: ReporterName;
  /** The command that writes what `--check` found missing: the same, without `--check`. */
  fix: string;
  /** `--base REF`: the ref whose committed output `--check` trusts for what no change reaches. */
  base: string | undefined;
  /** Abandons the run under way (`--watch` told to stop): nothing is written, and the lock is let go. */
  signal?: AbortSignal;
}

/** The options `main.ts` parsed for `generate`. */
export type GenerateValues = OptionValues;

/** Runs `mdmodel generate` with parsed options (`argv`, as given, makes the fix `--check` names); returns the exit code. */
export async function runGenerate(
  values: GenerateValues,
  io: CliIo,
  argv: readonly string[] = [],
  signal?: AbortSignal,
): Promise<number> {
  const flag = (name: string, fallback = false) => (typeof values[name] === "boolean" ? values[name] : fallback);
  const text = (name: string) => (typeof values[name] === "string" ? values[name] : undefined);
  const reporter = text("reporter") ?? (io.env["GITHUB_ACTIONS"] === "true" ? "github" : "text");
  if (!REPORTERS.includes(reporter as ReporterName)) {
    io.stderr(`mdmodel: --reporter must be one of ${REPORTERS.join(", ")}, got "${printable(reporter)}"`);
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
    io.stderr(`mdmodel: ${invalidConfig(loaded.source, loaded.errors)}`);
    return EXIT.usage;
  }
  const flags = configFromFlags(values);
  if (!flags.ok) {
    io.stderr(`mdmodel: ${flags.errors.map(printable).join("\nmdmodel: ")}`);
    return EXIT.usage;
  }
  const config = resolveConfig({
    ...loaded.config,
    ...flags.config,
    input: text("input") ?? loaded.config.input,
    out: text("out") ?? loaded.config.out,
  });
  const inputDir = resolve(io.cwd, config.input);
  const outDir = resolve(io.cwd, config.out);
  const label = (path: string) => relative(io.cwd, path).split(sep).join("/") || ".";
  // git is asked only about the working folder's repository: never one found inside the docs or the output.
  const repository = findRepository(io.cwd, [inputDir, outDir]);
  const folderError = folderProblem({
    cwd: io.cwd,
    inputDir,
    outDir,
    repositoryRoot: repository?.root,
    home: homedir(),
    fromConfig: {
      input: text("input") === undefined && loaded.config.input !== undefined,
      out: text("out") === undefined && loaded.config.out !== undefined,
      dir: loaded.dir,
    },
    defaultInput: text("input") === undefined && loaded.config.input === undefined,
    label,
  });
  if (folderError) {
    io.stderr(`mdmodel: ${printable(folderError)}`);
    return EXIT.usage;
  }
  const base = text("base");
  if (base !== undefined) {
    const why =
      repository === undefined
        ? "the working folder is not in a git repository"
        : !hasCommit(repository, base)
          ? `the repository has no commit "${base}"`
          : undefined;
    if (why) {
      io.stderr(`mdmodel: --base ${printable(base)}: ${printable(why)}`);
      return EXIT.usage;
    }
  }
  let formatOptions: PrettierOptions;
  try {
    formatOptions = (await resolvePrettierConfig(join(outDir, "index.ts"))) ?? {};
  } catch (error) {
    io.stderr(
      `mdmodel: cannot read the project's prettier config: ${printable((error as Error).message.split("\n")[0] ?? "")}`,
    );
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
    force: flag("force"),
    cache: flag("cache", true),
    strict: flag("strict"),
    quiet: flag("quiet"),
    verbose: flag("verbose"),
    formatOptions,
    identity: generatorIdentity(),
    reporter: reporter as ReporterName,
    fix: fixCommand(argv, io.cwd),
    repository,
    configSource: loaded.source,
    base,
  };

  if (!flag("watch")) return runAndReport(options, io);
  const shown = new ShownFindings();
  await runAndReport(options, io, shown);
  await watchDocs(
    inputDir,
    io,
    async (changed, stop) => {
      io.stdout(`mdmodel: ${changed.length === 1 ? printable(changed[0]!) : `${changed.length} docs`} changed`);
      await runAndReport({ ...options, signal: stop }, io, shown);
    },
    signal,
  );
  return EXIT.ok;
}

/** `mdmodel generate` with the arguments given, less `--check` and the reporter. */
function fixCommand(argv: readonly string[], cwd: string): string {
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
  const command = ["mdmodel", "generate", ...kept].join(" ");
  // `mdmodel` is on the PATH only inside npm scripts: name the project's script that runs this, else npx.
  const script = Object.entries(packageScripts(cwd)).find(([, text]) => text.trim() === command)?.[0];
  return script !== undefined
    ? `npm run ${/^[\w:.-]+$/.test(script) ? script : JSON.stringify(script)}`
    : `npx ${command}`;
}

/** The scripts of the working folder's package.json; none when there is no such file or it cannot be read. */
function packageScripts(cwd: string): Record<string, string> {
  try {
    const file = readRegularFile(join(cwd, "package.json"), { maxBytes: 1024 * 1024 });
    const scripts = file ? (JSON.parse(file.text) as { scripts?: unknown }).scripts : undefined;
    if (typeof scripts !== "object" || scripts === null) return {};
    return Object.fromEntries(
      Object.entries(scripts).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
  } catch {
    return {};
  }
}

/** One run, reported; a failure of the file system or the environment becomes exit 3 with one line. */
async function runAndReport(options: RunOptions, io: CliIo, shown?: ShownFindings): Promise<number> {
  const started = performance.now();
  const sources = new Map<string, string>();
  let report: RunReport;
  try {
    report = await runOnce(options, io, sources, started);
  } catch (error) {
    if (options.signal?.aborted) {
      io.stdout(
        "mdmodel: stopped; the regeneration under way was abandoned, and the output is as the last finished run left it",
      );
      return EXIT.ok;
    }
    report = failed(
      options,
      error instanceof OutputConflictError ? conflictMessage(error, options) : environmentMessage(error, io.cwd),
      started,
    );
  }
  // --watch prints what is new since its last run; the json and github reporters give every finding each time.
  print(shown && options.reporter === "text" ? shown.next(report) : report, options, io, sources);
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

/** Why a file in the output folder stops the run, as one line that names it, what it is in the way of, and the way out. */
function conflictMessage(error: OutputConflictError, options: RunOptions): string {
  const at = (path: string) => joinPath(options.outLabel, path);
  const doc = error.doc === undefined ? "the docs" : joinPath(options.inputLabel, error.doc);
  switch (error.kind) {
    case "foreign":
      return `refusing to replace ${at(error.path)}: mdmodel did not write it (no manifest lists it), and ${doc} now put${error.doc === undefined ? "" : "s"} a generated file there; move it away, or run again with --force to replace it`;
    case "shadow":
      return error.generated === undefined
        ? `${at(error.path)}: a package.json inside the output folder changes how its generated modules are imported; remove it`
        : `${at(error.path)} would be imported instead of the generated ${at(error.generated)} (bundlers and loaders resolve "./${error.generated.slice(error.generated.lastIndexOf("/") + 1).replace(/\.ts$/, ".js")}" to it first); remove it`;
    case "folder":
      return `${at(error.path)} is a folder where ${doc} put${error.doc === undefined ? "" : "s"} a generated file; remove or rename it`;
    case "not-a-folder":
      return `${at(error.path)} is not a folder, and ${at(error.generated ?? error.path)} goes inside it; remove or rename it`;
    case "link":
      return error.path === error.generated
        ? `${at(error.path)} is a symbolic link where mdmodel writes a generated file, and mdmodel follows no link in the output folder; remove it, or run again with --force to replace the link`
        : `${at(error.path)} is a symbolic link, and ${at(error.generated ?? error.path)} goes inside it; mdmodel follows no link in the output folder: make it a real folder`;
  }
}

/** A file-system error as one line that names the path (from `cwd`); anything else as an internal error. */
export function environmentMessage(error: unknown, cwd: string): string {
  if (error instanceof UnsafeOutputError || error instanceof LockedError) return error.message;
  if (error instanceof UnreadableFileError)
    return `${relative(cwd, error.path).split(sep).join("/") || error.path}: ${error.message.slice(error.path.length).trim()}`;
  const system = error as { code?: string; path?: string; syscall?: string; message?: string };
  // The file meant, not the temporary name it was being written under.
  const path = system.path
    ? ` ${
        relative(cwd, system.path.replace(/\.\d+\.tmp$/, ""))
          .split(sep)
          .join("/") || "."
      }`
    : "";
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
    EXDEV: `a part of the output folder is another file system (a mount), which no rename reaches:${path}`,
  };
  if (system.code !== undefined && reasons[system.code]) return reasons[system.code]!;
  if (system.code !== undefined) return `${system.syscall ?? "a file operation"} failed (${system.code})${path}`;
  return `internal error: ${system.message ?? String(error)} (please report it)`;
}

/** Reads, generates and writes or compares; returns what the reporter prints. */
async function runOnce(
  options: RunOptions,
  io: CliIo,
  sources: Map<string, string>,
  started: number,
): Promise<RunReport> {
  const docs = await loadDocs(options.inputDir);
  if (options.check) return runWith(options, io, sources, started, docs, { folder: readOutputFolder(options.outDir) });
  // A run that writes holds the folder from its first reading to its last write, so no other run changes it in between.
  // The proof of a journal lives beside the caches; --no-cache writes none there (a kill after the commit is then converged on, not completed).
  const proofDir = options.cache ? cacheDir(io.cwd) : undefined;
  const held = holdOutput(options.outDir, proofDir);
  try {
    return await runWith(options, io, sources, started, docs, held, proofDir);
  } finally {
    held.release();
  }
}

/** The run on the one reading of the output folder (`held.folder`); `held.recovery`: what a run that writes found an interrupted run had left. */
async function runWith(
  options: RunOptions,
  io: CliIo,
  sources: Map<string, string>,
  started: number,
  docs: SourceDoc[],
  held: Pick<HeldOutput, "folder" | "readOnly"> & { recovery?: Recovery },
  proofDir?: string,
): Promise<RunReport> {
  const { folder, recovery } = held;
  const { config } = options;
  const command = options.check ? "check" : "generate";
  const said = recoveryLines(recovery, options.outLabel);
  if (folder.manifestProblem !== undefined)
    said.push(
      `ignored ${joinPath(options.outLabel, MANIFEST_PATH)}: it ${folder.manifestProblem}; mdmodel reads its manifest only from a regular file, and trusts nothing it says`,
    );
  const base: Pick<RunReport, "command" | "out" | "drift" | "diffs" | "notes" | "strict" | "said" | "config"> = {
    command,
    out: options.outLabel,
    drift: [],
    diffs: new Map(),
    notes: [],
    strict: options.strict,
    said,
    ...(options.configSource === undefined ? {} : { config: options.configSource }),
  };
  const unchangedDocs = docsUnchangedSinceManifest(folder, docs);
  const trusted = trustedOutput(options, io, folder);
  // A check trusts a base's manifest for the files only while the folder's manifest says the same.
  const sameManifest =
    trusted?.source !== "base" ||
    (trusted.folderManifest !== undefined && sameOutput(trusted.folderManifest, trusted.manifestText));
  if (trusted && sameManifest && !options.verbose) {
    // Nothing changed since the trusted manifest was written: no doc needs parsing, no file writing.
    const stats = vouchedByManifest(
      folder,
      trusted.previous.manifest,
      docs,
      inputKey(config, options.formatOptions),
      options.identity,
    );
    if (stats && !(options.strict && stats.warnings > 0)) {
      const summary: RunSummary = { ...stats, errors: 0, vouched: true, ms: performance.now() - started };
      return { ...base, exitCode: EXIT.ok, summary, findings: [], unchangedDocs, reportedDocs: new Set() };
    }
  }
  for (const doc of docs) sources.set(doc.path, doc.text);
  const progress = progressFor(io, { docs: docs.length, quiet: options.quiet, text: options.reporter === "text" });
  // Loaded here, not at the top: a run that the manifest vouches for never needs them.
  const { generate } = await import("../generate.js");
  // --no-cache writes no cache at all, ts-morph's compiled code included (shared/code-cache.ts).
  if (!options.cache) process.env["MDMODEL_NO_CODE_CACHE"] = "1";
  const caches = options.cache && !options.full ? await loadCaches(cacheDir(io.cwd), options.identity) : undefined;
  // --verbose and --strict need every doc's messages, so they read every doc.
  const withheld = options.strict
    ? "--strict counts every doc's warnings"
    : options.verbose
      ? "--verbose shows every doc's messages"
      : undefined;
  const result = await generate({
    docs,
    runtimeTemplate: await loadRuntimeTemplate(),
    config,
    identity: options.identity,
    formatOptions: options.formatOptions,
    ...(caches ?? {}),
    ...(trusted && !withheld ? { previous: trusted.previous } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: ({ phase, done, total }) =>
      progress.update(phase === "reading" ? "reading docs" : "emitting and formatting modules", done, total),
  });
  progress.done();
  if (caches && result.files.length > 0) await saveCaches(cacheDir(io.cwd), options.identity, caches);
  for (const pattern of result.unmatched ?? [])
    io.stderr(
      `mdmodel: warning: "include" lists ${JSON.stringify(printable(pattern))}, which is no model's name and globs no model doc's path`,
    );

  // A sparse run gives the findings of the docs it read; the others' are as the previous run said.
  const baseReport = result.reported ? { ...base, reportedDocs: new Set(result.reported) } : base;
  const counts = countBySeverity(result.messages);
  const findings = toFindings(result.messages, options.inputLabel);
  const readAll = trusted && !result.sparse ? (withheld ?? result.readAll) : undefined;
  const warningsNotRead = result.sparse ? result.stats.warnings - counts.warning : 0;
  const summary = (files?: RunSummary["files"]): RunSummary => ({
    ...result.stats,
    errors: counts.error,
    // A sparse run counts the warnings of the docs it did not read as the manifest recorded them.
    warnings: result.sparse ? result.stats.warnings : counts.warning,
    ...(files ? { files } : {}),
    vouched: false,
    ...(result.sparse ? { sparse: result.sparse } : {}),
    ...(readAll ? { readAll } : {}),
    ms: performance.now() - started,
  });
  if (counts.error + (options.strict ? counts.warning : 0) > 0)
    return { ...baseReport, exitCode: EXIT.invalidDocs, summary: summary(), findings, unchangedDocs };
  // A wrong folder (or pages mdmodel does not read) must not pass as an empty, green run.
  if (result.stats.models === 0)
    return {
      ...failed(
        options,
        noModelDocsMessage(options.inputDir, options.inputLabel, result.stats.skipped),
        started,
        summary(),
      ),
      findings,
    };

  if (options.check) {
    const drift = checkOutput(folder, result.files, trusted?.source === "base" ? trusted.previous.manifest : undefined);
    const notes = drift.foreign.map(
      (path) =>
        `${joinPath(options.outLabel, path)} is not mdmodel's (no manifest lists it), so --check and generate leave it alone`,
    );
    if (isClean(drift)) {
      if (options.cache && folder.manifestText !== undefined)
        recordVerified(options.outDir, cacheDir(io.cwd), folder.manifestText);
      return {
        ...baseReport,
        exitCode: EXIT.ok,
        summary: summary({ checked: result.files.length }),
        findings,
        unchangedDocs,
        notes,
        warningsNotRead,
      };
    }
    const all: Array<DriftEntry & { path: string }> = [
      ...drift.leftovers.map((path) => ({ kind: "leftover" as const, path })),
      ...drift.shadows.map((path) => ({ kind: "shadow" as const, path })),
      ...drift.conflicts.map((path) => ({ kind: "conflict" as const, path })),
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
    const forgeable =
      !options.full && (trusted ? trusted.source === "base" && drift.edited.length > 0 : folder.manifest !== undefined);
    const fix = forgeable ? `${options.fix} --full` : options.fix;
    return {
      ...baseReport,
      exitCode: EXIT.drift,
      summary: summary(),
      findings,
      drift: entries,
      diffs,
      unchangedDocs,
      notes,
      fix,
      warningsNotRead,
    };
  }

  options.signal?.throwIfAborted();
  const writeProgress = progressFor(io, { docs: docs.length, quiet: options.quiet, text: options.reporter === "text" });
  let written;
  try {
    written = writeHeld(folder, result.files, {
      force: options.force,
      ...(proofDir === undefined ? {} : { proofDir }),
      ...(held.readOnly ? { readOnly: held.readOnly } : {}),
      onProgress: (done, total) => writeProgress.update("writing files", done, total),
    });
  } finally {
    writeProgress.done();
  }
  const files = {
    written: written.written.length,
    unchanged: written.unchanged.length,
    removed: written.removed.length,
  };
  const manifest = result.files.find((file) => file.path === MANIFEST_PATH);
  if (options.cache && manifest) recordVerified(options.outDir, cacheDir(io.cwd), manifest.content);
  const kept = written.kept.map(
    (path) =>
      `kept ${joinPath(options.outLabel, path)}: no doc produces it now, but it no longer holds what mdmodel wrote, so it is yours (mdmodel stops listing it)`,
  );
  return {
    ...baseReport,
    exitCode: EXIT.ok,
    summary: summary(files),
    findings,
    unchangedDocs,
    said: [...said, ...kept],
    warningsNotRead,
  };
}

/** What became of an interrupted run's leftovers, as lines for the user. */
function recoveryLines(recovery: Recovery | undefined, outLabel: string): string[] {
  if (recovery === undefined || recovery.outcome === "clean") return [];
  if (recovery.outcome === "completed") return [`completed the journal an interrupted run left in ${outLabel}`];
  return [
    `dropped ${joinPath(outLabel, JOURNAL)} and ${joinPath(outLabel, STAGING)} without reading them: ${recovery.reason ?? "no run on this machine committed them"}; this run writes the output from the docs`,
  ];
}

/** What this run may reuse of the output folder, and trust: see `previous-output.ts`. */
function trustedOutput(options: RunOptions, io: CliIo, folder: OutputFolder): TrustedOutput | undefined {
  if (options.full) return undefined;
  if (!options.check) return folderOutput(folder);
  if (options.base !== undefined && options.repository !== undefined)
    return baseOutput(folder, options.repository, options.base);
  return options.cache ? locallyVerifiedOutput(folder, cacheDir(io.cwd)) : undefined;
}

/** Docs whose text is the one the output folder's manifest records: their warnings were reported when it was written. */
function docsUnchangedSinceManifest(folder: OutputFolder, docs: readonly SourceDoc[]): Set<string> {
  const recorded = folder.manifest?.inputs?.docs ?? {};
  return new Set(
    docs
      .filter((doc) => Object.hasOwn(recorded, doc.path) && recorded[doc.path] === docHash(doc))
      .map((doc) => doc.path),
  );
}

function print(report: RunReport, options: RunOptions, io: CliIo, sources: ReadonlyMap<string, string>): void {
  const { verbose, quiet } = options;
  if (options.reporter === "json") {
    io.stdout(jsonReport(report));
    return;
  }
  if (options.reporter === "github") {
    const lines = githubReport(
      report,
      { verbose, quiet },
      quiet && report.exitCode === 0 ? undefined : summaryLine(report),
    );
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

async function saveCaches(
  dir: string,
  identity: string,
  caches: Awaited<ReturnType<typeof loadCaches>>,
): Promise<void> {
  await Promise.all(
    Object.entries(CACHES).map(([key, name]) => saveCache(dir, name, identity, caches[key as keyof typeof CACHES])),
  );
}
