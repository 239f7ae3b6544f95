/**
 * The text reporter, for terminals and plain logs: drift first (with diffs), then messages by
 * cause (one cause at many places is one message with its count and the first places), each
 * with a code frame, then one summary line.
 */
import { DIALECT_LABELS } from "../../shared/dialects.js";
import { FAMILY_FACTS } from "../../shared/families.js";
import { type Paint } from "./color.js";
import { groupFindings, type DriftEntry, type Finding, type FindingGroup } from "./findings.js";
import { codeFrame } from "./frame.js";
import { printable } from "./printable.js";
import { shown, type RunReport, type RunSummary } from "./run-report.js";

export interface TextOptions {
  verbose: boolean;
  quiet: boolean;
  paint: Paint;
  /** Each doc's text by its path inside the input folder, for code frames. */
  sources: ReadonlyMap<string, string>;
}

/** How many places of one cause are listed before a count stands for the rest (all with `--verbose`). */
const PLACES = 3;

const STYLE = { error: "red", warning: "yellow", info: "cyan" } as const;

/** The report as stderr and stdout lines. */
export function textReport(report: RunReport, options: TextOptions): { stdout: string[]; stderr: string[] } {
  const stderr: string[] = [];
  const stdout: string[] = [];
  const { paint } = options;
  if (report.failure !== undefined && report.summary === undefined)
    return { stdout, stderr: [`mdmodel: ${printable(report.failure)}`] };

  if (report.drift.length > 0) stderr.push(...driftLines(report, paint));
  const visible = report.findings.filter((finding) => shown(finding.severity, { ...options, strict: report.strict }));
  // --check does not repeat the warnings of docs unchanged since the output was generated (its manifest says which).
  const repeated =
    report.command === "check" && !options.verbose
      ? visible.filter((f) => f.severity === "warning" && report.unchangedDocs.has(f.docPath))
      : [];
  const listed = visible.filter((finding) => !repeated.includes(finding));
  for (const group of groupFindings(listed)) stderr.push(...groupLines(group, options));
  const unrepeated = repeated.length + (options.quiet ? 0 : (report.warningsNotRead ?? 0));
  stderr.push(...resolvedLines(report.resolved ?? []));
  if (report.shownBefore)
    stderr.push(
      `mdmodel: ${count(report.shownBefore, "finding")} printed by an earlier run ${report.shownBefore === 1 ? "is" : "are"} not repeated`,
    );
  if (unrepeated > 0)
    stderr.push(
      `mdmodel: ${count(unrepeated, "warning")} in docs unchanged since the output was generated are not repeated (--verbose shows them)`,
    );
  if (!options.quiet) for (const line of report.said ?? []) stderr.push(`mdmodel: ${printable(line)}`);
  if (options.verbose) for (const note of report.notes) stderr.push(`mdmodel: note: ${printable(note)}`);

  const line = summaryLine(report);
  if (line !== undefined) (report.exitCode === 0 ? stdout : stderr).push(line);
  if (report.exitCode === 0 && options.quiet) stdout.length = 0;
  return { stdout, stderr };
}

/** `--watch`: the findings an earlier run printed that this one no longer gives, a few by name. */
function resolvedLines(resolved: readonly Finding[]): string[] {
  const named = resolved
    .slice(0, PLACES)
    .map((finding) => `mdmodel: resolved: ${printable(finding.file)}: ${printable(finding.message)} [${finding.rule}]`);
  return resolved.length > PLACES
    ? [...named, `mdmodel: and ${count(resolved.length - PLACES, "more finding")} resolved`]
    : named;
}

/** How the text report names each kind of drift. */
export const DRIFT_LABELS: Record<DriftEntry["kind"], string> = {
  stale: "stale",
  edited: "edited by hand",
  missing: "missing",
  removed: "no doc produces it now",
  conflict: "not mdmodel's, where the docs put a generated file",
  shadow: "would be imported instead of a generated module (remove it)",
  leftover: "left by an interrupted run (generate drops it; never commit it)",
};

function driftLines(report: RunReport, paint: Paint): string[] {
  const lines: string[] = [];
  for (const entry of report.drift) {
    const red = entry.kind === "edited" || entry.kind === "shadow" || entry.kind === "leftover";
    lines.push(`${paint(DRIFT_LABELS[entry.kind], red ? "red" : "yellow")}: ${printable(entry.file)}`);
    for (const diff of report.diffs.get(entry.file) ?? []) lines.push(`  ${printable(diff)}`);
  }
  return lines;
}

function groupLines(group: FindingGroup, options: TextOptions): string[] {
  const { paint } = options;
  const [first, ...others] = group.places as [Finding, ...Finding[]];
  const where = `${printable(first.file)}:${first.line}:${first.column}`;
  const many = others.length > 0 ? ` ${paint(`(${group.places.length} places)`, "bold")}` : "";
  const head = `${where}: ${paint(group.severity, STYLE[group.severity])} ${printable(group.message)} ${paint(`[${printable(group.rule)}]`, "dim")}${many}`;
  const source = options.sources.get(first.docPath);
  const frame =
    source !== undefined && group.severity !== "info"
      ? codeFrame(source, first.line, first.column, paint, STYLE[group.severity])
      : [];
  const limit = options.verbose ? others.length : Math.max(0, PLACES - 1);
  const also = others
    .slice(0, limit)
    .map((place) => `  also at ${printable(place.file)}:${place.line}:${place.column}`);
  const rest = others.length - also.length;
  return [head, ...frame, ...also, ...(rest > 0 ? [`  and ${count(rest, "more place")} (--verbose lists them)`] : [])];
}

/** The one line that ends every run; every value in it that came from outside (a folder, a config path, the fix) is printable. */
export function summaryLine(report: RunReport): string | undefined {
  const { summary } = report;
  if (!summary) return undefined;
  const read = readLine(summary);
  const ms =
    report.config === undefined
      ? `${Math.round(summary.ms)} ms`
      : `${Math.round(summary.ms)} ms; config ${printable(report.config)}`;
  const out = printable(report.out);
  const label = report.command === "check" ? "mdmodel --check" : "mdmodel";
  if (report.exitCode === 2) {
    const why = report.strict && summary.warnings > 0 ? " (--strict: warnings count as errors)" : "";
    return `mdmodel: ${read}; ${count(summary.errors, "error")}, ${count(summary.warnings, "warning")}${why}; nothing written (${ms})`;
  }
  if (report.exitCode === 3) return `mdmodel: ${printable(report.failure ?? "the run failed")} (${ms})`;
  if (report.exitCode === 1) {
    return `mdmodel --check: ${out} differs from the docs in ${count(report.drift.length, "file")}; run \`${printable(report.fix ?? "npx mdmodel generate")}\` and commit (${ms})`;
  }
  if (summary.vouched) return `${label}: ${out} is up to date; ${read}; nothing changed since the last run (${ms})`;
  const files = summary.files;
  if (files && "checked" in files)
    return `mdmodel --check: ${out} is up to date; ${read}, ${count(files.checked, "file")} (${ms})`;
  const written =
    files && "written" in files
      ? `; ${count(files.written, "file")} written, ${files.unchanged} unchanged, ${files.removed} removed`
      : "";
  return `mdmodel: ${read}${written}; ${count(summary.warnings, "warning")} (${ms})`;
}

function readLine(summary: RunSummary): string {
  const kinds = `${count(summary.modelsByKind.object, "object")}, ${count(summary.modelsByKind.enum, "enum")}, ${count(summary.modelsByKind.union, "union")}`;
  const models = `${count(summary.models, "model")} (${kinds}), ${summary.skipped} skipped`;
  // `11 Python docs`: the dialect the Type cells were read in, told from the docs or set in the config.
  const family = summary.family ? `${FAMILY_FACTS[summary.family].label} ` : "";
  const docs = summary.dialect
    ? `${summary.docs} ${family}${DIALECT_LABELS[summary.dialect]} doc${summary.docs === 1 ? "" : "s"}`
    : count(summary.docs, "doc");
  if (summary.sparse)
    return `${docs} (${summary.sparse.read} read for the change), ${models}; ${count(summary.sparse.made, "module")} made, the others reused`;
  return `${docs} read${summary.readAll ? ` (all: ${summary.readAll})` : ""}, ${models}`;
}

/** `1 model`, `2 models`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
