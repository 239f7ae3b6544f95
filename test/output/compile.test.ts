/** The committed `generated/` folder (and code using it) type-checks under the strict flags. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { typecheck, type ModuleMode } from "../corpus/typecheck.js";

const generatedFiles = readdirSync("generated", { recursive: true, encoding: "utf8" })
  .filter((path) => path.endsWith(".ts"))
  .map((path) => join("generated", path));
const usage = ["test/typecheck/builder-usage.ts"];

describe.each<ModuleMode>(["nodenext", "bundler"])("generated/ with module %s", (mode) => {
  test("type-checks with strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, verbatimModuleSyntax", () => {
    expect(generatedFiles.length).toBeGreaterThan(5);
    expect(typecheck([...generatedFiles, ...usage], mode)).toEqual([]);
  });
});
