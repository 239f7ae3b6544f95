/** What a run takes from the output already there: its intact files, as cache entries that spare emitting and formatting. */
import type { ModulePlan } from "../emit/plan.js";
import { sha256Hex } from "../shared/hash.js";
import { MANIFEST_PATH, type ModelRecord } from "../write/manifest.js";
import type { PreviousOutput } from "./types.js";

/** The previous output's files that still hold what its manifest records, by path (the manifest aside). */
export function intactFiles(previous: PreviousOutput): Map<string, string> {
  const intact = new Map<string, string>();
  for (const [path, hash] of Object.entries(previous.manifest.files)) {
    if (path === MANIFEST_PATH) continue;
    const text = previous.read(path);
    if (text !== undefined && sha256Hex(text) === hash) intact.set(path, text);
  }
  return intact;
}

/** Each module whose key the previous output recorded, and whose file is intact, becomes a cache hit holding that file; so does each intact file whose text before formatting is the same. */
export function seedFromPrevious(
  previous: PreviousOutput,
  identity: string,
  plans: readonly ModulePlan[],
  keys: ReadonlyMap<string, string>,
  caches: { moduleCache: Map<string, string>; formatCache: Map<string, string> },
): void {
  const { moduleCache, formatCache } = caches;
  const records = previous.manifest.inputs?.models;
  // A module key covers the model, all it reaches and the options, not the generator: that must be the same one.
  if (!records || previous.manifest.generatedBy?.identity !== identity) return;
  for (const plan of plans) {
    const record = Object.hasOwn(records, plan.model.path) ? records[plan.model.path]! : undefined;
    const key = keys.get(plan.model.path)!;
    if (!record) continue;
    seedFormats(previous, record, formatCache);
    // The module's recorded format key names its file (when intact): the same key, the same text.
    if (record.key === key && record.files[0] === plan.path && formatCache.has(record.formats[0]))
      moduleCache.set(key, record.formats[0]);
  }
}

/**
 * A module whose closure changed may still emit the very text it did (a referrer of a model
 * whose description changed): its recorded format key then names its file, and prettier is skipped.
 */
export function seedFormats(
  previous: PreviousOutput,
  record: ModelRecord,
  formatCache: Map<string, string>,
  intact?: ReadonlyMap<string, string>,
): void {
  record.files.forEach((path, index) => {
    const key = record.formats[index]!;
    if (formatCache.has(key)) return;
    const text = intact ? intact.get(path) : previous.read(path);
    if (text !== undefined && (intact || sha256Hex(text) === previous.manifest.files[path])) formatCache.set(key, text);
  });
}
