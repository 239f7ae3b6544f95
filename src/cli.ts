/**
 * The command line: `mdmodel generate [--input DIR] [--out DIR] [--check]`. The only
 * place that reads argv and decides the exit code.
 */
import { resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { resolveConfig } from "./config.js";
import { countBySeverity, formatMessage, severityOf } from "./diagnostics.js";
import { generate } from "./generate.js";
import { loadDocs, loadRuntimeTemplate } from "./io/load-docs.js";
import { checkOutput, isClean } from "./write/check.js";
import { writeOutput } from "./write/writer.js";

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, drift: 1, invalidDocs: 2, usage: 3 } as const;

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  cwd: string;
}

const USAGE = `Usage: mdmodel generate [--input DIR] [--out DIR] [--check] [--verbose]

  --input DIR   folder of markdown model docs (default: seeds)
  --out DIR     folder to write TypeScript into (default: generated)
  --check       write nothing; exit 1 if the output folder differs from what the docs produce
  --verbose     also print info notes (skipped pages)`;

const defaultIo: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
};

/** Runs the command line and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        input: { type: "string" },
        out: { type: "string" },
        check: { type: "boolean", default: false },
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

  const config = resolveConfig({ input: values.input, out: values.out });
  const inputDir = resolve(io.cwd, config.input);
  const outDir = resolve(io.cwd, config.out);
  if (outDir === inputDir || `${inputDir}${sep}`.startsWith(`${outDir}${sep}`)) {
    io.stderr(`mdmodel: the output folder ${config.out} must not be or contain the input folder ${config.input}`);
    return EXIT.usage;
  }

  const started = performance.now();
  let docs;
  try {
    docs = await loadDocs(inputDir);
  } catch (error) {
    io.stderr(`mdmodel: cannot read the input folder ${config.input}: ${(error as Error).message}`);
    return EXIT.usage;
  }
  const result = await generate({ docs, runtimeTemplate: await loadRuntimeTemplate(), config });
  for (const message of result.messages) {
    if (values.verbose || severityOf(message) !== "info") io.stderr(formatMessage(message));
  }
  const counts = countBySeverity(result.messages);
  const { stats } = result;
  const kinds = `${count(stats.modelsByKind.object, "object")}, ${count(stats.modelsByKind.enum, "enum")}, ${count(stats.modelsByKind.union, "union")}`;
  const read = `${count(stats.docs, "doc")} read, ${count(stats.models, "model")} (${kinds}), ${stats.skipped} skipped`;
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  if (counts.error > 0) {
    io.stderr(`mdmodel: ${read}; ${count(counts.error, "error")}, ${count(counts.warning, "warning")}; nothing written (${elapsed()})`);
    return EXIT.invalidDocs;
  }

  if (values.check) {
    const drift = await checkOutput(outDir, result.files);
    if (isClean(drift)) {
      io.stdout(`mdmodel --check: ${config.out} is up to date; ${read}, ${count(result.files.length, "file")} (${elapsed()})`);
      return EXIT.ok;
    }
    for (const path of drift.stale) io.stderr(`stale:    ${config.out}/${path}`);
    for (const path of drift.missing) io.stderr(`missing:  ${config.out}/${path}`);
    for (const path of drift.orphaned) io.stderr(`orphaned: ${config.out}/${path} (no doc produces it)`);
    const total = drift.stale.length + drift.missing.length + drift.orphaned.length;
    io.stderr(`mdmodel --check: ${config.out} differs from the docs in ${count(total, "file")}; run \`npm run generate\` and commit (${elapsed()})`);
    return EXIT.drift;
  }

  const written = await writeOutput(outDir, result.files);
  io.stdout(
    `mdmodel: ${read}; ${count(written.written.length, "file")} written, ${written.unchanged.length} unchanged, ${written.removed.length} removed; ${count(counts.warning, "warning")} (${elapsed()})`,
  );
  return EXIT.ok;
}

/** `1 model`, `2 models`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
