/** How a run reads its docs: the family and dialect (set, or told from the docs) and the naming of fields. */
import type { Config } from "../config/defaults.js";
import { detectDialect } from "../parse/dialect.js";
import { detectFamily } from "../parse/family.js";
import { describeSigns, signOfSecond, type TreeSign } from "../parse/tree-signs.js";
import { DIALECT_LABELS, type Dialect } from "../shared/dialects.js";
import { FAMILY_FACTS, type Family } from "../shared/families.js";
import { defaultFieldNaming, type ReadOptions } from "../shared/read-options.js";
import type { SourceDoc } from "../shared/source-doc.js";
import { VFile } from "../parse/markdown-stack.js";
import { report } from "../shared/diagnostics.js";

type Told = "config" | "detected" | "default";

/** How to read, and what told the dialect and the family; or why they could not be told, at the first sign that says so. */
export type Reading =
  | { ok: true; readOptions: ReadOptions; dialectFrom: Told; familyFrom: Told; signs: Array<TreeSign<Dialect>> }
  | { ok: false; reason: string; at?: TreeSign<Dialect | Family> };

/** Speakeasy's Go wrapper for what may be null, which a tree writes wherever it means it. */
const GO_OPTIONAL_NULLABLE = /\boptionalnullable\.OptionalNullable\[/;

const FAMILY_LABELS = Object.fromEntries(
  Object.entries(FAMILY_FACTS).map(([family, facts]) => [family, facts.label]),
) as Record<Family, string>;

/** The read options of a run over `docs`. */
export function readingFor(
  config: Pick<Config, "dialect" | "fieldNames"> & Partial<Pick<Config, "family">>,
  docs: readonly SourceDoc[],
): Reading {
  const familyChoice = config.family ?? "auto";
  let family: Family = "speakeasy";
  let familyFrom: Told = "default";
  if (familyChoice !== "auto") {
    family = familyChoice;
    familyFrom = "config";
  } else {
    const detection = detectFamily(docs);
    if (detection.ok) {
      family = detection.kind;
      familyFrom = "detected";
    } else if (detection.reason === "mixed") {
      const families = [...new Set(detection.signs.map((sign) => FAMILY_LABELS[sign.kind]))];
      return {
        ok: false,
        reason: `the docs mix the pages of several SDK generators (${families.join(", ")}), and one run reads one: ${describeSigns(detection.signs, FAMILY_LABELS)}; generate each generator's docs separately, or set "family" in the config`,
        ...(detection.signs[0] ? { at: signOfSecond(detection.signs) } : {}),
      };
    }
  }
  const named = (dialect: Dialect): ReadOptions => ({
    ...(family === "speakeasy" ? {} : { family }),
    dialect,
    fieldNames: config.fieldNames === "auto" ? defaultFieldNaming(dialect, family) : config.fieldNames,
    ...(family === "speakeasy" && dialect === "go" && docs.some((doc) => GO_OPTIONAL_NULLABLE.test(doc.text))
      ? { explicitNulls: true }
      : {}),
  });
  if (config.dialect !== "auto")
    return { ok: true, readOptions: named(config.dialect), dialectFrom: "config", familyFrom, signs: [] };
  const detection = detectDialect(docs, family);
  if (detection.ok)
    return {
      ok: true,
      readOptions: named(detection.kind),
      dialectFrom: "detected",
      familyFrom,
      signs: detection.signs,
    };
  // A tree whose cells every dialect writes alike (`*string*` only) reads the same as TypeScript.
  if (detection.reason === "none")
    return { ok: true, readOptions: named("typescript"), dialectFrom: "default", familyFrom, signs: [] };
  const dialects = [...new Set(detection.signs.map((sign) => DIALECT_LABELS[sign.kind]))];
  return {
    ok: false,
    reason: `the docs mix the Type cells of several SDK languages (${dialects.join(", ")}), and one run reads one: ${describeSigns(detection.signs, DIALECT_LABELS)}; generate each SDK's docs separately, or set "dialect" in the config`,
    ...(detection.signs[0] ? { at: signOfSecond(detection.signs) } : {}),
  };
}

/** The message file of a tree that cannot be read: the error, at the doc and line of the sign that shows the mix. */
export function readingErrorFile(docs: readonly SourceDoc[], failure: Extract<Reading, { ok: false }>): VFile {
  const path = failure.at?.path ?? docs[0]?.path ?? "";
  const file = new VFile({ path, value: docs.find((doc) => doc.path === path)?.text ?? "" });
  report(file, "error", failure.reason, { line: failure.at?.line ?? 1, column: 1 }, "dialect");
  return file;
}
