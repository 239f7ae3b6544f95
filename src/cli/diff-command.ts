/**
 * `mdmodel diff --base <ref-or-folder>`: what the doc changes since the base do to the code that
 * reads the models and to the code that writes them. Exit 0 when nothing that `--fail-on`
 * counts changed, 1 when something did, 2 when a side's docs have errors, 3 for bad usage.
 */
import { statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { resolveConfig, type Config } from "../config/defaults.js";
import { loadConfig } from "../config/load.js";
import { diffModels, shownByDefault } from "../diff/compare.js";
import { enabledOutputs } from "../shared/outputs.js";
import { FAIL_ON, fails, RULES, type FailOn } from "../diff/rules.js";
import { findRepository, GitDocsError, hasCommit, loadDocsAtRef } from "../io/git-docs.js";
import { loadDocs } from "../io/load-docs.js";
import { countBySeverity } from "../shared/diagnostics.js";
import type { SourceDoc } from "../shared/source-doc.js";
import { readModels } from "../pipeline/read-models.js";
import { EXIT, type CliIo } from "./io.js";
import { painter, useColors } from "./report/color.js";
import {
  diffGithubReport,
  diffJsonReport,
  diffMarkdownReport,
  diffTextReport,
  type DiffEntry,
  type DiffReport,
} from "./report/diff-report.js";
import { joinPath, toFindings } from "./report/findings.js";
import { invalidConfig, printable } from "./report/printable.js";
import type { OptionValues } from "./usage.js";

const REPORTERS = ["text", "json", "github", "markdown"] as const;
type Reporter = (typeof REPORTERS)[number];

export async function runDiff(values: OptionValues, io: CliIo): Promise<number> {
  const text = (name: string) => (typeof values[name] === "string" ? values[name] : undefined);
  const usage = (message: string) => {
    io.stderr(`mdmodel: ${message}`);
    return EXIT.usage;
  };
  const base = text("base");
  if (base === undefined || base === "")
    return usage("diff needs --base <git ref or folder>, e.g. --base origin/main or --base ./old-docs");
  const reporter = (text("reporter") ?? (io.env["GITHUB_ACTIONS"] === "true" ? "github" : "text")) as Reporter;
  if (!REPORTERS.includes(reporter))
    return usage(`--reporter must be one of ${REPORTERS.join(", ")}, got "${printable(reporter)}"`);
  const failOn = (text("fail-on") ?? "breaking") as FailOn;
  if (!FAIL_ON.includes(failOn))
    return usage(`--fail-on must be one of ${FAIL_ON.join(", ")}, got "${printable(failOn)}"`);
  const loaded = loadConfig(io.cwd, text("config"));
  if (!loaded.ok) return usage(invalidConfig(loaded.source, loaded.errors));
  const config: Config = resolveConfig({ ...loaded.config, input: text("input") ?? loaded.config.input });
  const inputDir = resolve(io.cwd, config.input);
  const label = (path: string) => printable(relative(io.cwd, path).split(sep).join("/") || ".");
  const inputLabel = label(inputDir);
  if (!isFolder(inputDir)) return usage(`the input folder ${inputLabel} does not exist or is not a folder`);

  let baseDocs: SourceDoc[];
  let baseFile: (docPath: string) => string;
  let baseLabel: string;
  let baseIsRef = false;
  // A folder is written as a path (./old-docs, ../x, /abs); anything else is a ref, so a folder a pull request adds cannot pass for one.
  const asFolder = looksLikePath(base);
  const baseFolder = resolve(io.cwd, base);
  // git is asked only about the working folder's repository, never one inside the docs.
  const repository = findRepository(io.cwd, [inputDir]);
  try {
    if (asFolder) {
      if (!isFolder(baseFolder)) return usage(`--base ${printable(base)} is not a folder`);
      baseDocs = await loadDocs(baseFolder);
      baseLabel = label(baseFolder);
      baseFile = (docPath) => joinPath(baseLabel, docPath);
    } else {
      if (repository === undefined)
        return usage(
          `--base ${printable(base)}: the working folder is not in a git repository (for a folder, write it as a path: ./${printable(base)})`,
        );
      const ref = hasCommit(repository, base);
      if (isFolder(baseFolder)) {
        return usage(
          ref
            ? `--base ${printable(base)} names both a git ref and a folder; write the folder as ./${printable(base)}, or the ref unambiguously (refs/remotes/${printable(base)}, a commit)`
            : `--base ${printable(base)} is no git ref; for the folder, write it as a path: ./${printable(base)}`,
        );
      }
      if (!ref)
        return usage(
          `--base ${printable(base)}: the repository has no commit "${printable(base)}" (for a folder, write it as a path: ./${printable(base)})`,
        );
      baseDocs = loadDocsAtRef(repository, inputDir, base);
      baseLabel = base;
      baseIsRef = true;
      baseFile = (docPath) => `${base}:${joinPath(inputLabel, docPath)}`;
    }
  } catch (error) {
    if (error instanceof GitDocsError)
      return usage(
        `--base ${printable(base)}: cannot read the docs of ${inputLabel} at that ref: ${printable(error.message)}`,
      );
    return usage(`cannot read the docs of --base ${printable(base)}: ${printable((error as Error).message)}`);
  }
  let headDocs: SourceDoc[];
  try {
    headDocs = await loadDocs(inputDir);
  } catch (error) {
    return usage(`cannot read ${inputLabel}: ${printable((error as Error).message)}`);
  }

  // A folder that did not exist at the ref is no error (its docs are all new), but it is worth a line.
  if (baseDocs.length === 0)
    io.stderr(
      `mdmodel: no docs in ${baseIsRef ? `${inputLabel} at ${printable(base)}` : baseLabel}; every model counts as added`,
    );
  const before = readModels(baseDocs, config);
  const after = readModels(headDocs, config);
  for (const [side, read, where] of [
    ["the base", before, baseLabel],
    ["the docs", after, inputLabel],
  ] as const) {
    const messages = [...read.files.values()].flatMap((file) => file.messages);
    if (countBySeverity(messages).error === 0) continue;
    const findings = toFindings(messages, side === "the base" ? "" : inputLabel).filter(
      (finding) => finding.severity === "error",
    );
    for (const finding of findings)
      io.stderr(
        `${printable(side === "the base" ? baseFile(finding.docPath) : finding.file)}:${finding.line}:${finding.column}: error: ${printable(finding.message)}`,
      );
    io.stderr(
      `mdmodel: ${side} (${printable(where)}) ${findings.length === 1 ? "has an error" : `have ${findings.length} errors`}; diff compares docs that read without errors`,
    );
    return EXIT.invalidDocs;
  }

  const verbose = values["verbose"] === true;
  const examples = enabledOutputs(config.outputs).has("examples");
  const entries: DiffEntry[] = diffModels(before.models, after.models, { examples })
    .filter((change) => verbose || shownByDefault(change))
    .map((change) => ({
      ...change,
      file: change.side === "base" ? baseFile(change.docPath) : joinPath(inputLabel, change.docPath),
      readers: RULES[change.rule].readers,
      writers: RULES[change.rule].writers,
      failing: fails(change.rule, failOn),
    }));
  const report: DiffReport = {
    base: baseLabel,
    head: inputLabel,
    entries,
    exitCode: entries.some((entry) => entry.failing) ? 1 : 0,
  };
  print(report, reporter, io);
  return report.exitCode;
}

function print(report: DiffReport, reporter: Reporter, io: CliIo): void {
  if (reporter === "json") return io.stdout(diffJsonReport(report));
  if (reporter === "markdown") return io.stdout(diffMarkdownReport(report));
  if (reporter === "github") return io.stdout(diffGithubReport(report).join("\n"));
  const paint = painter(useColors(io.env, { isTTY: io.tty, ...(io.hasColors ? { hasColors: io.hasColors } : {}) }));
  const { stdout, stderr } = diffTextReport(report, paint);
  if (stdout.length > 0) io.stdout(stdout.join("\n"));
  if (stderr.length > 0) io.stderr(stderr.join("\n"));
}

/** Whether `value` is written as a path (`./x`, `../x`, `/x`, `.`, `C:\\x`) rather than a git ref. */
function looksLikePath(value: string): boolean {
  return (
    value === "." ||
    value === ".." ||
    /^\.{1,2}[\\/]/.test(value) ||
    value.startsWith("/") ||
    /^[a-zA-Z]:[\\/]/.test(value)
  );
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
