/**
 * The import graph of src/, checked with dependency-cruiser: no cycle, no upward or sideways
 * import between rooms, parse/ knows no TypeScript, and reading a doc loads neither the
 * emitter library nor the formatter.
 */
import { execFileSync } from "node:child_process";
import { cruise, type IForbiddenRuleType, type IReporterOutput } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { expect, test } from "vitest";

/**
 * The rooms, lowest first. A module may import modules of its own room and of rooms below
 * it; rooms of one rank (parse and emit) may not import each other.
 */
const RANKS: ReadonlyArray<[rank: number, room: string, pattern: string]> = [
  [0, "shared", "^src/shared/"],
  [1, "config", "^src/config/"],
  [1, "io", "^src/io/"],
  [1, "package", "^src/(identity|package-info)\\.ts$"],
  [2, "ir", "^src/ir/"],
  [3, "parse", "^src/parse/"],
  [3, "emit", "^src/emit/"],
  [3, "diff", "^src/diff/"],
  [4, "write", "^src/write/"],
  [5, "pipeline", "^src/pipeline/"],
  [6, "engine", "^src/engine/"],
  [7, "generate", "^src/(generate\\.ts$|run/)"],
  [8, "cli", "^src/cli/"],
  [8, "api", "^src/index\\.ts$"],
  [9, "bin", "^src/bin/"],
];

function roomRules(): IForbiddenRuleType[] {
  return RANKS.flatMap(([rank, room, from]) => {
    const above = RANKS.filter(([other, name]) => name !== room && other >= rank).map(([, , pattern]) => pattern);
    return above.length === 0
      ? []
      : [{ name: `no-upward-from-${room}`, severity: "error", from: { path: from }, to: { path: above.join("|") } }];
  });
}

const RULES: IForbiddenRuleType[] = [
  { name: "no-cycle", severity: "error", from: {}, to: { circular: true } },
  ...roomRules(),
  {
    name: "parse-knows-no-typescript",
    severity: "error",
    from: { path: "^src/parse/" },
    to: { path: "node_modules/(ts-morph|@ts-morph|typescript|prettier)/" },
  },
  {
    name: "reading-loads-no-emitter",
    severity: "error",
    from: { path: "^src/pipeline/read-step\\.ts$" },
    to: { reachable: true, path: "node_modules/(ts-morph|@ts-morph|prettier)/|^src/emit/" },
  },
  {
    name: "api-and-main-thread-plan-without-emitters",
    severity: "error",
    from: { path: "^src/emit/plan\\.ts$" },
    to: { reachable: true, path: "node_modules/(ts-morph|@ts-morph)/" },
  },
];

test("src/ has no import cycle, no upward or sideways import between rooms, and the rooms load only what they need", async () => {
  const result = await cruise(
    ["src"],
    { validate: true, ruleSet: { forbidden: RULES }, tsPreCompilationDeps: true, exclude: { path: "^src/.*\\.js$" } },
    undefined,
    { tsConfig: extractTSConfig("tsconfig.json") },
  );
  const output = result.output as Exclude<IReporterOutput["output"], string>;
  const violations = output.summary.violations.map(
    (violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`,
  );
  expect(violations).toEqual([]);
  // The check cannot pass by reading nothing: every room is there.
  const modules = output.modules.map((module) => module.source);
  for (const [, room, pattern] of RANKS)
    expect(
      modules.some((path) => new RegExp(pattern).test(path)),
      room,
    ).toBe(true);
  expect(modules.length).toBeGreaterThan(60);
});

test("the API's main thread loads neither ts-morph nor prettier's parsers until a step emits: a run on worker threads emits there", () => {
  // The built package, as users load it; dist/ is built by the global setup.
  const script = `
    import { createRequire } from "node:module";
    const api = await import(${JSON.stringify(new URL("../../dist/index.js", import.meta.url).href)});
    const loaded = () => Object.keys(createRequire(import.meta.url).cache).filter((path) => /[\\\\/]ts-morph[\\\\/]|@ts-morph/.test(path)).length;
    const before = loaded();
    const docs = Array.from({ length: 60 }, (_, i) => ({ path: "m" + i + ".md", text: "# M" + i + "\\n\\n## Fields\\n\\n| Field | Type | Required | Description |\\n| --- | --- | --- | --- |\\n| \`a\` | *string* | :heavy_check_mark: | A |\\n" }));
    const result = await api.generate({ docs, runtimeTemplate: await api.loadRuntimeTemplate(), threads: 2 });
    console.log(JSON.stringify({ before, after: loaded(), files: result.files.length }));`;
  const answer = JSON.parse(
    execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }),
  ) as unknown;
  // 60 modules, the runtime, the barrel and the manifest.
  expect(answer).toEqual({ before: 0, after: 0, files: 63 });
});
