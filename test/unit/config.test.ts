/** The config: the shipped JSON Schema and the checker that reads it, and how a config file is found and read. */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkConfig, CONFIG_SCHEMA } from "../../src/config/check.js";
import { DEFAULT_CONFIG, resolveConfig, type ConfigInput } from "../../src/config/defaults.js";
import { typeSyntaxProblem } from "../../src/config/type-syntax.js";
import { loadConfig } from "../../src/config/load.js";
import { mdmodel } from "../helpers/run-cli.js";
import { FAMILIES } from "../../src/shared/families.js";
import { DIALECTS } from "../../src/shared/dialects.js";
import { tempFolderPerTest } from "../helpers/temp-folder.js";

describe("the schema", () => {
  test("names every option a config file may set, with the defaults the generator fills in", () => {
    const { runtimeModule: _internal, ...fileOptions } = DEFAULT_CONFIG;
    const defaults = Object.fromEntries(
      Object.entries(CONFIG_SCHEMA.properties).flatMap(([key, rule]) =>
        "default" in rule ? [[key, rule.default]] : [],
      ),
    );
    expect(defaults).toEqual(fileOptions);
    expect(Object.keys(CONFIG_SCHEMA.properties).sort()).toEqual(["$schema", ...Object.keys(fileOptions)].sort());
  });

  test("a resolved config resolves to itself, so the command's resolution and generate()'s agree", () => {
    const partials: ConfigInput[] = [{}, { outputs: "types" }, { include: ["Order"], out: "x" }, { barrel: "none" }];
    for (const partial of partials) {
      const once = resolveConfig(partial);
      expect(resolveConfig(once)).toEqual(once);
      expect(once).toMatchObject(partial);
    }
  });

  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const validate = ajv.compile(CONFIG_SCHEMA);

  const anyValue = fc.oneof(
    fc.string(),
    fc.constantFrom("", " ", "docs", "\t", "union", "any", "none", "optional"),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 2 }),
  );
  const mapping = fc.dictionary(
    fc.constantFrom("AxiosResponse", "EventStream", "__proto__", "x"),
    fc.oneof(fc.constantFrom("Response", " ", ""), anyValue),
    { maxKeys: 3 },
  );
  const config = fc.dictionary(
    fc.constantFrom(...Object.keys(CONFIG_SCHEMA.properties), "nuls", "extra", "constructor"),
    fc.oneof(
      anyValue,
      mapping,
      ...Object.values(CONFIG_SCHEMA.properties).flatMap((rule) => (rule.enum ? [fc.constantFrom(...rule.enum)] : [])),
    ),
    { maxKeys: 5 },
  );

  // The schema says each externalTypes value is a string; that it reads as a TypeScript type is the checker's own rule.
  const typesRead = (raw: unknown) => {
    const types = (raw as { externalTypes?: unknown } | null)?.externalTypes;
    return (
      typeof types !== "object" ||
      types === null ||
      Object.values(types).every((type) => typeof type !== "string" || typeSyntaxProblem(type) === undefined)
    );
  };

  test("the checker accepts exactly what ajv accepts under the schema (2020-12, strict) and whose external types read as types", () => {
    fc.assert(
      fc.property(fc.oneof(config, anyValue), (raw) => {
        expect(checkConfig(raw).ok).toBe(validate(raw) && typesRead(raw));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("checkConfig", () => {
  test.each([
    [
      "$schema is accepted and left out",
      { $schema: "./node_modules/mdmodel/dist/config/mdmodel.config.schema.json", nulls: "none" },
      { ok: true, config: { nulls: "none" } },
    ],
    [
      "an unknown option, with the closest one",
      { nuls: "none" },
      {
        ok: false,
        errors: [
          'unknown option "nuls"; did you mean "nulls"? (options: input, out, outputs, barrel, typeCheck, include, exclude, externalTypes, family, dialect, fieldNames, anyType, enumStyle, unknownProperties, nulls, nullable, notNullable, rules, rulesByPath)',
        ],
      },
    ],
    [
      "a value outside the enum",
      { anyType: "whatever" },
      { ok: false, errors: ['"anyType" must be one of "unknown", "any", got "whatever"'] },
    ],
    [
      "an outputs preset that is not one",
      { outputs: "typs" },
      {
        ok: false,
        errors: [
          '"outputs" must be one of "default", "all", "validators", "types", got "typs", or a list of "types", "validators", "wire", "standardSchema", "jsonSchema", "builders", "examples"',
        ],
      },
    ],
    [
      "an output that is not one",
      { outputs: ["types", "jsonschema"] },
      {
        ok: false,
        errors: [
          '"outputs" lists "types", "validators", "wire", "standardSchema", "jsonSchema", "builders", "examples"; "jsonschema" is not one (did you mean "jsonSchema"?)',
        ],
      },
    ],
    [
      "outputs as a list",
      { outputs: ["types", "jsonSchema"] },
      { ok: true, config: { outputs: ["types", "jsonSchema"] } },
    ],
    [
      "include that is not a list",
      { include: "Order" },
      { ok: false, errors: ['"include" must be a list, e.g. ["Order"], got "Order"'] },
    ],
    [
      "a blank exclude pattern",
      { exclude: ["models/errors/**", " "] },
      {
        ok: false,
        errors: [
          '"exclude" lists model names or globs of doc paths, e.g. ["Order", "models/operations/**"]; " " is not one',
        ],
      },
    ],
    ["a blank folder", { out: "  " }, { ok: false, errors: ['"out" must be a string that is not blank, got "  "'] }],
    [
      "an external type that is no type",
      { externalTypes: { AxiosResponse: 3 } },
      {
        ok: false,
        errors: [
          '"externalTypes" maps each name to a TypeScript type, e.g. { "AxiosResponse": "Response" }; "AxiosResponse" is not mapped to a type',
        ],
      },
    ],
    [
      "not an object",
      [],
      { ok: false, errors: ['the config must be a JSON object, e.g. { "input": "docs", "out": "src/models" }'] },
    ],
  ])("%s", (_name, given, want) => {
    expect(checkConfig(given)).toEqual(want);
  });
});

describe("finding the config", () => {
  const work = tempFolderPerTest("config");

  test("walks up from the working folder; folders are relative to the file found", async () => {
    await mkdir(join(work.dir, "app", "src", "deep"), { recursive: true });
    await writeFile(join(work.dir, "app", "mdmodel.config.json"), JSON.stringify({ input: "docs", out: "src/models" }));
    expect(loadConfig(join(work.dir, "app", "src", "deep"))).toEqual({
      ok: true,
      config: { input: "../../docs", out: "../models" },
      source: "../../mdmodel.config.json",
      dir: join(work.dir, "app"),
    });
  });

  test("the nearest wins, and in a repository a package.json without an mdmodel key is passed over (a monorepo's package)", async () => {
    await mkdir(join(work.dir, "a", "b", "c"), { recursive: true });
    await mkdir(join(work.dir, ".git"));
    await writeFile(join(work.dir, "mdmodel.config.json"), JSON.stringify({ nulls: "none" }));
    await writeFile(join(work.dir, "a", "package.json"), JSON.stringify({ name: "a", mdmodel: { nulls: "optional" } }));
    await writeFile(join(work.dir, "a", "b", "package.json"), JSON.stringify({ name: "b" }));
    expect(loadConfig(join(work.dir, "a", "b", "c"))).toMatchObject({
      ok: true,
      config: { nulls: "optional" },
      source: "../../package.json#mdmodel",
    });
    expect(loadConfig(work.dir)).toMatchObject({ ok: true, config: { nulls: "none" } });
  });

  test("the search stops at the repository's root, or outside one at the nearest package.json: a config above the project is not read", async () => {
    await mkdir(join(work.dir, "repo", "app"), { recursive: true });
    await writeFile(join(work.dir, "mdmodel.config.json"), JSON.stringify({ out: "../redirected" }));
    await mkdir(join(work.dir, "repo", ".git"));
    expect(loadConfig(join(work.dir, "repo", "app"))).toEqual({ ok: true, config: {} });
    await rm(join(work.dir, "repo", ".git"), { recursive: true });
    await writeFile(join(work.dir, "repo", "app", "package.json"), JSON.stringify({ name: "app" }));
    expect(loadConfig(join(work.dir, "repo", "app"))).toEqual({ ok: true, config: {} });
    await rm(join(work.dir, "repo", "app", "package.json"));
    expect(loadConfig(join(work.dir, "repo", "app"))).toMatchObject({
      ok: true,
      config: { out: "../../../redirected" },
    });
  });

  test("a JSON syntax error names the file, line and column", async () => {
    await writeFile(join(work.dir, "mdmodel.config.json"), '{\n  "input": "docs",\n  out: "x"\n}\n');
    expect(loadConfig(work.dir)).toEqual({
      ok: false,
      errors: ["not valid JSON: Expected double-quoted property name"],
      source: "mdmodel.config.json:3:3",
    });
    await writeFile(join(work.dir, "mdmodel.config.json"), '{\n  "input": "docs",\n');
    expect(loadConfig(work.dir)).toMatchObject({ ok: false, source: "mdmodel.config.json:3:1" });
  });

  test("through the command: exit 3 with the place of the error", async () => {
    await writeFile(join(work.dir, "mdmodel.config.json"), '{\n  "input": "docs",,\n}\n');
    const outcome = await mdmodel(work.dir, "generate");
    expect(outcome.code).toBe(3);
    expect(outcome.stderr).toMatch(/^mdmodel: invalid config in mdmodel\.config\.json:2:19: not valid JSON: /);
  });

  test("--config names a file that is not there: exit 3, no stack trace", async () => {
    const outcome = await mdmodel(work.dir, "generate", "--config", "nope.json");
    expect(outcome.code).toBe(3);
    expect(outcome.stderr).toBe("mdmodel: invalid config in nope.json: cannot read it: no such file\n");
  });
});

describe("externalTypes values are read as TypeScript types, never pasted as code", () => {
  test("a value that would end the type and start a statement is refused, with the option's name and the place", () => {
    const result = checkConfig({ externalTypes: { AxiosResponse: "string; export const pwned = 1; type X =" } });
    expect(result).toMatchObject({ ok: false });
    expect(JSON.stringify(result)).toContain(
      '\\"externalTypes\\" maps \\"AxiosResponse\\" to \\"string; export const pwned = 1; type X =\\", which is not a TypeScript type mdmodel accepts: unexpected \\";\\" at column 7',
    );
    for (const type of [
      "Response",
      'import("axios").AxiosResponse<unknown>',
      "Record<string, number[]>",
      "{ a: string; b?: number }",
      '"a" | "b"',
      "[string, number?]",
    ]) {
      expect(checkConfig({ externalTypes: { X: type } }), type).toMatchObject({ ok: true });
    }
  });

  test("whatever the grammar accepts, TypeScript reads as one type alias (random token strings)", async () => {
    const ts = (await import("typescript")).default;
    const piece = fc.constantFrom(
      "A",
      "b.C",
      "<",
      ">",
      "(",
      ")",
      "[",
      "]",
      "{",
      "}",
      "|",
      "&",
      ",",
      ":",
      ";",
      "?",
      '"s"',
      "1",
      "keyof",
      "import",
      "=",
      "=>",
      ".",
      "...",
      "x",
      " ",
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const text = pieces.join(" ");
        if (typeSyntaxProblem(text) !== undefined) return;
        accepted += 1;
        const file = ts.createSourceFile("x.ts", `type X = ${text};`, ts.ScriptTarget.Latest, true);
        const diagnostics = (file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics;
        expect(diagnostics, text).toEqual([]);
        expect(file.statements.length, text).toBe(1);
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(20);
  });
});

describe("the schema's choices are the registries'", () => {
  test("family and dialect list every registered family and dialect, and auto", () => {
    expect(CONFIG_SCHEMA.properties["family"]?.enum).toEqual(["auto", ...FAMILIES]);
    expect(CONFIG_SCHEMA.properties["dialect"]?.enum).toEqual(["auto", ...DIALECTS]);
  });
});
