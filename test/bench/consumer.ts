/**
 * `npm run bench:consumer -- [docs folder] [--docs N] [--base COMMIT] [--rounds R] [--work DIR]`: what the
 * generated code costs the project that uses it. For each output (the pinned earlier commit's,
 * built in a git worktree in this run; today's default (`typeCheck: "declarations"`), also with
 * `typeCheck: "all"`; the presets; types only): bytes per model, `tsc --noEmit` time and peak memory of a consumer
 * that imports one model through the barrel and from its own module, and Node's import time of the barrel and of one module (the
 * output transpiled by esbuild, as a bundler or `tsc` would emit it). Every figure is also given
 * as a ratio to the base commit's, measured in the same run, each round taking every output in
 * turn. Two bounds close it: Node's import of as many one-line modules (the file count alone) and
 * of the default output bundled into one file (its JavaScript alone). Without a folder it writes
 * the deterministic synthetic corpus of N docs (default 5000).
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs, promisify } from "node:util";
import { build, transform } from "esbuild";
import { benchDocs } from "./synthetic-corpus.js";

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, "../..");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    docs: { type: "string", default: "5000" },
    // The last commit before the outputs option: every module carried every output.
    base: { type: "string", default: "5148531" },
    work: { type: "string", default: tmpdir() },
    rounds: { type: "string", default: "1" },
  },
});
await mkdir(resolve(values.work), { recursive: true });
const work = await mkdtemp(join(resolve(values.work), "mdmodel-consumer-"));
const input = join(work, "docs");
const label = await benchDocs(work, positionals[0], Number(values.docs));
const rounds = Number(values.rounds);

/** The base commit's package, built in a worktree that shares this repository's node_modules. */
async function baseCli(commit: string, tree: string): Promise<string> {
  await run("git", ["worktree", "add", "--detach", tree, commit], { cwd: REPO });
  await symlink(join(REPO, "node_modules"), join(tree, "node_modules"), "dir");
  await run("npm", ["run", "-s", "build"], { cwd: tree, maxBuffer: 64 * 1024 * 1024 });
  return join(tree, "dist", "bin", "mdmodel.js");
}

interface Variant {
  name: string;
  cli: string;
  config: Record<string, unknown>;
}

/** Every file under `folder`, relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(folder, join(entry.parentPath, entry.name)));
}

/** A consumer's `tsc --noEmit`: wall time and the peak RSS of the compiler's process. */
async function tscOf(project: string, entry: string): Promise<{ ms: number; mb: number }> {
  await writeFile(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        module: "nodenext",
        moduleResolution: "nodenext",
        target: "es2022",
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      files: [entry],
    }),
  );
  const tsc = join(REPO, "node_modules", "typescript", "lib", "tsc.js");
  // The compiler runs in this child, which prints its own peak RSS as it exits.
  const script = `process.on("exit", () => process.stderr.write("\\nmaxrss " + process.resourceUsage().maxRSS + "\\n")); process.argv = [process.argv[0], ${JSON.stringify(tsc)}, "-p", "tsconfig.json"]; require(${JSON.stringify(tsc)});`;
  const started = performance.now();
  const result = await run(process.execPath, ["-e", script], { cwd: project, maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout: string; stderr: string; code: number }) => error,
  );
  const ms = performance.now() - started;
  if ("code" in result && result.code !== 0)
    throw new Error(`tsc failed in ${project}:\n${result.stdout.slice(0, 2000)}`);
  const rss = /maxrss (\d+)/.exec(result.stderr);
  return { ms, mb: rss ? Number(rss[1]) / 1024 : Number.NaN };
}

/** Node's import time of `specifier` in a fresh process, in ms. */
async function importMs(folder: string, specifier: string): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: folder });
  return Number(stdout.trim());
}

/** The middle value; of an even count, the mean of the two middle ones (the upper one alone overstated two rounds). */
function median(list: number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Row {
  name: string;
  models: number;
  /** The model modules written (not the barrel or the runtime). */
  modules: number;
  bytes: number;
  modulesBytes: number;
  tscBarrel?: { ms: number; mb: number };
  tscModule: { ms: number; mb: number };
  nodeBarrel?: number;
  nodeModule: number;
}

/** A variant's output, generated and transpiled, with what its consumers import. */
interface Prepared {
  row: Omit<Row, "tscBarrel" | "tscModule" | "nodeBarrel" | "nodeModule">;
  folder: string;
  /** The output as JavaScript, for Node to import. */
  js: string;
  moduleFile: string;
  hasBarrel: boolean;
}

/** One round's figures of a variant: a `tsc` run and an import of each entry. */
interface Sample {
  tscModule: Row["tscModule"];
  tscBarrel?: Row["tscModule"];
  nodeModule: number;
  nodeBarrel?: number;
}

/** Generates the docs with `variant` and writes its two consumers and its JavaScript. */
async function prepare(variant: Variant): Promise<Prepared> {
  const folder = join(work, variant.name.replace(/\W+/g, "-"));
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, "package.json"), '{ "type": "module" }\n');
  await writeFile(join(folder, "mdmodel.config.json"), JSON.stringify({ out: "out", ...variant.config }));
  // The docs are outside the consumer's folder, which only --input may name.
  await run(process.execPath, [variant.cli, "generate", "--no-cache", "--input", input], {
    cwd: folder,
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = join(folder, "out");
  const files = await filesUnder(out);
  const manifest = JSON.parse(await readFile(join(out, ".mdmodel-manifest.json"), "utf8")) as {
    generatedBy: { stats: { models: number } };
  };
  let bytes = 0;
  let modulesBytes = 0;
  let modules = 0;
  for (const file of files) {
    const size = (await stat(join(out, file))).size;
    bytes += size;
    if (file.endsWith(".ts") && file !== "index.ts" && file !== "runtime.ts") {
      modulesBytes += size;
      modules += 1;
    }
  }
  // One model of the output: the first object model's module, the same one for every variant.
  const moduleFile = files.filter((file) => file.startsWith("models/") && file.endsWith(".ts")).sort()[0]!;
  const moduleText = await readFile(join(out, moduleFile), "utf8");
  const typeName = /export (?:interface|type) (\w+)/.exec(moduleText)![1]!;
  const specifier = (path: string) => `./out/${path.replace(/\.ts$/, ".js")}`;
  await writeFile(
    join(folder, "app-module.ts"),
    `import type { ${typeName} } from "${specifier(moduleFile)}";\nexport const value: ${typeName} | undefined = undefined;\n`,
  );
  await writeFile(
    join(folder, "app-barrel.ts"),
    `import type { ${typeName} } from "./out/index.js";\nexport const value: ${typeName} | undefined = undefined;\n`,
  );
  const js = join(folder, "js");
  for (const file of files.filter((path) => path.endsWith(".ts"))) {
    const { code } = await transform(await readFile(join(out, file), "utf8"), { loader: "ts", format: "esm" });
    await mkdir(dirname(join(js, file)), { recursive: true });
    await writeFile(join(js, file.replace(/\.ts$/, ".js")), code);
  }
  await writeFile(join(js, "package.json"), '{ "type": "module" }\n');
  return {
    row: { name: variant.name, models: manifest.generatedBy.stats.models, modules, bytes, modulesBytes },
    folder,
    js,
    moduleFile,
    hasBarrel: files.includes("index.ts"),
  };
}

async function sample({ folder, js, moduleFile, hasBarrel }: Prepared): Promise<Sample> {
  return {
    tscModule: await tscOf(folder, "app-module.ts"),
    ...(hasBarrel ? { tscBarrel: await tscOf(folder, "app-barrel.ts") } : {}),
    nodeModule: await importMs(js, `./${moduleFile.replace(/\.ts$/, ".js")}`),
    ...(hasBarrel ? { nodeBarrel: await importMs(js, "./index.js") } : {}),
  };
}

/** A variant's row: the median of its samples. */
function rowOf({ row, hasBarrel }: Prepared, samples: readonly Sample[]): Row {
  const pick = (list: Row["tscModule"][]) => ({ ms: median(list.map((t) => t.ms)), mb: median(list.map((t) => t.mb)) });
  return {
    ...row,
    tscModule: pick(samples.map((s) => s.tscModule)),
    ...(hasBarrel
      ? { tscBarrel: pick(samples.map((s) => s.tscBarrel!)), nodeBarrel: median(samples.map((s) => s.nodeBarrel!)) }
      : {}),
    nodeModule: median(samples.map((s) => s.nodeModule)),
  };
}

/**
 * What Node's import of a barrel costs for the file count alone: one one-line module per model
 * (`export const m1 = 1;`) and an `index.js` of `export *` lines, as a generated barrel has.
 */
async function importFloorMs(modules: number): Promise<number> {
  const folder = join(work, "floor");
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, "package.json"), '{ "type": "module" }\n');
  const lines: string[] = [];
  for (let i = 0; i < modules; i++) {
    await writeFile(join(folder, `m${i}.js`), `export const m${i} = 1;\n`);
    lines.push(`export * from "./m${i}.js";`);
  }
  await writeFile(join(folder, "index.js"), lines.join("\n") + "\n");
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) times.push(await importMs(folder, "./index.js"));
  return median(times);
}

/**
 * Node's import of the default output's JavaScript bundled by esbuild into one file: what a
 * layout with fewer files could reach at best, as the file count no longer counts.
 */
async function importBundledMs(js: string): Promise<{ ms: number; bytes: number }> {
  const folder = join(work, "bundled");
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, "package.json"), '{ "type": "module" }\n');
  const outfile = join(folder, "index.js");
  await build({
    entryPoints: [join(js, "index.js")],
    bundle: true,
    format: "esm",
    platform: "node",
    outfile,
    logLevel: "warning",
  });
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) times.push(await importMs(folder, "./index.js"));
  return { ms: median(times), bytes: (await stat(outfile)).size };
}

const tree = join(work, `base-${values.base}`);
const rows: Row[] = [];
let floorMs = Number.NaN;
let bundled = { ms: Number.NaN, bytes: 0 };
try {
  const current = join(REPO, "dist", "bin", "mdmodel.js");
  const variants: Variant[] = [
    { name: `base ${values.base}`, cli: await baseCli(values.base, tree), config: {} },
    { name: "default outputs", cli: current, config: {} },
    { name: "default, typeCheck: all", cli: current, config: { typeCheck: "all" } },
    { name: "outputs: validators", cli: current, config: { outputs: "validators" } },
    { name: "outputs: types", cli: current, config: { outputs: "types" } },
  ];
  const prepared: Prepared[] = [];
  for (const variant of variants) {
    prepared.push(await prepare(variant));
    process.stderr.write(`generated ${variant.name}\n`);
  }
  // Round by round, every variant in turn: a slow spell of this shared machine falls on all of them, not on one row.
  const samples: Sample[][] = prepared.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, variant] of prepared.entries()) samples[index]!.push(await sample(variant));
    process.stderr.write(`round ${round + 1} of ${rounds} measured\n`);
  }
  rows.push(...prepared.map((variant, index) => rowOf(variant, samples[index]!)));
  floorMs = await importFloorMs(rows[1]!.modules);
  bundled = await importBundledMs(prepared[1]!.js);
} finally {
  // Also after a failed step: no worktree left registered in the repository, no temporary folder.
  await run("git", ["worktree", "remove", "--force", tree], { cwd: REPO }).catch(() => undefined);
  await rm(work, { recursive: true, force: true });
}

const [baseRow] = rows;
const ratio = (value: number | undefined, of: number | undefined) =>
  value === undefined || of === undefined ? "n/a" : `${(value / of).toFixed(2)}x`;
const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(
  `mdmodel bench:consumer: ${label}; ${cpus().length} × ${cpu}, Node ${process.version}; medians of ${rounds} rounds`,
);
console.log(
  "| output | bytes/model | modules bytes | tsc via barrel | tsc one module | Node import barrel | Node import module |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const row of rows) {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const tsc = (t: Row["tscModule"] | undefined, of: Row["tscModule"] | undefined) =>
    t
      ? `${(t.ms / 1000).toFixed(1)} s, ${Math.round(t.mb)} MB (${ratio(t.ms, of?.ms)}, ${ratio(t.mb, of?.mb)})`
      : "no barrel";
  console.log(
    `| ${row.name} | ${kb(row.bytes / row.models)} (${ratio(row.bytes, baseRow!.bytes)}) | ${(row.modulesBytes / 1e6).toFixed(1)} MB (${ratio(row.modulesBytes, baseRow!.modulesBytes)}) | ${tsc(row.tscBarrel, baseRow!.tscBarrel)} | ${tsc(row.tscModule, baseRow!.tscModule)} | ${row.nodeBarrel === undefined ? "no barrel" : `${row.nodeBarrel.toFixed(0)} ms (${ratio(row.nodeBarrel, baseRow!.nodeBarrel)})`} | ${row.nodeModule.toFixed(1)} ms (${ratio(row.nodeModule, baseRow!.nodeModule)}) |`,
  );
}
console.log(
  `\nNode import floor: ${rows[1]!.modules} one-line modules through an \`export *\` barrel, ${floorMs.toFixed(0)} ms (${ratio(floorMs, baseRow!.nodeBarrel)} of the base's barrel): what the file count alone costs.`,
);
console.log(
  `Node import of the default output bundled into one file by esbuild (${(bundled.bytes / 1e6).toFixed(1)} MB): ${bundled.ms.toFixed(0)} ms (${ratio(bundled.ms, baseRow!.nodeBarrel)} of the base's barrel, ${ratio(bundled.ms, rows[1]!.nodeBarrel)} of the default's): the JavaScript alone, with no file count.`,
);
