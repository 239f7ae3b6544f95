/**
 * A run that reads only what a change reaches. The manifest of the output as it was records,
 * per model doc, its name, kind, links and null evidence; with the docs' hashes that tells
 * which docs changed, which modules reach them (those are made again), and which docs those
 * modules need read. Every other module is the file already there. Pure: the caller reads.
 */
import type { Config } from "../config/defaults.js";
import { groupByName, linkTarget, linksOf } from "../ir/resolve.js";
import type { ModelDoc } from "../ir/types.js";
import type { SourceDoc } from "../shared/source-doc.js";
import { compareText } from "../shared/text.js";
import { docHash, type Manifest, type ModelRecord } from "../write/manifest.js";

/** Where a sparse run starts: the previous run's records and the docs whose text changed since. */
export interface SparseStart {
  records: Readonly<Record<string, ModelRecord>>;
  warnings: Readonly<Record<string, number>>;
  changed: SourceDoc[];
}

/**
 * The start of a sparse run, or why there is none (then every doc is read): the manifest must
 * be this generator's with these options, list the same docs, and have its records; the
 * config's null overrides name fields of any model, so they need every doc.
 */
export function sparseStart(
  docs: readonly SourceDoc[],
  manifest: Manifest,
  identity: string,
  key: string,
  config: Config,
  dialect: string,
): SparseStart | string {
  const inputs = manifest.inputs;
  if (manifest.generatedBy?.identity !== identity) return "another generator made the output";
  if (!inputs || inputs.key !== key) return "the options changed";
  // The docs kept from the previous run were read in its dialect: a change reads them all again.
  if (inputs.dialect !== dialect) return "the docs' dialect changed";
  if (!inputs.models || !inputs.warnings) return "the manifest has no model records";
  if (config.nullable.length + config.notNullable.length > 0) return "the config names nullable fields";
  const recorded = Object.keys(inputs.docs);
  if (recorded.length !== docs.length || docs.some((doc) => !Object.hasOwn(inputs.docs, doc.path)))
    return "docs were added, removed or renamed";
  const changed = docs.filter((doc) => inputs.docs[doc.path] !== docHash(doc));
  return { records: inputs.models, warnings: inputs.warnings, changed };
}

/** Each model doc's links: as recorded, or, for a doc read now, found as resolution would find them among the recorded names. */
export function linkGraph(
  records: Readonly<Record<string, ModelRecord>>,
  fresh: ReadonlyMap<string, ModelDoc>,
): Map<string, string[]> {
  const paths = Object.keys(records).sort(compareText);
  const modelPaths = new Set(paths);
  const byName = groupByName(paths.map((path) => ({ path, name: records[path]!.name })));
  return new Map(
    paths.map((path) => {
      const model = fresh.get(path);
      if (!model) return [path, records[path]!.refs];
      const targets = linksOf(model).flatMap((ref) => linkTarget(ref, path, modelPaths, byName) ?? []);
      return [path, [...new Set(targets)].sort(compareText)];
    }),
  );
}

/** The docs that reach any of `roots` through links, `roots` included. */
export function reaching(graph: ReadonlyMap<string, readonly string[]>, roots: Iterable<string>): Set<string> {
  const back = new Map<string, string[]>();
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const list = back.get(to);
      if (list) list.push(from);
      else back.set(to, [from]);
    }
  }
  return walk(roots, (path) => back.get(path) ?? []);
}

/**
 * The docs a run must read to make the modules of `affected`: every model they reach, and every
 * model that shares a name with one of those (resolution by name and the duplicate-name messages
 * need them), with what those reach in turn.
 */
export function needed(
  graph: ReadonlyMap<string, readonly string[]>,
  records: Readonly<Record<string, ModelRecord>>,
  affected: Iterable<string>,
): Set<string> {
  const byName = groupByName(Object.keys(records).map((path) => ({ path, name: records[path]!.name })));
  return walk(affected, (path) => [
    ...(graph.get(path) ?? []),
    ...(byName.get(records[path]?.name ?? "") ?? []).map((model) => model.path),
  ]);
}

/** The null evidence of `records` for every doc outside `read`. */
export function evidenceOutside(records: Readonly<Record<string, ModelRecord>>, read: ReadonlySet<string>): string[] {
  return Object.entries(records).flatMap(([path, record]) => (read.has(path) ? [] : evidenceOf(record)));
}

/** What a doc's examples said of fields, both kinds, sorted: nulls and wire names. */
export function evidenceOf(record: ModelRecord): string[] {
  return record.wires ? [...record.nulls, ...record.wires].sort(compareText) : record.nulls;
}

/** The model a piece of evidence (`path#field`, `path#field\twire`) is about: a doc path has no `#`. */
export function evidenceModel(key: string): string {
  return key.slice(0, key.indexOf("#"));
}

function walk(roots: Iterable<string>, next: (path: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const work = [...roots];
  while (work.length > 0) {
    const path = work.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    work.push(...next(path));
  }
  return seen;
}
