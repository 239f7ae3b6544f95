/**
 * The output folders the property tests run over: the seeds, every
 * fixture, and the corpus folder MDMODEL_CORPUS names, each generated into a work folder under
 * node_modules/.cache, so code there resolves this repository's dev dependencies.
 */
import { mkdtemp, mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll } from "vitest";
import { resolveConfig, type ConfigInput } from "../../src/config/defaults.js";
import { modulePathOf } from "../../src/emit/naming.js";
import { generate, type GenerateResult } from "../../src/generate.js";
import { loadDocs, loadRuntimeTemplate } from "../../src/io/load-docs.js";
import type { ModelSet } from "../../src/ir/resolve.js";
import type { ResolvedModel } from "../../src/ir/types.js";
import { readModels } from "../../src/pipeline/read-models.js";
import { readingFor } from "../../src/pipeline/reading.js";
import { writeOutput } from "../../src/write/writer.js";
import { loadCorpusCaches, saveCorpusCaches } from "./corpus-cache.js";

const REPO = join(import.meta.dirname, "..", "..");

export interface Output {
  name: string;
  models: ModelSet;
  /** The output folder. */
  out: string;
  result: GenerateResult;
}

/** A work folder under node_modules/.cache, removed after the test file. */
export async function workFolder(prefix: string): Promise<string> {
  const base = join(REPO, "node_modules", ".cache", "mdmodel-tests");
  await mkdir(base, { recursive: true });
  const work = await mkdtemp(join(base, `${prefix}-`));
  afterAll(() => rm(work, { recursive: true, force: true }));
  return work;
}

/** The output of one docs folder with every output enabled, written under `work`. */
export async function outputOf(
  work: string,
  name: string,
  docsFolder: string,
  config: ConfigInput = {},
): Promise<Output> {
  // Every output, so each property test finds what it tries (the `.schema.json` files are not in the default).
  config = { outputs: "all", ...config };
  const docs = await loadDocs(docsFolder);
  const resolved = resolveConfig(config);
  const reading = readingFor(resolved, docs);
  if (!reading.ok) throw new Error(reading.reason);
  const models = readModels(docs, resolved, reading.readOptions).models;
  const caches = name === "MDMODEL_CORPUS" ? await loadCorpusCaches() : undefined;
  const result = await generate({ docs, config, runtimeTemplate: await loadRuntimeTemplate(), ...caches });
  if (caches) await saveCorpusCaches(caches);
  const out = join(work, name);
  await writeOutput(out, result.files);
  return { name, models, out, result };
}

/** The seeds, every fixture and MDMODEL_CORPUS (when set), generated. */
export async function testOutputs(work: string): Promise<Output[]> {
  const fixtureRoot = join(REPO, "test", "fixtures");
  const fixtures = (await readdir(fixtureRoot, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const corpus = process.env["MDMODEL_CORPUS"];
  return [
    await outputOf(work, "seeds", join(REPO, "seeds")),
    ...(await Promise.all(fixtures.map((name) => outputOf(work, name, join(fixtureRoot, name, "docs"))))),
    // A real SDK's docs, with MDMODEL_CORPUS=<docs folder> (CI runs it on each corpus folder).
    ...(corpus ? [await outputOf(work, "MDMODEL_CORPUS", corpus)] : []),
  ];
}

/** A model's own module (the barrel renames models whose names clash). */
export async function moduleOf(out: string, model: ResolvedModel): Promise<Record<string, unknown>> {
  return (await import(join(out, modulePathOf(model.path)))) as Record<string, unknown>;
}

/**
 * The models a per-model property test tries on an output: all of them, but of MDMODEL_CORPUS an
 * even spread of at most `max` (CI runs these on a tree of every SDK language; the seeds and the
 * fixtures cover every shape, the corpus adds real ones, and a thousand models each is time).
 */
export function sampleOf<T>(name: string, items: readonly T[], max = 400): T[] {
  if (name !== "MDMODEL_CORPUS" || items.length <= max) return [...items];
  const step = Math.ceil(items.length / max);
  return items.filter((_, index) => index % step === 0);
}
