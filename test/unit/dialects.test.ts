/** SDK languages: which one a tree is in, how fields are named, and what each says of null. */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { resolveConfig } from "../../src/config/defaults.js";
import { loadDocs } from "../../src/io/load-docs.js";
import { detectDialect } from "../../src/parse/dialect.js";
import { statedNullability } from "../../src/parse/fields-table.js";
import { readingFor } from "../../src/pipeline/reading.js";
import { camelCase, DIALECTS, type Dialect } from "../../src/shared/dialects.js";
import { generateDocs, md } from "../helpers/generate-folder.js";
import { mdmodel } from "../helpers/run-cli.js";

const fixtures = join(import.meta.dirname, "..", "fixtures");

describe("telling the dialect of a tree", () => {
  test("each dialect fixture is told as its own, every TypeScript fixture and the seeds as TypeScript", async () => {
    // Other generators' fixtures are told in their family's signs (test/unit/families.test.ts).
    for (const name of (await readdir(fixtures)).sort().filter((name) => !name.startsWith("family-"))) {
      const docs = await loadDocs(join(fixtures, name, "docs"));
      const detection = detectDialect(docs);
      // `dialect-go-mdx` is a Go tree in another form.
      const want = name.startsWith("dialect-") ? name.slice("dialect-".length).split("-")[0] : "typescript";
      // A TypeScript fixture may show no sign at all (`*string*` only): it is then read as TypeScript.
      expect(detection.ok ? detection.kind : readingFor(resolveConfig({}), docs).ok && "typescript", name).toBe(want);
      if (detection.ok) expect(detection.signs.length, name).toBeGreaterThan(0);
    }
    expect(detectDialect(await loadDocs("seeds"))).toMatchObject({ ok: true, kind: "typescript" });
  });

  test("prose and operation pages do not count; only Type cells and code fences do", () => {
    const docs = [
      {
        path: "models/a.md",
        text: md(
          "# A",
          "",
          "Like Python's Optional[str] or Go's **string*, see docs.python.org.",
          "",
          "## Fields",
          "",
          "| Field | Type | Required | Description |",
          "| --- | --- | --- | --- |",
          "| `a` | *number* | :heavy_check_mark: | A |",
        ),
      },
      { path: "sdks/a/README.md", text: md("```python", "x = 1", "```", "| `a` | *Optional[str]* |") },
    ];
    expect(detectDialect(docs)).toMatchObject({ ok: true, kind: "typescript" });
  });

  test("a tree that mixes dialects is an error with the evidence, at the first sign of the other; the config decides instead", async () => {
    const python = await loadDocs(join(fixtures, "dialect-python", "docs"));
    const go = await loadDocs(join(fixtures, "dialect-go", "docs"));
    const docs = [...python, ...go.map((doc) => ({ ...doc, path: `go/${doc.path}` }))];
    const result = await generateDocs(docs);
    expect(result.files).toEqual([]);
    expect(result.messages).toHaveLength(1);
    const [message] = result.messages;
    expect(message).toMatchObject({ ruleId: "dialect", fatal: true });
    expect(message!.reason).toMatch(/mix the Type cells of several SDK languages \((Go, Python|Python, Go)\)/);
    expect(message!.reason).toMatch(/Go \(.* at go\/models\/components\/\w+\.md:\d+/);
    expect(message!.reason).toMatch(/Python \(`docs\.python\.org` at models\/job\.md:\d+/);
    expect(message!.reason).toMatch(/set "dialect" in the config/);
    expect(String(message!.file)).toMatch(/\.md$/);
    expect(message!.line).toBeGreaterThan(1);

    // `dialect` set: no detection, and the Go cells are read as Python reads them (their pointers are errors).
    const { generate } = await import("../../src/generate.js");
    const { loadRuntimeTemplate } = await import("../../src/io/load-docs.js");
    const forced = await generate({
      docs,
      runtimeTemplate: await loadRuntimeTemplate(),
      config: { dialect: "python" },
    });
    expect(forced.messages.some((m) => m.ruleId === "dialect")).toBe(false);
    expect(forced.messages.some((m) => m.ruleId === "bad-type" && String(m.file).startsWith("go/"))).toBe(true);
  });

  test("through the command: the summary names the dialect; a mixed tree exits 2 with file:line and writes nothing", async () => {
    const work = await mkdtemp(join(tmpdir(), "mdmodel-dialects-"));
    try {
      await cp(join(fixtures, "dialect-ruby", "docs"), join(work, "ruby"), { recursive: true });
      const ruby = await mdmodel(work, "generate", "--input", "ruby", "--out", "out");
      expect(ruby).toMatchObject({ code: 0 });
      expect(ruby.stdout).toMatch(/^mdmodel: 7 Ruby docs read, 7 models \(6 objects, 0 enums, 1 union\)/);
      await cp(join(fixtures, "dialect-java", "docs"), join(work, "ruby", "java"), { recursive: true });
      const before = await readFile(join(work, "out", "models", "components", "order.ts"), "utf8");
      const mixed = await mdmodel(work, "generate", "--input", "ruby", "--out", "out");
      expect(mixed.code).toBe(2);
      expect(mixed.stderr).toMatch(
        /ruby\/(java\/)?models\/components\/\w+\.md:\d+:1: error the docs mix the Type cells of several SDK languages/,
      );
      expect(mixed.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(await readFile(join(work, "out", "models", "components", "order.ts"), "utf8")).toBe(before);
      // `"dialect"` in the config reads it anyway, as Ruby.
      await writeFile(
        join(work, "mdmodel.config.json"),
        JSON.stringify({ input: "ruby", out: "out", dialect: "ruby" }),
      );
      const set = await mdmodel(work, "generate");
      expect(set.stdout + set.stderr).not.toMatch(/mix the Type cells/);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe("field names", () => {
  test.each([
    ["created_at", "createdAt"],
    ["CreatedAt", "createdAt"],
    ["ID", "id"],
    ["UserID", "userId"],
    ["HTMLBody", "htmlBody"],
    ["created-at", "createdAt"],
    ["already", "already"],
    ["camelCase", "camelCase"],
    ["_id", "_id"],
    ["x2_y", "x2Y"],
    ["k8s_cluster", "k8sCluster"],
    ["K8sCluster", "k8sCluster"],
    ["IPv4Address", "iPv4Address"],
    ["ipv4_address", "ipv4Address"],
    ["__proto__", "__proto__"],
    ["$", "$"],
  ])("%s → %s", (name, want) => {
    expect(camelCase(name)).toBe(want);
  });

  test("as-documented keeps the Field cells; two fields that camelCase to one name are a duplicate-field error", async () => {
    const docs = [
      {
        path: "models/a.md",
        text: md(
          "# A",
          "",
          "## Fields",
          "",
          "| Field | Type | Required | Description |",
          "| --- | --- | --- | --- |",
          "| `user_id` | *Optional[str]* | :heavy_minus_sign: | A |",
          "| `userId` | *str* | :heavy_check_mark: | B |",
        ),
      },
    ];
    const { generate } = await import("../../src/generate.js");
    const { loadRuntimeTemplate } = await import("../../src/io/load-docs.js");
    const runtimeTemplate = await loadRuntimeTemplate();
    const camel = await generate({ docs, runtimeTemplate, config: { dialect: "python" } });
    expect(camel.messages.map((m) => m.ruleId)).toContain("duplicate-field");
    const kept = await generate({ docs, runtimeTemplate, config: { dialect: "python", fieldNames: "as-documented" } });
    expect(kept.messages.filter((m) => m.fatal)).toEqual([]);
    const module = kept.files.find((file) => file.path === "models/a.ts")!.content;
    expect(module).toContain("user_id?: string;");
    expect(module).toContain("userId: string;");
  });
});

describe("what each dialect says of null", () => {
  const statesNulls = (dialect: Dialect) => dialect !== "typescript" && dialect !== "csharp";
  test.each(DIALECTS.map((dialect) => [dialect]))("%s", (dialect) => {
    // `Nullable[…]`, `JsonNullable<…>`, `…|null`: yes, required or not.
    expect([statedNullability("null", true, dialect), statedNullability("null", false, dialect)]).toEqual([
      "yes",
      "yes",
    ]);
    // Python's `Optional[…]`: absent, never null.
    expect(statedNullability("absent", false, dialect)).toBe("no");
    // `*T`, `T.nilable(…)`, `?T`: absent or null; on a required field that is null.
    expect([statedNullability("maybe", true, dialect), statedNullability("maybe", false, dialect)]).toEqual([
      "yes",
      "unknown",
    ]);
    // No wrapper: a dialect that marks nulls says no on a required field; an optional one is left to the policy.
    expect(statedNullability(undefined, true, dialect)).toBe(statesNulls(dialect) ? "no" : "unknown");
    expect(statedNullability(undefined, false, dialect)).toBe("unknown");
  });
});
