/** How a run reads its docs: the dialect (set, or told from the docs) and the naming of fields. */
import type { Config } from "../config/defaults.js";
import { describeSigns, detectDialect, type DialectSign } from "../parse/dialect.js";
import { DIALECT_LABELS, defaultFieldNaming, type ReadOptions } from "../shared/dialects.js";
import type { SourceDoc } from "../shared/source-doc.js";
import { VFile } from "../parse/markdown-stack.js";
import { report } from "../shared/diagnostics.js";

/** How to read, and what told the dialect; or why no dialect could be told, at the first sign that says so. */
export type Reading =
  | { ok: true; as: ReadOptions; told: "config" | "detected" | "default"; signs: DialectSign[] }
  | { ok: false; reason: string; at?: DialectSign };

/** Speakeasy's Go wrapper for what may be null, which a tree writes wherever it means it. */
const GO_OPTIONAL_NULLABLE = /\boptionalnullable\.OptionalNullable\[/;

/** The read options of a run over `docs`. */
export function readingFor(config: Pick<Config, "dialect" | "fieldNames">, docs: readonly SourceDoc[]): Reading {
  const named = (dialect: ReadOptions["dialect"]): ReadOptions => ({
    dialect,
    fieldNames: config.fieldNames === "auto" ? defaultFieldNaming(dialect) : config.fieldNames,
    ...(dialect === "go" && docs.some((doc) => GO_OPTIONAL_NULLABLE.test(doc.text)) ? { explicitNulls: true } : {}),
  });
  if (config.dialect !== "auto") return { ok: true, as: named(config.dialect), told: "config", signs: [] };
  const detection = detectDialect(docs);
  if (detection.ok) return { ok: true, as: named(detection.dialect), told: "detected", signs: detection.signs };
  // A tree whose cells every dialect writes alike (`*string*` only) reads the same as TypeScript.
  if (detection.reason === "none") return { ok: true, as: named("typescript"), told: "default", signs: [] };
  const dialects = [...new Set(detection.signs.map((sign) => DIALECT_LABELS[sign.dialect]))];
  return {
    ok: false,
    reason: `the docs mix the Type cells of several SDK languages (${dialects.join(", ")}), and one run reads one: ${describeSigns(detection.signs)}; generate each SDK's docs separately, or set "dialect" in the config`,
    ...(detection.signs[0] ? { at: signOfSecond(detection.signs) } : {}),
  };
}

/** The first sign of a dialect other than the most common one: where the tree departs from itself. */
function signOfSecond(signs: readonly DialectSign[]): DialectSign {
  return signs.find((sign) => sign.dialect !== signs[0]!.dialect) ?? signs[0]!;
}

/** The message file of a tree that cannot be read: the error, at the doc and line of the sign that shows the mix. */
export function readingErrorFile(docs: readonly SourceDoc[], failure: Extract<Reading, { ok: false }>): VFile {
  const path = failure.at?.path ?? docs[0]?.path ?? "";
  const file = new VFile({ path, value: docs.find((doc) => doc.path === path)?.text ?? "" });
  report(file, "error", failure.reason, { line: failure.at?.line ?? 1, column: 1 }, "dialect");
  return file;
}
