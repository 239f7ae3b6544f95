/**
 * `npm run corpus -- <docs folder>`: the robustness run on a real SDK's docs tree.
 * Generates into a temporary folder, type-checks the output under the strict flags,
 * runs every Example Usage value through its generated validator, and prints a summary.
 * Exits non-zero on a generator error, a tsc error, or when fewer examples than
 * `--min-accepted PERCENT` (default 99) pass their validators.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { countBySeverity, formatMessage, severityOf } from "../../src/shared/diagnostics.js";
import { generate, type GenerateResult } from "../../src/generate.js";
import { loadDocs, loadRuntimeTemplate } from "../../src/io/load-docs.js";
import { writeOutput } from "../../src/write/writer.js";
import { typecheck } from "./typecheck.js";
import { resolveConfig } from "../../src/config/defaults.js";
import { typeLeaves } from "../../src/ir/types.js";
import { readModels } from "../../src/pipeline/read-models.js";
import { readingFor } from "../../src/pipeline/reading.js";
import { DIALECT_LABELS } from "../../src/shared/dialects.js";
import { FAMILY_FACTS } from "../../src/shared/families.js";
import type { SourceDoc } from "../../src/shared/source-doc.js";

interface ExampleTally {
  accepted: number;
  total: number;
  rejections: string[];
}

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { keep: { type: "boolean", default: false }, "min-accepted": { type: "string", default: "99" } },
  });
  const folder = positionals[0];
  const minAccepted = Number(values["min-accepted"]);
  if (!folder || positionals.length > 1 || !(minAccepted >= 0 && minAccepted <= 100)) {
    console.error("usage: npm run corpus -- <docs folder> [--keep] [--min-accepted PERCENT]");
    return 3;
  }
  const started = performance.now();
  const docs = await loadDocs(resolve(folder));
  const result = await generate({ docs, runtimeTemplate: await loadRuntimeTemplate() });
  const generated = performance.now();
  const counts = countBySeverity(result.messages);
  if (counts.error > 0) {
    for (const message of result.messages) if (severityOf(message) === "error") console.error(formatMessage(message));
    console.error(`corpus ${folder}: ${counts.error} generator errors`);
    return 2;
  }

  const work = await mkdtemp(join(tmpdir(), "mdmodel-corpus-"));
  try {
    // The output is ES modules; the package.json says so to tsc's nodenext resolution.
    await writeFile(join(work, "package.json"), '{ "type": "module" }\n');
    const out = join(work, "out");
    await writeOutput(out, result.files);
    const tsFiles = result.files.filter((file) => file.path.endsWith(".ts")).map((file) => join(out, file.path));
    const tscErrors = typecheck(tsFiles, "nodenext");
    const checked = performance.now();
    const examples = await validateExamples(out, result);
    const validated = performance.now();

    printSummary(folder, result, {
      fields: fieldFacts(docs),
      tscErrors,
      examples,
      ms: {
        generate: generated - started,
        tsc: checked - generated,
        examples: validated - checked,
        total: validated - started,
      },
    });
    const percent = examples.usage.total === 0 ? 100 : (100 * examples.usage.accepted) / examples.usage.total;
    const allValid = examples.all.accepted === examples.all.total && examples.wire.accepted === examples.wire.total;
    return tscErrors.length === 0 && allValid && percent >= minAccepted ? 0 : 1;
  } finally {
    if (!values.keep) await rm(work, { recursive: true, force: true });
    else console.log(`output kept in ${work}`);
  }
}

/**
 * Runs every emitted example through its validator; an Example Usage value counts as
 * accepted when it became a typed example and its validator accepts it.
 */
async function validateExamples(
  out: string,
  result: GenerateResult,
): Promise<{ usage: ExampleTally; all: ExampleTally; wire: ExampleTally }> {
  const verdicts = new Map<string, string | undefined>();
  const all: ExampleTally = { accepted: 0, total: result.examples.length, rejections: [] };
  const wire: ExampleTally = { accepted: 0, total: result.examples.length, rejections: [] };
  type Result = { ok: boolean; value?: unknown; issues?: Array<{ message: string }> };
  for (const example of result.examples) {
    const module = (await import(pathToFileURL(join(out, example.module)).href)) as Record<string, unknown>;
    const validate = module[example.validateName] as (value: unknown) => Result;
    const verdict = validate(module[example.exportName]);
    const problem = verdict.ok
      ? undefined
      : `the validator rejects the example: ${verdict.issues?.map((i) => i.message).join("; ")}`;
    // The wire round trip: the example as JSON, parsed back, is a valid value with the same JSON.
    const toWire = module[example.toWireName] as (value: unknown) => unknown;
    const parse = module[example.parseName] as (wire: unknown) => Result;
    let trip: string | undefined = problem;
    if (trip === undefined) {
      const text = JSON.stringify(toWire(module[example.exportName]));
      const parsed = parse(JSON.parse(text));
      if (!parsed.ok) trip = `its JSON does not parse back: ${parsed.issues?.map((i) => i.message).join("; ")}`;
      else if (!validate(parsed.value).ok) trip = "its JSON parses to a value its validator rejects";
      else if (JSON.stringify(toWire(parsed.value)) !== text) trip = "its JSON parses to a value with other JSON";
    }
    if (trip === undefined) wire.accepted += 1;
    else wire.rejections.push(`${example.docPath} (${example.source}): ${trip}`);
    verdicts.set(example.docPath, problem);
    if (problem === undefined) all.accepted += 1;
    else all.rejections.push(`${example.docPath} (${example.source}): ${problem}`);
  }
  const usage: ExampleTally = { accepted: 0, total: result.exampleUsage.length, rejections: [] };
  for (const outcome of result.exampleUsage) {
    const problem =
      outcome.rejected ?? (verdicts.has(outcome.docPath) ? verdicts.get(outcome.docPath) : "no example emitted");
    if (problem === undefined) usage.accepted += 1;
    else usage.rejections.push(`${outcome.docPath}: ${problem}`);
  }
  return { usage, all, wire };
}

/** What the object models' fields say: how many, how many hold integers, and what decided `null` for them. */
interface FieldFacts {
  total: number;
  integer: number;
  /** The doc states it may hold null / may not; it does not say. */
  stated: { yes: number; no: number; unknown: number };
  /** Nullable in the output, whatever decided it. */
  nullable: number;
}

function fieldFacts(docs: readonly SourceDoc[]): FieldFacts {
  const config = resolveConfig({});
  const reading = readingFor(config, docs);
  const facts: FieldFacts = { total: 0, integer: 0, stated: { yes: 0, no: 0, unknown: 0 }, nullable: 0 };
  if (!reading.ok) return facts;
  for (const model of readModels(docs, config, reading.readOptions).models.models) {
    if (model.body.kind !== "object") continue;
    for (const field of model.body.fields) {
      facts.total += 1;
      if (typeLeaves(field.type).some((leaf) => leaf.kind === "integer")) facts.integer += 1;
      facts.stated[field.nullability] += 1;
      if (field.nullable) facts.nullable += 1;
    }
  }
  return facts;
}

interface Measures {
  fields: FieldFacts;
  tscErrors: string[];
  examples: { usage: ExampleTally; all: ExampleTally; wire: ExampleTally };
  ms: { generate: number; tsc: number; examples: number; total: number };
}

function printSummary(folder: string, result: GenerateResult, measures: Measures): void {
  const { stats } = result;
  const warnings = new Map<string, number>();
  for (const message of result.messages) {
    if (severityOf(message) !== "warning") continue;
    const rule = message.ruleId ?? "other";
    warnings.set(rule, (warnings.get(rule) ?? 0) + 1);
  }
  const byRule =
    [...warnings]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([rule, n]) => `${rule} ${n}`)
      .join(", ") || "none";
  const { tscErrors, ms } = measures;
  const { usage: examples, all, wire } = measures.examples;
  const percent = examples.total === 0 ? 100 : (100 * examples.accepted) / examples.total;
  const { fields } = measures;
  console.log(`corpus ${folder}`);
  console.log(
    `  dialect          ${stats.family ? `${FAMILY_FACTS[stats.family].label} ` : ""}${stats.dialect ? DIALECT_LABELS[stats.dialect] : "none"} (${stats.dialectFrom ?? "not told"})`,
  );
  console.log(`  docs read        ${stats.docs}`);
  console.log(
    `  models           ${stats.models} (${stats.modelsByKind.object} objects, ${stats.modelsByKind.enum} enums, ${stats.modelsByKind.union} unions)`,
  );
  console.log(`  pages skipped    ${stats.skipped}`);
  console.log(
    `  fields           ${fields.total} in objects: ${fields.integer} integer; null stated yes ${fields.stated.yes}, no ${fields.stated.no}, unknown ${fields.stated.unknown}; ${fields.nullable} nullable in the output`,
  );
  console.log(`  warnings         ${byRule}`);
  console.log(`  tsc errors       ${tscErrors.length}`);
  console.log(
    `  examples         ${examples.accepted} / ${examples.total} Example Usage values accepted (${percent.toFixed(1)}%)`,
  );
  console.log(`  typed examples   ${all.accepted} / ${all.total} emitted examples pass their validators (any source)`);
  console.log(
    `  wire round trip  ${wire.accepted} / ${wire.total} examples survive toWire → JSON → parse with the same JSON`,
  );
  console.log(
    `  time             ${fmt(ms.total)} (generate ${fmt(ms.generate)}, tsc ${fmt(ms.tsc)}, examples ${fmt(ms.examples)})`,
  );
  for (const error of tscErrors.slice(0, 20)) console.log(`  tsc: ${error}`);
  for (const rejection of examples.rejections) console.log(`  rejected: ${rejection}`);
  for (const rejection of all.rejections) console.log(`  invalid example: ${rejection}`);
  for (const rejection of wire.rejections) console.log(`  wire: ${rejection}`);
  console.log(
    `SUMMARY ${folder}: ${stats.docs} docs, ${stats.models} models, ${stats.skipped} skipped, ${tscErrors.length} tsc errors, ` +
      `${examples.accepted}/${examples.total} Example Usage values accepted, ${fmt(ms.total)}`,
  );
}

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

process.exitCode = await main(process.argv.slice(2));
