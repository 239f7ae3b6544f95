/** Doc families: each fixture tree is told by its page shapes, a mixed tree is refused at the minority's page, and the config decides when set. */
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadDocs } from "../../src/io/load-docs.js";
import { detectFamily } from "../../src/parse/family.js";
import { readingFor } from "../../src/pipeline/reading.js";
import { resolveConfig } from "../../src/config/defaults.js";
import { assumedValue } from "../../src/parse/pages/apimatic.js";
import { readDoc } from "../../src/parse/read-doc.js";
import { splitLiblabPages } from "../../src/parse/pages/liblab-split.js";
import { splitInlineEnums } from "../../src/parse/pages/openapi-generator-split.js";
import { readModels } from "../../src/pipeline/read-models.js";
import { md } from "../helpers/generate-folder.js";
import { generate, loadRuntimeTemplate } from "../../src/index.js";
import type { CachedRead } from "../../src/generate.js";

const fixtures = join(import.meta.dirname, "..", "fixtures");

describe("a tree's family and dialect are told from its pages", () => {
  test.each([
    ["family-openapi-generator-ts", "openapi-generator", "typescript"],
    ["family-openapi-generator-go", "openapi-generator", "go"],
    ["family-openapi-generator-java", "openapi-generator", "java"],
    ["family-openapi-generator-python", "openapi-generator", "python"],
    ["family-apimatic", "apimatic", "typescript"],
    ["family-liblab", "liblab", "typescript"],
    ["dialect-python", "speakeasy", "python"],
    ["hand-written", "speakeasy", "typescript"],
  ])("%s is %s, %s", async (name, family, dialect) => {
    const docs = await loadDocs(join(fixtures, name, "docs"));
    const reading = readingFor(resolveConfig({}), docs);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.readOptions.family ?? "speakeasy").toBe(family);
    expect(reading.readOptions.dialect).toBe(dialect);
  });

  test("a tree without any sign is Speakeasy's shape", () => {
    expect(detectFamily([{ path: "a.md", text: "# A\n\nNothing here.\n" }])).toMatchObject({
      ok: false,
      reason: "none",
    });
  });

  test("a tree that mixes families is an error at the first page of the minority, naming both", async () => {
    const openapi = await loadDocs(join(fixtures, "family-openapi-generator-ts", "docs"));
    const speakeasy = await loadDocs(join(fixtures, "dialect-python", "docs"));
    const docs = [...openapi, ...speakeasy.slice(0, 1).map((doc) => ({ ...doc, path: `other/${doc.path}` }))];
    const reading = readingFor(resolveConfig({}), docs);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.reason).toContain("OpenAPI Generator");
    expect(reading.reason).toContain("Speakeasy");
    expect(reading.reason).toContain('set "family" in the config');
    expect(reading.at?.path.startsWith("other/")).toBe(true);
  });

  test("the family option overrides detection", async () => {
    const docs = await loadDocs(join(fixtures, "family-openapi-generator-go", "docs"));
    const reading = readingFor(resolveConfig({ family: "speakeasy" }), docs);
    expect(reading.ok && reading.readOptions.family).toBe(undefined);
    expect(reading.ok && reading.familyFrom).toBe("config");
  });
});

describe("OpenAPI Generator pages", () => {
  const readOptions = { family: "openapi-generator", dialect: "go", fieldNames: "camelCase" } as const;

  test("an empty Notes cell is required, `[optional]` is not; `Pointer to` is a pointer, `NullableString` a string that may be null", () => {
    const text =
      "# A\n\n## Properties\n\nName | Type | Description | Notes\n---- | ---- | ---- | ----\n**Id** | **string** |  | \n**Note** | Pointer to **NullableString** |  | [optional] \n";
    const { model, file } = readDoc({ path: "A.md", text }, readOptions);
    expect(file.messages).toEqual([]);
    expect(model?.body).toMatchObject({
      kind: "object",
      fields: [
        { name: "id", required: true, nullability: "unknown", type: { kind: "string" } },
        { name: "note", required: false, nullability: "yes", type: { kind: "string" } },
      ],
    });
  });

  test("a type it cannot read is an error at its column", () => {
    const text =
      "# A\n\n## Properties\n\nName | Type | Description | Notes\n---- | ---- | ---- | ----\n**Id** | **string]** |  | \n";
    const { file } = readDoc({ path: "A.md", text }, readOptions);
    expect(file.messages.map((message) => [message.line, message.column, message.ruleId])).toEqual([
      [7, 18, "bad-type"],
    ]);
  });
});

describe("OpenAPI Generator's Java inline enums", () => {
  test("each `## Enum: StatusEnum` section is the enum `<Object><StatusEnum>`, at its own path, holding the page's lines; the field links to it by that name", async () => {
    const docs = await loadDocs(join(fixtures, "family-openapi-generator-java", "docs"));
    const split = splitInlineEnums(docs);
    expect(split.map((doc) => [doc.path, doc.page])).toEqual([
      ["Pet.md", undefined],
      ["PetStatusEnum.md", "Pet.md"],
      ["Tag.md", undefined],
    ]);
    const result = readModels(docs, resolveConfig({}));
    const byName = new Map(result.models.models.map((model) => [model.name, model]));
    expect(byName.get("PetStatusEnum")?.body).toMatchObject({
      kind: "enum",
      members: [{ value: "available" }, { value: "sold" }, { value: "" }],
    });
    const pet = byName.get("Pet")?.body;
    expect(pet?.kind === "object" && pet.fields.find((field) => field.name === "status")?.type).toEqual({
      kind: "ref",
      name: "PetStatusEnum",
      target: "PetStatusEnum.md",
    });
  });
});

describe("OpenAPI Generator's other languages: the name in a namespaced title, each language's names, the wire names where the language keeps them", () => {
  const table = (header: string, rows: readonly string[]) =>
    [header, header.replace(/[^|]+/g, " --- "), ...rows].join("\n");
  const read = (docs: Array<{ path: string; text: string }>) => {
    const reading = readingFor(resolveConfig({}), docs);
    if (!reading.ok) throw new Error(reading.reason);
    return { readOptions: reading.readOptions, models: docs.map((doc) => readDoc(doc, reading.readOptions)) };
  };

  test("C#: `# Org.OpenAPITools.Model.Pet`, PascalCase names in camelCase, an enum's empty table unknown", () => {
    const header = "Name | Type | Description | Notes";
    const pet = md(
      "# Org.OpenAPITools.Model.Pet",
      "A pet",
      "",
      "## Properties",
      "",
      table(header, [
        "**Id** | **long** |  | [optional] ",
        "**Name** | **string** |  | ",
        "**PhotoUrls** | **List&lt;string&gt;** |  | ",
        "**Born** | **DateTime** |  | [optional] ",
        "**Ref** | **Guid** |  | [optional] ",
        "**Extra** | **Dictionary&lt;string, Object&gt;** |  | [optional] ",
      ]),
    );
    const status = md("# Org.OpenAPITools.Model.PetStatus", "", "## Properties", "", table(header, []));
    const { readOptions, models } = read([
      { path: "Model/Pet.md", text: pet },
      { path: "Model/PetStatus.md", text: status },
    ]);
    expect(readOptions).toMatchObject({ family: "openapi-generator", dialect: "csharp", fieldNames: "camelCase" });
    expect(models[0]!.model).toMatchObject({
      name: "Pet",
      body: {
        fields: [
          { name: "id", type: { kind: "integer" }, required: false },
          { name: "name", required: true },
          { name: "photoUrls", type: { kind: "array" } },
          { name: "born", type: { kind: "date" } },
          { name: "ref", type: { kind: "string" } },
          { name: "extra", type: { kind: "record" } },
        ],
      },
    });
    expect(
      models[0]!.model?.body.kind === "object" &&
        models[0]!.model.body.fields.every((field) => field.wireName === undefined),
    ).toBe(true);
    expect(models[1]!.model).toMatchObject({
      name: "PetStatus",
      body: { kind: "union", members: [{ type: { kind: "unknown" } }] },
    });
    expect(models[1]!.file.messages.map((message) => message.ruleId)).toEqual(["empty-union"]);
  });

  test("PHP: `# # Pet`, namespaced model links, `string[]`, `array<string,mixed>`, wire names kept", () => {
    const header = "Name | Type | Description | Notes";
    const pet = md(
      "# # Pet",
      "",
      "## Properties",
      "",
      table(header, [
        "**id** | **int** |  | [optional]",
        "**photo_urls** | **string[]** |  |",
        "**tags** | [**\\OpenAPI\\Client\\Model\\Tag[]**](Tag.md) |  | [optional]",
        "**born_at** | **\\DateTime** |  | [optional]",
        "**extra** | **array<string,mixed>** |  | [optional]",
      ]),
    );
    const tag = md("# # Tag", "", "## Properties", "", table(header, ["**name** | **string** |  | [optional]"]));
    const { readOptions, models } = read([
      { path: "Model/Pet.md", text: pet },
      { path: "Model/Tag.md", text: tag },
    ]);
    expect(readOptions).toMatchObject({ family: "openapi-generator", dialect: "php", fieldNames: "as-documented" });
    expect(models[0]!.file.messages).toEqual([]);
    expect(models[0]!.model).toMatchObject({
      name: "Pet",
      body: {
        fields: [
          { name: "id", type: { kind: "integer" } },
          { name: "photo_urls", type: { kind: "array", element: { kind: "string" } } },
          { name: "tags", type: { kind: "array", element: { kind: "ref", href: "Tag.md" } } },
          { name: "born_at", type: { kind: "date" } },
          { name: "extra", type: { kind: "record", value: { kind: "unknown" } } },
        ],
      },
    });
  });

  test("Ruby: `# Petstore::Pet`, `Array<String>`, `Hash<String, Object>`, `Date` a calendar date, `Time` a date-time", () => {
    const header = "| Name | Type | Description | Notes |";
    const pet = md(
      "# Petstore::Pet",
      "",
      "## Properties",
      "",
      table(header, [
        "| **id** | **Integer** |  | [optional] |",
        "| **photo_urls** | **Array&lt;String&gt;** |  |  |",
        "| **birthday** | **Date** |  | [optional] |",
        "| **seen_at** | **Time** |  | [optional] |",
        "| **extra** | **Hash&lt;String, Object&gt;** |  | [optional] |",
      ]),
      "",
      "## Example",
      "",
      "```ruby",
      "require 'petstore'",
      "",
      "instance = Petstore::Pet.new(",
      "  id: null",
      ")",
      "```",
    );
    const { readOptions, models } = read([{ path: "docs/Pet.md", text: pet }]);
    expect(readOptions).toMatchObject({ family: "openapi-generator", dialect: "ruby" });
    expect(models[0]!.file.messages).toEqual([]);
    expect(models[0]!.model).toMatchObject({
      name: "Pet",
      body: {
        fields: [
          { name: "id", type: { kind: "integer" } },
          { name: "photo_urls", required: true, type: { kind: "array", element: { kind: "string" } } },
          { name: "birthday", type: { kind: "rfcDate" } },
          { name: "seen_at", type: { kind: "date" } },
          { name: "extra", type: { kind: "record", value: { kind: "unknown" } } },
        ],
      },
    });
  });
});

describe("APIMatic pages", () => {
  test.each([
    ["OnHold", "on_hold"],
    ["Braintree1", "braintree1"],
    ["HTMLBody", "html_body"],
    ["Active", "active"],
    ["EnumBusinessSoftware", "Business Software"],
  ])("the enum member %s is taken as %s", (name, value) => {
    expect(assumedValue(name)).toBe(value);
  });

  test("an enum's values are as an example elsewhere writes its names, and the members no example shows follow their style", () => {
    const entry = md(
      "# Entry Type",
      "",
      "## Enumeration",
      "",
      "`EntryType`",
      "",
      "## Fields",
      "",
      "| Name |",
      "|  --- |",
      "| `Credit` |",
      "| `Debit` |",
      "| `FullPrice` |",
    );
    const plan = md(
      "# Plan",
      "",
      "## Enumeration",
      "",
      "`Plan`",
      "",
      "## Fields",
      "",
      "| Name |",
      "|  --- |",
      "| `PayAsYouGo` |",
      "| `Flat` |",
    );
    const charge = md(
      "# Charge",
      "",
      "## Structure",
      "",
      "`Charge`",
      "",
      "## Fields",
      "",
      "| Name | Type | Tags | Description |",
      "|  --- | --- | --- | --- |",
      "| `entryType` | [`EntryType`](../../doc/models/entry-type.md) | Required | - |",
      "| `plan` | [`Plan`](../../doc/models/plan.md) | Required | - |",
      "",
      "## Example (as JSON)",
      "",
      "```json",
      '{ "entry_type": "Credit", "plan": "pay-as-you-go" }',
      "```",
    );
    const result = readModels(
      [
        { path: "models/entry-type.md", text: entry },
        { path: "models/plan.md", text: plan },
        { path: "models/charge.md", text: charge },
      ],
      resolveConfig({}),
    );
    const values = (name: string) => {
      const body = result.models.models.find((model) => model.name === name)?.body;
      return body?.kind === "enum" ? body.members.map((member) => member.value) : undefined;
    };
    expect(values("EntryType")).toEqual(["Credit", "Debit", "FullPrice"]);
    expect(values("Plan")).toEqual(["pay-as-you-go", "flat"]);
  });

  test("a second type of one name is named as its file numbers it", async () => {
    const docs = await loadDocs(join(fixtures, "family-apimatic", "docs"));
    const readOptions = { family: "apimatic", dialect: "typescript", fieldNames: "as-documented" } as const;
    const names = docs.map((doc) => readDoc(doc, readOptions).model?.name).filter((name) => name !== undefined);
    expect(names.sort()).toEqual(["AccountBalance", "AccountBalance1", "AccountQuantity", "AccountState"]);
  });
});

describe("liblab pages", () => {
  test("a page is cut into a doc per model: the first keeps the page, the others take their own page's path, copies of a model with a page are dropped, a union keeps its member pointers", async () => {
    const docs = await loadDocs(join(fixtures, "family-liblab", "docs"));
    const split = splitLiblabPages(docs);
    expect(split.map((doc) => [doc.path, doc.page])).toEqual([
      ["models/AddVariable.md", undefined],
      ["models/AddVariableType.md", "models/AddVariable.md"],
      ["models/VariableChange.md", "models/AddVariable.md"],
      ["models/AddVariableEntityId.md", "models/AddVariable.md"],
      ["models/Default_.md", "models/AddVariable.md"],
      ["models/VariableError.md", undefined],
      ["models/VariableNotFound.md", undefined],
      ["models/VariableSource.md", undefined],
    ]);
    // Each cut keeps the page's lines, blank outside its model, so messages point into the page.
    const page = docs.find((doc) => doc.path === "models/AddVariable.md")!;
    const cut = split.find((doc) => doc.path === "models/VariableChange.md")!;
    expect(cut.text.split("\n").length).toBe(page.text.split("\n").length);
    expect(cut.text.split("\n")[27]).toBe("# VariableChange");
    expect(cut.text.split("\n")[0]).toBe("");
  });

  test("an enum is a table whose every description is a literal; a union lists its members; a model without either is unknown, with a warning", async () => {
    const docs = await loadDocs(join(fixtures, "family-liblab", "docs"));
    const result = readModels(docs, resolveConfig({}));
    const byName = new Map(result.models.models.map((model) => [model.name, model.body]));
    expect(byName.get("AddVariableType")).toMatchObject({
      kind: "enum",
      members: [
        { name: "SECRET", value: "secret" },
        { name: "DEFAULT_", value: "default" },
      ],
    });
    expect(byName.get("VariableError")).toMatchObject({
      kind: "union",
      members: [
        { type: { kind: "ref", target: "models/VariableNotFound.md" } },
        { type: { kind: "ref", target: "models/VariableSource.md" } },
      ],
    });
    expect(byName.get("AddVariableEntityId")).toMatchObject({
      kind: "union",
      members: [{ type: { kind: "unknown" } }],
    });
    const messages = [...result.files.values()].flatMap((file) => file.messages);
    expect(messages.map((message) => [message.file, message.line, message.ruleId])).toEqual([
      ["models/AddVariable.md", 38, "empty-union"],
      ["<config>", 1, "nulls-assumed"],
    ]);
  });
});

describe("a family is part of how a doc is read", () => {
  test("a read cached under one family is not reused under another: the cached run equals an uncached one", async () => {
    const runtimeTemplate = await loadRuntimeTemplate();
    // Both readers read this page, differently: APIMatic drops the `undefined` member, Speakeasy takes it for a model name.
    const page = md(
      "# Account",
      "",
      "## Structure",
      "",
      "`Account`",
      "",
      "## Fields",
      "",
      "| Name | Type | Tags | Description |",
      "|  --- | --- | --- | --- |",
      "| `note` | `string \\| undefined` | Optional | - |",
    );
    const docs = [{ path: "models/account.md", text: page }];
    const readCache = new Map<string, CachedRead>();
    const asSpeakeasy = await generate({ docs, runtimeTemplate, readCache, config: { family: "speakeasy" } });
    const cached = await generate({ docs, runtimeTemplate, readCache, config: { family: "apimatic" } });
    const uncached = await generate({ docs, runtimeTemplate, config: { family: "apimatic" } });
    expect(asSpeakeasy.messages.map((message) => message.ruleId)).toContain("unknown-type");
    expect(cached.messages.map(String)).toEqual(uncached.messages.map(String));
    expect(cached.files).toEqual(uncached.files);
  });
});
