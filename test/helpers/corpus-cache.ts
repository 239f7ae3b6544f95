/**
 * The generator's disk caches, shared by the test files that generate one MDMODEL_CORPUS folder:
 * CI runs eight of them per folder, and the caches leave the output as it is (generate.ts), so
 * only the first files to run pay for reading and formatting.
 */
import { join } from "node:path";
import type { CachedRead } from "../../src/generate.js";
import { isCachedRead, isString, loadCache, saveCache } from "../../src/engine/disk-cache.js";
import { generatorIdentity } from "../../src/identity.js";

const DIR = join(import.meta.dirname, "..", "..", "node_modules", ".cache", "mdmodel-tests", "corpus-cache");

export interface CorpusCaches {
  readCache: Map<string, CachedRead>;
  moduleCache: Map<string, string>;
  formatCache: Map<string, string>;
}

export async function loadCorpusCaches(): Promise<CorpusCaches> {
  const identity = generatorIdentity();
  const [readCache, moduleCache, formatCache] = await Promise.all([
    loadCache(DIR, "read", identity, isCachedRead) as Promise<Map<string, CachedRead>>,
    loadCache(DIR, "modules", identity, isString),
    loadCache(DIR, "format", identity, isString),
  ]);
  return { readCache, moduleCache, formatCache };
}

export async function saveCorpusCaches(caches: CorpusCaches): Promise<void> {
  const identity = generatorIdentity();
  await Promise.all([
    saveCache(DIR, "read", identity, caches.readCache),
    saveCache(DIR, "modules", identity, caches.moduleCache),
    saveCache(DIR, "format", identity, caches.formatCache),
  ]);
}
