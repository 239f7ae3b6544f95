/**
 * `.mdx` docs (Speakeasy's Mintlify mode) through the built command: generate, the sparse path,
 * --check, diff against a git ref; and an input folder with no model doc, which must not pass green.
 */
import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mdmodel } from "../helpers/run-cli.js";

const fixture = join(import.meta.dirname, "..", "fixtures", "dialect-go-mdx", "docs");
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "mdmodel-mdx-"));
});
afterAll(() => rm(work, { recursive: true, force: true }));

async function project(name: string): Promise<string> {
  const root = join(work, name);
  await cp(fixture, join(root, "docs"), { recursive: true });
  return root;
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], {
    cwd,
    stdio: "pipe",
  }).toString();

describe(".mdx docs through the command", () => {
  test("generate writes every model; --check passes, then fails with the doc that changed; the next run is sparse", async () => {
    const root = await project("generate");
    const first = await mdmodel(root, "generate", "--input", "docs", "--out", "gen");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/5 models \(3 objects, 1 enum, 1 union\)/);
    expect((await readdir(join(root, "gen/models/components"))).filter((name) => name.endsWith(".ts")).sort()).toEqual([
      "carrier.ts",
      "destination.ts",
      "pickuppoint.ts",
      "shipment.ts",
      "shipmentstatus.ts",
    ]);
    expect((await mdmodel(root, "generate", "--check", "--input", "docs", "--out", "gen")).code).toBe(0);

    const page = join(root, "docs/models/components/carrier.mdx");
    await writeFile(
      page,
      (await readFile(page, "utf8")).replace("| `TrackingURL` | `*string` |", "| `TrackingURL` | `*int64` |"),
    );
    const stale = await mdmodel(root, "generate", "--check", "--input", "docs", "--out", "gen");
    expect(stale.code).toBe(1);
    expect(stale.stderr + stale.stdout).toMatch(/gen\/models\/components\/carrier\.ts/);

    const again = await mdmodel(root, "generate", "--input", "docs", "--out", "gen");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/2 modules made, the others reused/);

    // The wire name carrier.ts uses comes from shipment.mdx's example: a change there makes carrier.ts again, as a full run would.
    const shipment = join(root, "docs/models/components/shipment.mdx");
    await writeFile(shipment, (await readFile(shipment, "utf8")).replace('"tracking_url"', '"trackingURL"'));
    expect((await mdmodel(root, "generate", "--input", "docs", "--out", "gen")).code).toBe(0);
    expect(await readFile(join(root, "gen/models/components/carrier.ts"), "utf8")).toMatch(
      /\$\.optional\("trackingUrl", \$\.integerCodec, "trackingURL"\)/,
    );
    expect((await mdmodel(root, "generate", "--check", "--full", "--input", "docs", "--out", "gen")).code).toBe(0);
    expect(await readFile(join(root, "gen/models/components/carrier.ts"), "utf8")).toMatch(/trackingUrl\?: number;/);
  });

  test("diff reads the .mdx docs at a git ref: a changed type is breaking", async () => {
    const root = await project("diff");
    git(root, "init", "-q", "-b", "main");
    git(root, "add", ".");
    git(root, "commit", "-q", "-m", "docs");
    const page = join(root, "docs/models/components/carrier.mdx");
    await writeFile(page, (await readFile(page, "utf8")).replace("| `Name` | `string` |", "| `Name` | `int64` |"));
    const diff = await mdmodel(root, "diff", "--base", "main", "--input", "docs");
    expect(diff.code, diff.stderr).toBe(1);
    expect(diff.stdout).toMatch(/Carrier/);
    expect(diff.stdout).toMatch(/name/);
  });
});

describe("an input folder without a model doc", () => {
  test("is exit 3 with what it saw and what a model doc is; nothing is written", async () => {
    const root = join(work, "empty");
    await mkdir(join(root, "docs"), { recursive: true });
    await writeFile(join(root, "docs", "notes.rst"), "Models\n======\n");
    await writeFile(join(root, "docs", "readme.md"), "# Readme\n\nNothing here.\n");
    const run = await mdmodel(root, "generate", "--input", "docs", "--out", "gen");
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^mdmodel: the one \.md or \.mdx page in docs is not a model doc \(--verbose says why\); it holds 1 \.rst file, which mdmodel does not read\. A model doc is a markdown page/,
    );
    expect(await readdir(root)).not.toContain("gen");
    const check = await mdmodel(root, "generate", "--check", "--input", "docs", "--out", "gen");
    expect(check.code).toBe(3);
  });
});
