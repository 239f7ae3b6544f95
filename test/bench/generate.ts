/**
 * `npm run bench:generate -- [docs folder] [--docs N]`: how long generation takes, cold
 * and warm, against the bare parse floor of the same docs measured in this process.
 * Without a folder it writes a deterministic synthetic corpus of N docs (default 5000).
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs, promisify } from "node:util";
import { loadDocs } from "../../src/io/load-docs.js";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { writeSyntheticCorpus } from "./synthetic-corpus.js";

const run = promisify(execFile);
const { values, positionals } = parseArgs({ allowPositionals: true, options: { docs: { type: "string", default: "5000" } } });
const work = await mkdtemp(join(tmpdir(), "mdmodel-bench-"));
const input = join(work, "docs");
let label: string;
if (positionals[0]) {
  await cp(resolve(positionals[0]), input, { recursive: true });
  label = positionals[0];
} else {
  await writeSyntheticCorpus(input, Number(values.docs));
  label = `synthetic corpus of ${values.docs} docs`;
}
const out = join(work, "out");

// The parse floor: unified + remark-parse + remark-gfm parse only, one thread, after a warm-up.
const docs = await loadDocs(input);
for (const doc of docs.slice(0, 200)) parseMarkdown(doc.text);
const parseStart = performance.now();
for (const doc of docs) parseMarkdown(doc.text);
const parseFloor = performance.now() - parseStart;

interface Timing {
  ms: number;
  rssMb: number;
  line: string;
}

/** Runs the real CLI in a fresh process; wall time, peak RSS and its summary line. */
async function cli(...args: string[]): Promise<Timing> {
  const started = performance.now();
  const { stdout, stderr } = await run(
    process.execPath,
    // The installed command, as users run it (compiled to dist/ when a source changed).
    [join(import.meta.dirname, "../../src/bin/mdmodel.js"), "generate", "--input", input, "--out", out, ...args],
    // The temporary folder is the working folder, so the caches start empty there.
    { cwd: work, env: { ...process.env, MDMODEL_PRINT_RSS: "1" }, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stdout: string; stderr: string }) => error);
  const ms = performance.now() - started;
  const rss = /maxrss=(\d+)/.exec(stderr);
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : Number.NaN, line: stdout.trim().split("\n").at(-1) ?? "" };
}

const cold = await cli();
const warm = await cli();
// A real edit: a sentence added to one model's description, so its module is emitted again.
const edited = docs.find((doc, i) => i >= docs.length / 2 && /^## Fields$/m.test(doc.text))!;
await writeFile(join(input, edited.path), edited.text.replace(/^(# .*\n)/m, "$1\nEdited by the benchmark.\n"));
const oneChanged = await cli();
const check = await cli("--check");
const checkFull = await cli("--check", "--full");
// The cached runs must have written exactly what a full run produces.
if (!checkFull.line.includes("is up to date")) throw new Error(`--check --full found drift after the cached runs: ${checkFull.line}`);
const modelsLine = (await cli("--check", "--full", "--verbose").catch(() => cold)).line;

const fmt = (t: number) => (t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${Math.round(t)} ms`);
console.log(`mdmodel generation benchmark: ${label}`);
console.log(`machine: ${cpus()[0]?.model ?? "unknown"}, ${cpus().length} cores, node ${process.version}`);
console.log(`docs: ${docs.length}; ${modelsLine.replace(/^mdmodel --check: \S+ is up to date; /, "")}`);
console.log("");
console.log(`parse floor (remark parse only, 1 thread, warm)   ${fmt(parseFloor).padStart(9)}   ${(parseFloor / docs.length).toFixed(2)} ms/doc`);
const rows: Array<[string, Timing]> = [
  ["cold generate (fresh process, empty output)", cold],
  ["warm generate, nothing changed", warm],
  ["generate with one doc changed", oneChanged],
  ["--check, nothing changed (clean checkout too)", check],
  ["--check --full, nothing changed", checkFull],
];
for (const [name, timing] of rows) {
  const ratio = timing === cold ? `${(cold.ms / parseFloor).toFixed(2)}x parse floor` : `${(timing.ms / cold.ms).toFixed(3)}x cold`;
  console.log(`${name.padEnd(50)} ${fmt(timing.ms).padStart(9)}   ${ratio.padEnd(20)} peak RSS ${timing.rssMb.toFixed(0)} MB`);
}
await rm(work, { recursive: true, force: true });
