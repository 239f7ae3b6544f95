/**
 * All or nothing: a run killed at random points leaves the output folder as it was, as the new
 * run makes it, or with a committed journal the next run completes; the next run always
 * succeeds and gives exactly the new output. Two runs at once never mix; a failure while
 * staging (an over-long name) changes nothing; the manifest is never trusted into removing or
 * writing what mdmodel did not write.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { sha256Hex } from "../../src/shared/hash.js";
import { commit, JOURNAL, lock, LockedError, recover, STAGING } from "../../src/write/transaction.js";
import { writeSyntheticCorpus } from "../bench/synthetic-corpus.js";
import { CLI, mdmodel, GENERATE_DOCS } from "../helpers/run-cli.js";

const work = await mkdtemp(join(tmpdir(), "mdmodel-transaction-"));
afterAll(() => rm(work, { recursive: true, force: true }));

/** Every file under `folder` with its text, transaction leftovers (the lock of a killed run) aside. */
async function snapshot(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(folder, join(entry.parentPath, entry.name)).split(sep).join("/");
    if (path === ".mdmodel.lock") continue;
    files.set(path, await readFile(join(folder, path), "utf8"));
  }
  return files;
}

function same(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([path, text]) => b.get(path) === text);
}

/** `generate` from the seeds copied into `seed-docs/`, into `out`. */
function fromSeeds(out: string, ...args: string[]): string[] {
  return ["generate", "--input", "seed-docs", "--out", out, ...args];
}

function run(cwd: string, args: string[]): { child: ReturnType<typeof spawn>; done: Promise<number> } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: "ignore" });
  return {
    child,
    done: new Promise((resolve) => child.on("exit", (code, signal) => resolve(signal ? -1 : (code ?? -1)))),
  };
}

describe("killed runs", () => {
  test("a run killed at random points: the old output, the new one, or a journal the next run completes", async () => {
    // 120 docs, then each doc's description edited: every module changes.
    await writeSyntheticCorpus(join(work, "docs-old"), 120);
    await cp(join(work, "docs-old"), join(work, "docs-new"), { recursive: true });
    for (const entry of await readdir(join(work, "docs-new"), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      await writeFile(path, (await readFile(path, "utf8")).replace(/^(# .*\n\n)/, "$1Edited. "));
    }
    expect((await mdmodel(work, "generate", "--input", "docs-old", "--out", "old", "--no-cache")).code).toBe(0);
    expect((await mdmodel(work, "generate", "--input", "docs-new", "--out", "new", "--no-cache")).code).toBe(0);
    const [before, after] = [await snapshot(join(work, "old")), await snapshot(join(work, "new"))];
    expect(same(before, after)).toBe(false);

    /**
     * Runs generate into a copy of the old output and kills it: `kill` ms after it starts staging
     * (it is done reading and formatting), or as soon as its journal appears (the commit point),
     * an event rather than a time, so a loaded machine cannot make every kill come too early.
     * Gives the ms from the staging to the exit.
     */
    const killedRun = async (out: string, kill: number | "at-commit" | undefined): Promise<number> => {
      await cp(join(work, "old"), join(work, out), { recursive: true });
      // With the caches (in the work folder): every run after the first is warm, and the output is the same.
      const { child, done } = run(work, ["generate", "--input", "docs-new", "--out", out]);
      const appeared = async (path: string) => {
        while (!existsSync(path) && child.exitCode === null) await new Promise((resolve) => setImmediate(resolve));
      };
      await appeared(join(work, out, STAGING));
      const locked = performance.now();
      if (kill === "at-commit") {
        await appeared(join(work, out, JOURNAL));
        child.kill("SIGKILL");
      } else if (kill !== undefined) {
        while (performance.now() - locked < kill) await new Promise((resolve) => setImmediate(resolve));
        child.kill("SIGKILL");
      }
      await done;
      return performance.now() - locked;
    };
    // The write phase, measured on a run left alone.
    const window = await killedRun("calibration", undefined);
    expect(same(await snapshot(join(work, "calibration")), after)).toBe(true);

    /** What a killed run left in `out`: a journal, or exactly the old or the new output (staged files aside); then the next run gives the new output. */
    const judge = async (trial: string): Promise<"old" | "new" | "journal"> => {
      const out = join(work, trial);
      const state = await snapshot(out);
      const journal = await lstat(join(out, JOURNAL)).then(
        () => true,
        () => false,
      );
      let outcome: "old" | "new" | "journal" = "journal";
      if (!journal) {
        // No journal: what was staged never counts, and the files are one state or the other.
        const staged = [...state.keys()].filter((path) => path.startsWith(`${STAGING}/`) || path === `${JOURNAL}.tmp`);
        for (const path of staged) state.delete(path);
        const which = same(state, before) ? "old" : same(state, after) ? "new" : undefined;
        expect(which, `${trial}: the files are a mix of the old and the new output`).toBeDefined();
        outcome = which!;
      }
      expect((await mdmodel(work, "generate", "--input", "docs-new", "--out", trial)).code, trial).toBe(0);
      const next = await snapshot(out);
      const differing = [...new Set([...next.keys(), ...after.keys()])].filter(
        (path) => next.get(path) !== after.get(path),
      );
      expect(differing, `${trial}: the next run gives the new output`).toEqual([]);
      expect((await mdmodel(work, "generate", "--input", "docs-new", "--out", trial, "--check")).code).toBe(0);
      return outcome;
    };

    const outcomes = { old: 0, new: 0, journal: 0 };
    const trials = 12;
    for (let trial = 0; trial < trials; trial++) {
      // Spread over the write phase and a little past it.
      await killedRun(`trial-${trial}`, (window * 1.1 * trial) / (trials - 1));
      outcomes[await judge(`trial-${trial}`)] += 1;
    }
    // Killed at the commit point: the journal is there, or the run already finished with it; never the old output.
    for (const trial of ["at-commit-1", "at-commit-2"]) {
      await killedRun(trial, "at-commit");
      const outcome = await judge(trial);
      expect(outcome, trial).not.toBe("old");
      outcomes[outcome] += 1;
    }
    console.info(`killed runs: ${JSON.stringify(outcomes)}, write phase ${window.toFixed(0)} ms`);
  }, 300_000);

  test("a journal is completed only with this machine's proof of it, and only for the content it recorded; anything else is dropped unread", async () => {
    const out = join(work, "manual");
    const proofs = join(work, "manual-proofs");
    await mkdir(out, { recursive: true });
    /** An interrupted commit: b.ts renamed, a.ts still staged, c.ts to go; `proven` records this machine's proof of the journal. */
    const interrupted = async (proven: boolean, staged = "new a\n") => {
      await writeFile(join(out, "a.ts"), "old a\n");
      await writeFile(join(out, "b.ts"), "new b\n");
      await writeFile(join(out, "c.ts"), "old c\n");
      await mkdir(join(out, STAGING), { recursive: true });
      await writeFile(join(out, STAGING, "a.ts"), staged);
      const journal = JSON.stringify({
        nonce: "n",
        renames: [
          { path: "a.ts", hash: sha256Hex("new a\n") },
          { path: "b.ts", hash: sha256Hex("new b\n") },
        ],
        removes: [{ path: "c.ts", hash: sha256Hex("old c\n") }],
      });
      await writeFile(join(out, JOURNAL), journal);
      await mkdir(join(proofs, "journals"), { recursive: true });
      const proof = join(proofs, "journals", `${sha256Hex(out)}.json`);
      if (proven) await writeFile(proof, JSON.stringify({ out, journal: sha256Hex(journal) }));
      else await rm(proof, { force: true });
    };
    await interrupted(true);
    expect(recover(out, proofs)).toEqual({ outcome: "completed" });
    expect(Object.fromEntries(await snapshot(out))).toEqual({ "a.ts": "new a\n", "b.ts": "new b\n" });
    expect(await readdir(join(proofs, "journals"))).toEqual([]);

    // The same journal without the proof (a pull request committed it, another machine wrote it): dropped, nothing replayed.
    await rm(out, { recursive: true });
    await mkdir(out);
    await interrupted(false);
    expect(recover(out, proofs)).toMatchObject({ outcome: "dropped", reason: "no run on this machine committed it" });
    expect(Object.fromEntries(await snapshot(out))).toEqual({
      "a.ts": "old a\n",
      "b.ts": "new b\n",
      "c.ts": "old c\n",
    });
    // A proven journal whose staged file was swapped: dropped, nothing renamed.
    await interrupted(true, "export const injected = 1;\n");
    expect(recover(out, proofs)).toMatchObject({ outcome: "dropped" });
    expect(Object.fromEntries(await snapshot(out))).toEqual({
      "a.ts": "old a\n",
      "b.ts": "new b\n",
      "c.ts": "old c\n",
    });

    // Before the commit point: a staging folder and a half-written journal, which are dropped.
    await mkdir(join(out, STAGING, "deep"), { recursive: true });
    await writeFile(join(out, STAGING, "deep", "x.ts"), "staged\n");
    await writeFile(join(out, `${JOURNAL}.tmp`), '{"renames": ["deep/x.ts"');
    expect(recover(out, proofs)).toMatchObject({ outcome: "dropped", reason: "it was never committed" });
    expect(Object.fromEntries(await snapshot(out))).toEqual({
      "a.ts": "old a\n",
      "b.ts": "new b\n",
      "c.ts": "old c\n",
    });
  });

  test("a failure while staging leaves the folder as it was", async () => {
    const out = join(work, "staging-failure");
    await mkdir(out, { recursive: true });
    await writeFile(join(out, "a.ts"), "old\n");
    const release = lock(out);
    try {
      expect(() =>
        commit(
          out,
          [
            { path: "a.ts", content: "new\n" },
            { path: `${"x".repeat(300)}.ts`, content: "too long a name\n" },
          ],
          [],
          undefined,
        ),
      ).toThrow(/ENAMETOOLONG|name too long/);
    } finally {
      release();
    }
    expect(Object.fromEntries(await snapshot(out))).toEqual({ "a.ts": "old\n" });
  });
});

describe("a full disk", () => {
  // A 2 MB tmpfs; mounting one needs root (CI and these machines run as root), else the test is skipped.
  const disk = join(work, "disk");
  const mount = () => execFileSync("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", disk], { stdio: "ignore" });
  const mountable = (() => {
    try {
      execFileSync("mkdir", ["-p", disk]);
      mount();
      execFileSync("umount", [disk]);
      return true;
    } catch {
      return false;
    }
  })();

  // Mounted in the test, so a run that filters it out leaves no mount behind.
  test.skipIf(!mountable)(
    "the run that fills it exits 3 with one line and leaves the folder as it was; the next run, with room, succeeds",
    async () => {
      mount();
      try {
        await fillTheDisk(disk);
      } finally {
        execFileSync("umount", [disk]);
      }
    },
  );
});

/** Fills the mounted disk, then runs a generation that needs more room than is left. */
async function fillTheDisk(disk: string): Promise<void> {
  await cp(join(import.meta.dirname, "..", "..", "seeds"), join(work, "disk-docs"), { recursive: true });
  expect((await mdmodel(work, "generate", "--input", "disk-docs", "--out", "disk/out", "--no-cache")).code).toBe(0);
  const before = await snapshot(join(disk, "out"));
  // Fill the disk but for a few kilobytes, then make every module larger.
  const free = Number(execFileSync("df", ["--output=avail", "-B1", disk]).toString().trim().split("\n")[1]);
  await writeFile(join(disk, "filler"), Buffer.alloc(Math.max(0, free - 16 * 1024)));
  for (const entry of await readdir(join(work, "disk-docs"), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    await writeFile(
      path,
      (await readFile(path, "utf8")).replace(/^(# .*\n\n)/, `$1${"A longer description. ".repeat(200)}`),
    );
  }
  const full = await mdmodel(work, "generate", "--input", "disk-docs", "--out", "disk/out", "--no-cache");
  expect(full.code).toBe(3);
  expect(full.stderr).toMatch(/^mdmodel: no space left on the device, writing disk\/out\/\S+\n$/);
  expect(same(await snapshot(join(disk, "out")), before)).toBe(true);
  await rm(join(disk, "filler"));
  expect((await mdmodel(work, "generate", "--input", "disk-docs", "--out", "disk/out", "--no-cache")).code).toBe(0);
  expect((await mdmodel(work, "generate", "--input", "disk-docs", "--out", "disk/out", "--check")).code).toBe(0);
}

describe("two runs and the lock", () => {
  test("a second run while the lock is held exits 3 with one line and changes nothing", async () => {
    await cp(join(import.meta.dirname, "..", "..", "seeds"), join(work, "seed-docs"), { recursive: true });
    expect((await mdmodel(work, ...fromSeeds("locked", "--no-cache"))).code).toBe(0);
    const before = await snapshot(join(work, "locked"));
    const release = lock(join(work, "locked"));
    try {
      expect(() => lock(join(work, "locked"))).not.toThrow(LockedError); // this process's own lock is retaken
      const outcome = await mdmodel(work, ...fromSeeds("locked", "--no-cache", "--full"));
      expect(outcome.code).toBe(3);
      expect(outcome.stderr).toMatch(
        /^mdmodel: another mdmodel run \(process \d+\) is writing this output folder; wait for it to finish/,
      );
      expect(outcome.stderr.trim().split("\n")).toHaveLength(1);
    } finally {
      release();
    }
    expect(same(await snapshot(join(work, "locked")), before)).toBe(true);
    // A lock whose process is gone is taken over.
    await writeFile(join(work, "locked", ".mdmodel.lock"), JSON.stringify({ pid: 2 ** 22 + 12345 }));
    expect((await mdmodel(work, ...fromSeeds("locked", "--no-cache", "--full"))).code).toBe(0);
  });

  test("two runs at once with different configs: the folder is entirely one of them", async () => {
    await writeFile(join(work, "none.json"), JSON.stringify({ nulls: "none" }));
    await writeFile(join(work, "optional.json"), JSON.stringify({ nulls: "optional" }));
    expect((await mdmodel(work, ...fromSeeds("ref-none", "--config", "none.json", "--no-cache"))).code).toBe(0);
    expect((await mdmodel(work, ...fromSeeds("ref-optional", "--config", "optional.json", "--no-cache"))).code).toBe(0);
    const references = [await snapshot(join(work, "ref-none")), await snapshot(join(work, "ref-optional"))];
    for (let trial = 0; trial < 4; trial++) {
      const out = `both-${trial}`;
      const first = run(work, fromSeeds(out, "--config", "none.json", "--no-cache"));
      const second = run(work, fromSeeds(out, "--config", "optional.json", "--no-cache"));
      const codes = await Promise.all([first.done, second.done]);
      expect(
        codes.every((code) => code === 0 || code === 3),
        String(codes),
      ).toBe(true);
      expect(codes).toContain(0);
      const state = await snapshot(join(work, out));
      expect(
        references.some((reference) => same(state, reference)),
        `trial ${trial}: ${codes}`,
      ).toBe(true);
    }
  });
});

describe("the manifest is not trusted", () => {
  test("a listed file that was changed is kept and said; a listed folder is ignored", async () => {
    const out = join(work, "tampered");
    await cp(join(work, "seed-docs"), join(work, "tamper-docs"), { recursive: true });
    expect((await mdmodel(work, "generate", "--input", "tamper-docs", "--out", "tampered")).code).toBe(0);
    // The user replaced a generated module with their own code, then its doc went.
    await writeFile(join(out, "models/shared/createcustomer.ts"), "export const mine = 1;\n");
    await rm(join(work, "tamper-docs/models/shared/createcustomer.md"));
    // A manifest entry that names a folder.
    const manifest = JSON.parse(await readFile(join(out, ".mdmodel-manifest.json"), "utf8")) as {
      files: Record<string, string>;
    };
    await mkdir(join(out, "a-folder"));
    manifest.files["a-folder"] = "0".repeat(64);
    await writeFile(join(out, ".mdmodel-manifest.json"), JSON.stringify(manifest));
    const outcome = await mdmodel(work, "generate", "--input", "tamper-docs", "--out", "tampered");
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toContain(
      "mdmodel: kept tampered/models/shared/createcustomer.ts: no doc produces it now, but it no longer holds what mdmodel wrote",
    );
    expect(await readFile(join(out, "models/shared/createcustomer.ts"), "utf8")).toBe("export const mine = 1;\n");
    expect((await lstat(join(out, "a-folder"))).isDirectory()).toBe(true);
  });

  test("a symlinked manifest is not read (nothing is removed on its word) and is replaced by a file, not written through", async () => {
    const out = join(work, "linked-manifest");
    expect((await mdmodel(work, ...fromSeeds("linked-manifest"))).code).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, ".mdmodel-manifest.json"), "utf8")) as {
      files: Record<string, string>;
    };
    // The link's manifest lists a file of the user's with its hash: a manifest read through the link would remove it.
    await writeFile(join(out, "mine.txt"), "mine\n");
    manifest.files["mine.txt"] = sha256Hex("mine\n");
    await writeFile(join(work, "elsewhere.json"), JSON.stringify(manifest));
    await rm(join(out, ".mdmodel-manifest.json"));
    await symlink(join(work, "elsewhere.json"), join(out, ".mdmodel-manifest.json"));
    const outcome = await mdmodel(work, ...fromSeeds("linked-manifest"));
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toContain("ignored linked-manifest/.mdmodel-manifest.json: it is a symbolic link");
    expect(await readFile(join(out, "mine.txt"), "utf8")).toBe("mine\n");
    expect(await readFile(join(work, "elsewhere.json"), "utf8")).toBe(JSON.stringify(manifest));
    expect((await lstat(join(out, ".mdmodel-manifest.json"))).isSymbolicLink()).toBe(false);
  });
});

describe("the caches are not trusted", () => {
  test("a damaged or edited cache entry is left out and rebuilt: the output is what an uncached run gives, and no run crashes", async () => {
    const cwd = join(work, "cache-tamper");
    await mkdir(cwd, { recursive: true });
    await cp(join(import.meta.dirname, "..", "..", "seeds"), join(cwd, "docs"), { recursive: true });
    expect((await mdmodel(cwd, "generate", "--input", "docs", "--out", "plain", "--no-cache")).code).toBe(0);
    expect((await mdmodel(cwd, ...GENERATE_DOCS)).code).toBe(0);
    const cache = join(cwd, "node_modules/.cache/mdmodel");
    const shards = (await readdir(cache)).filter((name) => name.endsWith(".json"));
    expect(shards.length).toBeGreaterThan(3);
    // Every formatted text becomes other code (the digest left as it was); every read shard is cut short.
    for (const name of shards) {
      const text = await readFile(join(cache, name), "utf8");
      const newline = text.indexOf("\n");
      if (name.startsWith("format-")) {
        const entries = JSON.parse(text.slice(newline + 1)) as Record<string, string>;
        for (const key of Object.keys(entries)) entries[key] = "export const pwned = 1;\n";
        await writeFile(join(cache, name), `${text.slice(0, newline)}\n${JSON.stringify(entries)}`);
      } else if (name.startsWith("read-")) {
        await writeFile(join(cache, name), text.slice(0, Math.floor(text.length / 2)));
      }
    }
    await rm(join(cwd, "out"), { recursive: true });
    expect((await mdmodel(cwd, ...GENERATE_DOCS)).code).toBe(0);
    expect(same(await snapshot(join(cwd, "out")), await snapshot(join(cwd, "plain")))).toBe(true);
    // The check against a cache made by the run before.
    expect((await mdmodel(cwd, ...GENERATE_DOCS, "--check")).code).toBe(0);
  });
});
