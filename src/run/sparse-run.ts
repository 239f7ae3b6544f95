/** The run that reads only what a change reaches, from the records of the manifest already there. */
import { barrelFolders, barrelPathIn } from "../emit/files.js";
import { barrelEntry, barrelEntryOf, type BarrelEntry, type ModulePlan } from "../emit/plan.js";
import { barrelPart, moduleKeysOf } from "../engine/engine.js";
import type { Config } from "../config/defaults.js";
import type { ModelDoc } from "../ir/types.js";
import { assembleModels } from "../pipeline/assemble.js";
import { sortedRecord, warningsBy, withManifest } from "../pipeline/manifest-records.js";
import { planOutcomes } from "../pipeline/plan-outcomes.js";
import type { DocRead } from "../pipeline/read-step.js";
import {
  evidenceModel,
  evidenceOf,
  evidenceOutside,
  linkGraph,
  needed,
  reaching,
  type SparseStart,
} from "../pipeline/sparse.js";
import { hasErrors } from "../shared/diagnostics.js";
import type { OutputFile } from "../shared/output-file.js";
import { compareText } from "../shared/text.js";
import { MANIFEST_PATH, type ModelRecord } from "../write/manifest.js";
import { emitModules, planModules, statsOf } from "./plan-and-emit.js";
import { intactFiles, seedFormats } from "./previous.js";
import type { GenerateResult, PreviousOutput, Run } from "./types.js";

/**
 * Only the docs a change reaches are read, and only the modules that reach a changed doc are
 * made; the others are the files already there. Why not, when the change needs a full run:
 * a doc whose model changed name or kind (other docs' links may resolve differently), or a
 * doc with an error. A module whose exports changed has the barrel made again, from the records.
 */
export async function sparseRun(
  run: Run,
  previous: PreviousOutput,
  start: SparseStart,
): Promise<GenerateResult | string> {
  const { config } = run;
  const { records } = start;
  const reads = await readChanged(run, start);
  if (typeof reads === "string") return reads;
  const fresh = new Map([...reads].flatMap(([path, read]) => (read.model ? [[path, read.model] as const] : [])));
  const intact = intactFiles(previous);
  const owners = new Map(
    Object.entries(records).flatMap(([path, record]) => record.files.map((file) => [file, path] as const)),
  );
  const barrels = barrelFolders(
    Object.values(records).map((record) => record.files[0]),
    config.barrel,
  ).map(barrelPathIn);
  // The files are exactly the records', the barrels' and the runtime's: else a full run.
  const expected = new Set([...owners.keys(), ...barrels, config.runtimeModule]);
  const listed = Object.keys(previous.manifest.files);
  if (listed.length !== expected.size || listed.some((path) => !expected.has(path)))
    return "the manifest lists other files";
  const graph = linkGraph(records, fresh);
  const roots = rootsOf(start, fresh, intact, owners, listed);
  const changedPaths = new Set(start.changed.map((doc) => doc.path));
  for (;;) {
    const affected = reaching(graph, roots);
    const toRead = needed(graph, records, affected);
    const docs = run.docs.filter((doc) => toRead.has(doc.path) || changedPaths.has(doc.path));
    const unread = docs.filter((doc) => !reads.has(doc.path));
    for (const [index, read] of (await run.engine.read(unread, run.readOptions)).entries()) {
      if (!read) return `${unread[index]!.path} cannot be read`;
      reads.set(unread[index]!.path, read);
    }
    const { models, files, evidenceBy } = assembleModels(
      docs,
      docs.map((doc) => reads.get(doc.path)),
      config,
      evidenceOutside(records, toRead),
      run.readOptions,
    );
    // Null evidence a doc now gives, or no longer gives, changes the model it is about: that one is made again too.
    const moved = [...toRead].flatMap((path) =>
      symmetricDifference(
        evidenceBy.get(path) ?? [],
        Object.hasOwn(records, path) ? evidenceOf(records[path]!) : [],
      ).map(evidenceModel),
    );
    if (moved.some((path) => !affected.has(path))) {
      moved.forEach((path) => roots.add(path));
      continue;
    }
    const chosen = models.models.filter((model) => affected.has(model.path));
    const plans = planModules(run, models, chosen, files, files.values());
    // The barrel is made from every module's entry: it is the file there while it is intact and these entries are as recorded.
    const barrel =
      barrels.every((path) => intact.has(path)) &&
      plans.every((plan) =>
        sameBarrelPart(barrelEntry(plan), barrelEntryOf(plan.model.path, records[plan.model.path]!, config)),
      )
        ? undefined
        : barrelEntries(records, plans, config);
    // The messages of the docs whose modules were made or that changed: of the others, the previous run told.
    const reported = new Set([...affected, ...changedPaths].filter((path) => files.has(path)));
    const messages = [...reported].sort(compareText).flatMap((path) => files.get(path)!.messages);
    if (hasErrors(messages)) return "a doc has an error";

    if (run.formatCache)
      for (const plan of plans) seedFormats(previous, records[plan.model.path]!, run.formatCache, intact);
    const keys = moduleKeysOf({ models, config, formatOptions: run.formatOptions });
    const runtime = !intact.has(config.runtimeModule);
    const emitted = await emitModules(run, { plans, models, keys, evidenceBy, barrel, runtime });
    const madePaths = new Set(emitted.made.map((file) => file.path));
    const output: OutputFile[] = [
      ...emitted.made,
      ...[...intact].filter(([path]) => !madePaths.has(path)).map(([path, content]) => ({ path, content })),
    ];
    const nextRecords = { ...records, ...emitted.records };
    const warnings = warningsAfter(start.warnings, warningsBy(files), reported);
    const stats = statsOf(run, {
      docs: run.docs.length,
      kinds: Object.values(nextRecords).map((record) => record.kind),
      skipped: previous.manifest.generatedBy!.stats.skipped,
      warnings: Object.values(warnings).reduce((sum, count) => sum + count, 0),
    });
    return {
      files: withManifest(run, output, stats, nextRecords, sortedRecord(warnings)),
      messages,
      stats,
      ...planOutcomes(plans),
      sparse: { read: docs.length, made: plans.length },
      reported: [...reported].sort(compareText),
    };
  }
}

/** The changed docs as read, by path; or why a full run is needed: an error, or a model that changed name or kind. */
async function readChanged(run: Run, start: SparseStart): Promise<Map<string, DocRead> | string> {
  const { records } = start;
  const reads = new Map<string, DocRead>();
  for (const [index, read] of (await run.engine.read(start.changed, run.readOptions)).entries()) {
    const doc = start.changed[index]!;
    const record = Object.hasOwn(records, doc.path) ? records[doc.path] : undefined;
    if (!read || read.messages.some((message) => message.severity === "error")) return `${doc.path} has an error`;
    if (read.model ? record?.name !== read.model.name || record.kind !== read.model.body.kind : record !== undefined)
      return `${doc.path} changed what model it defines`;
    reads.set(doc.path, read);
  }
  return reads;
}

/** The models made again: the changed ones, those their old null evidence was about, and those whose files are not as written. */
function rootsOf(
  start: SparseStart,
  fresh: ReadonlyMap<string, ModelDoc>,
  intact: ReadonlyMap<string, string>,
  owners: ReadonlyMap<string, string>,
  listed: readonly string[],
): Set<string> {
  const roots = new Set([
    ...fresh.keys(),
    ...start.changed.flatMap((doc) =>
      (Object.hasOwn(start.records, doc.path) ? evidenceOf(start.records[doc.path]!) : []).map(evidenceModel),
    ),
  ]);
  for (const path of listed) {
    if (path !== MANIFEST_PATH && !intact.has(path) && owners.has(path)) roots.add(owners.get(path)!);
  }
  return roots;
}

/** Warning counts by doc: this run's for the docs it reported, the previous run's for the others. */
function warningsAfter(
  previous: Readonly<Record<string, number>>,
  now: Readonly<Record<string, number>>,
  reported: ReadonlySet<string>,
): Record<string, number> {
  return {
    ...Object.fromEntries(Object.entries(previous).filter(([path]) => !reported.has(path))),
    ...Object.fromEntries(Object.entries(now).filter(([path]) => reported.has(path))),
  };
}

/** Every module's barrel entry, in the order of the models' doc paths: a plan's where there is one, else as its record says. */
function barrelEntries(
  records: Readonly<Record<string, ModelRecord>>,
  plans: readonly ModulePlan[],
  options: Config,
): BarrelEntry[] {
  const planned = new Map(plans.map((plan) => [plan.model.path, barrelEntry(plan)]));
  return Object.keys(records)
    .sort(compareText)
    .map((path) => planned.get(path) ?? barrelEntryOf(path, records[path]!, options));
}

function sameBarrelPart(a: BarrelEntry, b: BarrelEntry): boolean {
  return JSON.stringify(barrelPart(a)) === JSON.stringify(barrelPart(b));
}

function symmetricDifference(a: readonly string[], b: readonly string[]): string[] {
  const [inA, inB] = [new Set(a), new Set(b)];
  return [...a.filter((item) => !inB.has(item)), ...b.filter((item) => !inA.has(item))];
}
