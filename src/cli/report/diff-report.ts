/**
 * The reporters of `mdmodel diff`: text for terminals and logs, json for tools, github for
 * annotations on the pull request, markdown for a pull-request comment. Each prints the
 * changes as plain data gives them; none decides the exit code.
 */
import type { Change } from "../../diff/compare.js";
import type { Impact } from "../../diff/rules.js";
import type { Paint } from "./color.js";
import { escapeData, escapeProperty } from "./github.js";
import { printable } from "./printable.js";

/** One change with its file as the working folder sees it. */
export interface DiffEntry extends Change {
  /** The doc, relative to the working folder (`docs/models/a.md`), or `ref:path` for the base at a git ref. */
  file: string;
  readers: Impact;
  writers: Impact;
  /** `--fail-on` counts it. */
  failing: boolean;
}

export interface DiffReport {
  base: string;
  head: string;
  entries: DiffEntry[];
  exitCode: 0 | 1;
}

const LABEL: Record<Impact, string> = { breaking: "BREAKING", safe: "safe", info: "info" };

function impacts(entry: DiffEntry): string {
  return `readers: ${LABEL[entry.readers]}, writers: ${LABEL[entry.writers]}`;
}

function counts(entries: readonly DiffEntry[]): string {
  const breaking = (audience: "readers" | "writers") =>
    entries.filter((entry) => entry[audience] === "breaking").length;
  return `${entries.length} ${entries.length === 1 ? "change" : "changes"}: ${breaking("readers")} breaking for readers, ${breaking("writers")} breaking for writers`;
}

export function diffTextReport(report: DiffReport, paint: Paint): { stdout: string[]; stderr: string[] } {
  const lines: string[] = [];
  for (const entry of report.entries) {
    const color = entry.failing ? "red" : entry.readers === "info" ? "cyan" : "yellow";
    lines.push(
      `${printable(entry.file)}:${entry.line}:${entry.column}: ${paint(entry.rule, color)} ${printable(entry.message)} (${impacts(entry)})`,
    );
    if (entry.hint) lines.push(`  hint: ${printable(entry.hint)}`);
  }
  const summary = `mdmodel diff ${printable(report.base)} → ${printable(report.head)}: ${report.entries.length === 0 ? "no changes to the models" : counts(report.entries)}`;
  return report.exitCode === 0 ? { stdout: [...lines, summary], stderr: [] } : { stdout: lines, stderr: [summary] };
}

export function diffJsonReport(report: DiffReport): string {
  return JSON.stringify(
    {
      version: 1,
      command: "diff",
      base: report.base,
      head: report.head,
      exitCode: report.exitCode,
      ok: report.exitCode === 0,
      changes: report.entries.map(
        ({ file, line, column, rule, readers, writers, failing, model, field, message, hint, side }) => ({
          file,
          line,
          column,
          side,
          rule,
          readers,
          writers,
          failing,
          model,
          ...(field === undefined ? {} : { field }),
          message,
          ...(hint === undefined ? {} : { hint }),
        }),
      ),
    },
    null,
    2,
  );
}

export function diffGithubReport(report: DiffReport): string[] {
  const lines = report.entries.map((entry) => {
    const level = entry.failing ? "error" : entry.readers === "info" && entry.writers === "info" ? "notice" : "warning";
    // A removal's place is in the old doc: GitHub annotates the path as the pull request has it.
    const file = entry.side === "base" ? entry.file.replace(/^[^:]*:/, "") : entry.file;
    const title = `mdmodel diff ${entry.rule}`;
    return `::${level} file=${escapeProperty(file)},line=${entry.line},col=${entry.column},title=${escapeProperty(title)}::${escapeData(`${entry.message} (${impacts(entry)})${entry.hint ? `; ${entry.hint}` : ""}`)}`;
  });
  return [
    ...lines,
    `mdmodel diff ${printable(report.base)} → ${printable(report.head)}: ${report.entries.length === 0 ? "no changes to the models" : counts(report.entries)}`,
  ];
}

function cell(text: string): string {
  return printable(text).replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** A summary short enough for a pull-request comment: the breaking changes in a table, the rest counted by rule. */
export function diffMarkdownReport(report: DiffReport, limit = 50): string {
  const lines = [`### mdmodel diff: ${cell(report.base)} → ${cell(report.head)}`, ""];
  if (report.entries.length === 0) return [...lines, "No changes to the models."].join("\n");
  lines.push(`${counts(report.entries)}.`, "");
  const breaking = report.entries.filter((entry) => entry.readers === "breaking" || entry.writers === "breaking");
  if (breaking.length > 0) {
    lines.push("| | change | readers | writers | where |", "| --- | --- | --- | --- | --- |");
    for (const entry of breaking.slice(0, limit)) {
      const mark = entry.failing ? ":x:" : ":warning:";
      lines.push(
        `| ${mark} | ${cell(entry.message)}${entry.hint ? ` (${cell(entry.hint)})` : ""} | ${LABEL[entry.readers]} | ${LABEL[entry.writers]} | \`${cell(entry.file)}:${entry.line}\` |`,
      );
    }
    if (breaking.length > limit)
      lines.push("", `…and ${breaking.length - limit} more breaking changes (\`--reporter json\` lists them all).`);
    lines.push("");
  }
  const others = new Map<string, number>();
  for (const entry of report.entries)
    if (!breaking.includes(entry)) others.set(entry.rule, (others.get(entry.rule) ?? 0) + 1);
  if (others.size > 0) lines.push(`Not breaking: ${[...others].map(([rule, n]) => `${rule} ×${n}`).join(", ")}.`);
  return lines.join("\n").trimEnd();
}
