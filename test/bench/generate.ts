/**
 * `npm run bench:generate -- [docs folder] [--docs N] [--rounds R] [--work DIR] [--trace]`: how long
 * generation takes, cold and warm, against the bare parse floor of the same docs measured
 * in this process, in R rounds (default 3). Without a folder it writes a deterministic
 * synthetic corpus of N docs (default 5000). The docs, output and caches live in a new
 * folder under DIR (default: the system's temporary folder). `--trace` prints each run's summary line;
 * `--outputs types` (or a list: `types,validators`) generates those outputs instead of the default.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs, promisify } from "node:util";
import { loadDocs } from "../../src/io/load-docs.js";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { benchDocs } from "./synthetic-corpus.js";

const run = promisify(execFile);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    docs: { type: "string", default: "5000" },
    rounds: { type: "string", default: "3" },
    work: { type: "string", default: tmpdir() },
    trace: { type: "boolean", default: false },
    // A preset or a comma-separated list of outputs (the config's `outputs`); the default outputs without it.
    outputs: { type: "string" },
  },
});
await mkdir(resolve(values.work), { recursive: true });
const work = await mkdtemp(join(resolve(values.work), "mdmodel-bench-"));
const input = join(work, "docs");
const label = await benchDocs(work, positionals[0], Number(values.docs));
const out = join(work, "out");
const outputsConfig = values.outputs
  ? `${JSON.stringify({ outputs: values.outputs.includes(",") ? values.outputs.split(",") : values.outputs })}\n`
  : undefined;
if (outputsConfig) await writeFile(join(work, "mdmodel.config.json"), outputsConfig);

const docs = await loadDocs(input);
/** The parse floor: unified + remark-parse + remark-gfm parse only, one thread, after a warm-up. */
function parseFloor(): number {
  const started = performance.now();
  for (const doc of docs) parseMarkdown(doc.text);
  return performance.now() - started;
}
for (const doc of docs.slice(0, 200)) parseMarkdown(doc.text);

interface Timing {
  ms: number;
  rssMb: number;
  line: string;
  all?: string;
}

/** Runs the real CLI in a fresh process; wall time, peak RSS and its summary line. */
async function cli(...args: string[]): Promise<Timing> {
  return cliIn(work, ...args);
}

/** The CLI in `folder` (the bench's work folder, or a fresh clone of it), on its `docs` and `out`. */
async function cliIn(folder: string, ...args: string[]): Promise<Timing> {
  const started = performance.now();
  const { stdout, stderr } = await run(
    process.execPath,
    // The built command, as installed packages run it (the npm script builds dist/ first).
    [
      join(import.meta.dirname, "../../dist/bin/mdmodel.js"),
      "generate",
      "--input",
      join(folder, "docs"),
      "--out",
      join(folder, "out"),
      ...args,
    ],
    // The folder is the working folder, so the caches start empty there.
    { cwd: folder, env: { ...process.env, MDMODEL_PRINT_RSS: "1" }, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stdout: string; stderr: string }) => error);
  const ms = performance.now() - started;
  const rss = /maxrss=(\d+)/.exec(stderr);
  const line = stdout.trim().split("\n").at(-1) || stderr.trim().split("\n").at(-1) || "";
  // What each run did, for a reader who wants to see that a row took the path it names.
  if (values.trace) console.error(`${relative(work, folder) || "."} ${args.join(" ")}: ${line}`);
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : Number.NaN, line, all: `${stdout}\n${stderr}` };
}

// Rounds, each with its own floor: the machine is shared, so a ratio is taken within a round
// and the table shows the median round's ratio with the lowest and highest.
const edited = docs.find((doc, i) => i >= docs.length / 2 && /^## Fields$/m.test(doc.text))!;
/** What creating the output's files costs this machine by itself: each file written once, one thread. */
function writeFloor(): number {
  const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const texts = files.map(
    (entry) =>
      [
        relative(out, join(entry.parentPath, entry.name)),
        readFileSync(join(entry.parentPath, entry.name), "utf8"),
      ] as const,
  );
  const scratch = join(work, "write-floor");
  rmSync(scratch, { recursive: true, force: true });
  const started = performance.now();
  for (const [path, text] of texts) {
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), text);
  }
  const ms = performance.now() - started;
  rmSync(scratch, { recursive: true, force: true });
  return ms;
}

// gc.auto=0: a commit of 15,000 loose objects starts `git gc` in the background, which would run during the timed runs.
const git = (cwd: string, ...args: string[]) =>
  run("git", ["-c", "user.name=bench", "-c", "user.email=bench@localhost", "-c", "gc.auto=0", ...args], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  });
const editOf = (round: number) => edited.text.replace(/^(# .*\n)/m, `$1\nEdited by the benchmark, round ${round}.\n`);

/**
 * A fresh clone of a repository that commits the docs and the output: no caches at all. One doc
 * is edited, then `generate` runs there, and, on the output as committed, `--check --base HEAD`.
 */
async function freshClone(round: number): Promise<{ generate: Timing; check: Timing }> {
  const repo = join(work, "repo");
  await rm(repo, { recursive: true, force: true });
  await mkdir(repo);
  await cp(input, join(repo, "docs"), { recursive: true });
  await cp(out, join(repo, "out"), { recursive: true });
  if (outputsConfig) await writeFile(join(repo, "mdmodel.config.json"), outputsConfig);
  await git(repo, "init", "-q");
  await git(repo, "add", "-A");
  await git(repo, "commit", "-qm", "docs and output");
  const clone = join(work, "clone");
  await rm(clone, { recursive: true, force: true });
  await git(work, "clone", "-q", repo, clone);
  // Nor should the kernel's write-back of the checkout.
  await run("sync");
  await writeFile(join(clone, "docs", edited.path), editOf(round));
  const generate = await cliIn(clone);
  if (!generate.line.includes("written")) throw new Error(`generate in a fresh clone failed: ${generate.line}`);
  const full = await cliIn(clone, "--check", "--full", "--no-cache");
  if (!full.line.includes("is up to date"))
    throw new Error(`a fresh clone's generate differs from a full run: ${full.line} ${full.all?.slice(-3000)}`);
  await git(clone, "checkout", "-q", "--", "out");
  const check = await cliIn(clone, "--check", "--base", "HEAD");
  if (!/differs from the docs in \d+ files?/.test(check.all ?? ""))
    throw new Error(
      `--check --base in a fresh clone did not find the edited module: ${check.line} ${check.all?.slice(-3000)}`,
    );
  await rm(repo, { recursive: true, force: true });
  await rm(clone, { recursive: true, force: true });
  return { generate, check };
}

const rounds: Array<{
  floor: number;
  writes: number;
  cold: Timing;
  warm: Timing;
  oneChanged: Timing;
  check: Timing;
  touchedCheck: Timing;
  typeChanged: Timing;
  cloneGenerate: Timing;
  cloneCheck: Timing;
}> = [];
/** The doc with its first `*string*` Type cell made `*number*` (or back, when it has none); cells may be padded. */
const retyped = (text: string) =>
  /\|\s*\*string\*\s*\|/.test(text)
    ? text.replace(/(\|\s*)\*string\*(\s*\|)/, "$1*number*$2")
    : text.replace(/(\|\s*)\*number\*(\s*\|)/, "$1*string*$2");
for (let round = 1; round <= Number(values.rounds); round++) {
  // Cold: no output, no caches (code cache included), the docs as they were.
  await rm(out, { recursive: true, force: true });
  await rm(join(work, "node_modules"), { recursive: true, force: true });
  await writeFile(join(input, edited.path), edited.text);
  const floor = parseFloor();
  const cold = await cli();
  const writes = writeFloor();
  const { generate: cloneGenerate, check: cloneCheck } = await freshClone(round);
  const warm = await cli();
  // A real edit: a sentence added to one model's description, so its module is emitted again.
  await writeFile(join(input, edited.path), editOf(round));
  const oneChanged = await cli();
  const check = await cli("--check");
  // A checkout that restores the same bytes: every doc and output file gets a new time, nothing else.
  const later = new Date(Date.now() + 60_000);
  for (const folder of [input, out]) {
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true }))
      if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), later, later);
  }
  const touchedCheck = await cli("--check");
  // A type change: the edited doc's first `*string*` field becomes `*number*`, so its module and those that reach it are made again.
  await writeFile(join(input, edited.path), retyped(editOf(round)));
  const typeChanged = await cli();
  if (!/ [1-9]\d* files? written/.test(typeChanged.line))
    throw new Error(`the type change wrote nothing: ${typeChanged.line}`);
  rounds.push({ floor, writes, cold, warm, oneChanged, check, touchedCheck, typeChanged, cloneGenerate, cloneCheck });
}
const checkFull = await cli("--check", "--full");
// The cached runs must have written exactly what a full run produces.
if (!checkFull.line.includes("is up to date"))
  throw new Error(`--check --full found drift after the cached runs: ${checkFull.line}`);
const modelsLine = (await cli("--check", "--full", "--verbose")).line;

const fmt = (t: number) => (t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${Math.round(t)} ms`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const spread = (values: number[], digits: number) =>
  values.length > 1 ? ` [${Math.min(...values).toFixed(digits)}-${Math.max(...values).toFixed(digits)}]` : "";
console.log(
  `mdmodel generation benchmark: ${label}${values.outputs ? `, outputs: ${values.outputs}` : ", default outputs"}`,
);
console.log(
  `machine: ${cpus()[0]?.model ?? "unknown"}, ${cpus().length} cores, node ${process.version}; ${rounds.length} round(s), medians [lowest-highest]`,
);
console.log(`work folder: ${work} (docs, output, caches)`);
console.log(`docs: ${docs.length}; ${modelsLine.replace(/^mdmodel --check: \S+ is up to date; /, "")}`);
console.log("");
const floors = rounds.map((r) => r.floor);
console.log(
  `${"parse floor (remark parse only, 1 thread, warm)".padEnd(50)} ${fmt(median(floors)).padStart(9)}   ${(median(floors) / docs.length).toFixed(2)} ms/doc`,
);
const writes = rounds.map((r) => r.writes);
console.log(
  `${"file write floor (the output's files, 1 thread)".padEnd(50)} ${fmt(median(writes)).padStart(9)}   ${(median(writes) / median(floors)).toFixed(2)}x parse floor (part of every cold run)`,
);
const row = (name: string, timings: Timing[], ratios: number[], unit: string, digits: number) => {
  const ratio = `${median(ratios).toFixed(digits)}x ${unit}${spread(ratios, digits)}`;
  console.log(
    `${name.padEnd(50)} ${fmt(median(timings.map((t) => t.ms))).padStart(9)}   ${ratio.padEnd(34)} peak RSS ${Math.max(...timings.map((t) => t.rssMb)).toFixed(0)} MB`,
  );
};
row(
  "cold generate (fresh process, no output, no cache)",
  rounds.map((r) => r.cold),
  rounds.map((r) => r.cold.ms / r.floor),
  "parse floor",
  2,
);
for (const [name, key] of [
  ["warm generate, nothing changed", "warm"],
  ["generate with one doc changed", "oneChanged"],
  ["--check, nothing changed (a manifest it wrote)", "check"],
  ["--check after a checkout: same bytes, new times", "touchedCheck"],
  ["generate with one field's type changed", "typeChanged"],
  ["fresh clone, one doc changed: generate", "cloneGenerate"],
  ["fresh clone, one doc changed: --check --base HEAD", "cloneCheck"],
] as const) {
  row(
    name,
    rounds.map((r) => r[key]),
    rounds.map((r) => r[key].ms / r.cold.ms),
    "cold",
    3,
  );
}
row(
  "--check --full, nothing changed (once)",
  [checkFull],
  [checkFull.ms / median(rounds.map((r) => r.cold.ms))],
  "cold",
  3,
);
await rm(work, { recursive: true, force: true });
