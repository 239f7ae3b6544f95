/** A temporary folder per test: made before each test of the file (or `describe` block) that asks, removed after it. */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeEach } from "vitest";

const SEEDS = resolve(import.meta.dirname, "..", "..", "seeds");

/** The folder of the test that is running. */
export interface TempFolder {
  readonly dir: string;
}

/** A new folder named `mdmodel-<name>-…` for each test; with `seedsAt`, a copy of `seeds/` at that path inside it. */
export function tempFolderPerTest(name: string, options: { seedsAt?: string } = {}): TempFolder {
  const folder = { dir: "" };
  beforeEach(async () => {
    folder.dir = await mkdtemp(join(tmpdir(), `mdmodel-${name}-`));
    if (options.seedsAt !== undefined) await cp(SEEDS, join(folder.dir, options.seedsAt), { recursive: true });
    const made = folder.dir;
    return () => rm(made, { recursive: true, force: true });
  });
  return folder;
}
