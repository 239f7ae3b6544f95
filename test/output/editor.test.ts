/**
 * What an editor shows for the generated API, asked of the TypeScript 5 language service
 * over the committed `generated/` folder: a builder's setters carry their field's doc
 * comment and deprecation, though they are declared once in the runtime.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { expect, test } from "vitest";

const USAGE = resolve("test/editor-usage.ts");
const usage = [
  'import { LineItemBuilder, OrderBuilder } from "../generated/index.js";',
  'new LineItemBuilder().sku("MUG").quantity(1).unitPrice(9.5).build();',
  'new OrderBuilder().couponCode("SPRING24");',
].join("\n");

function languageService(): ts.LanguageService {
  const files = [
    USAGE,
    ...readdirSync("generated", { recursive: true, encoding: "utf8" })
      .filter((path) => path.endsWith(".ts"))
      .map((path) => resolve(join("generated", path))),
  ];
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => files,
    getScriptVersion: () => "1",
    getScriptSnapshot: (file) => ts.ScriptSnapshot.fromString(file === USAGE ? usage : readFileSync(file, "utf8")),
    getCurrentDirectory: () => process.cwd(),
    getCompilationSettings: () => ({
      strict: true,
      exactOptionalPropertyTypes: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      noEmit: true,
    }),
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (file) => file === USAGE || ts.sys.fileExists(file),
    readFile: (file) => (file === USAGE ? usage : ts.sys.readFile(file)),
  };
  return ts.createLanguageService(host);
}

const service = languageService();

function quickInfoAt(word: string): { display: string; documentation: string; tags: string[] } {
  const position = usage.indexOf(word);
  expect(position, word).toBeGreaterThanOrEqual(0);
  const info = service.getQuickInfoAtPosition(USAGE, position + 1);
  return {
    display: ts.displayPartsToString(info?.displayParts),
    documentation: ts.displayPartsToString(info?.documentation),
    tags: (info?.tags ?? []).map((tag) => tag.name),
  };
}

test.each([
  ["sku(", "sku: (value: string) =>", "Stock keeping unit"],
  ["unitPrice(", "unitPrice: (value: number) =>", "Price of one unit"],
])("the setter at %s shows its field's type and doc", (word, display, doc) => {
  const info = quickInfoAt(word);
  expect(info.display).toContain(display);
  expect(info.documentation).toContain(doc);
});

test("a deprecated field's setter is shown as deprecated", () => {
  expect(quickInfoAt("couponCode(").tags).toContain("deprecated");
  const deprecated = service.getSuggestionDiagnostics(USAGE).filter((d) => d.reportsDeprecated);
  expect(deprecated.map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "))).toEqual([
    "'couponCode' is deprecated.",
  ]);
});

test("the usage itself type-checks", () => {
  expect(service.getSemanticDiagnostics(USAGE).map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "))).toEqual(
    [],
  );
});
