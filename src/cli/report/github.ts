/**
 * The GitHub Actions reporter: workflow commands (`::error file=…,line=…,col=…::message`),
 * which GitHub shows as annotations on the pull request's files. One annotation per cause,
 * at its first place, says how many places it has; drift is one error per file.
 */
import { groupFindings, type DriftEntry } from "./findings.js";
import { printable } from "./printable.js";
import { shown, type RunReport } from "./run-report.js";

/** GitHub's escaping of a command's message (and the text's invisible characters shown, as on a terminal). */
export function escapeData(text: string): string {
  return printable(text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
}

/** GitHub's escaping of a command's property values. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function command(
  name: "error" | "warning" | "notice",
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(",");
  return `::${name} ${props}::${escapeData(message)}`;
}

const LEVEL = { error: "error", warning: "warning", info: "notice" } as const;

const DRIFT_ANNOTATIONS: Record<DriftEntry["kind"], string> = {
  stale: "is stale: the docs now produce other code",
  edited: "was edited by hand",
  missing: "is missing",
  removed: "was written by mdmodel, and no doc produces it now",
  conflict: "is not mdmodel's, and the docs put a generated file there",
  shadow: "would be imported instead of a generated module; remove it",
  leftover: "was left by an interrupted mdmodel run; no commit should hold it",
};

/** The annotations, then the summary line as plain log text. */
export function githubReport(
  report: RunReport,
  options: { verbose: boolean; quiet: boolean },
  summaryLine: string | undefined,
): string[] {
  const lines: string[] = [];
  if (report.failure !== undefined && report.exitCode === 3)
    lines.push(command("error", { title: "mdmodel" }, report.failure));
  for (const entry of report.drift) {
    const what = DRIFT_ANNOTATIONS[entry.kind];
    lines.push(
      command(
        "error",
        { file: entry.file, title: "mdmodel: generated code out of date" },
        `${entry.file} ${what}; run \`${report.fix ?? "npx mdmodel generate"}\` and commit`,
      ),
    );
  }
  const visible = report.findings.filter((finding) => shown(finding.severity, { ...options, strict: report.strict }));
  for (const group of groupFindings(visible)) {
    const first = group.places[0]!;
    const more = group.places.length > 1 ? ` (${group.places.length} places; the first is annotated)` : "";
    lines.push(
      command(
        LEVEL[group.severity],
        {
          file: first.file,
          line: first.line,
          col: first.column,
          endLine: first.endLine,
          endColumn: first.endColumn,
          title: `mdmodel ${group.rule}`,
        },
        `${group.message}${more}`,
      ),
    );
  }
  if (summaryLine !== undefined) lines.push(summaryLine);
  return lines;
}
