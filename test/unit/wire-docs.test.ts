/** The wire functions' docs name what the model's wire form converts, through the models it reaches, and nothing else. */
import { expect, test } from "vitest";
import { objectDoc } from "../helpers/docs-tree.js";
import { generateDocs } from "../helpers/generate-folder.js";

const DATE = "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)";

test("a date two links away, a calendar date, a big integer, and a model with none", async () => {
  const result = await generateDocs([
    { path: "models/plain.md", text: objectDoc("Plain", [{ name: "a", type: "*string*", required: true }]) },
    { path: "models/stamped.md", text: objectDoc("Stamped", [{ name: "at", type: DATE, required: true }]) },
    {
      path: "models/holder.md",
      text: objectDoc("Holder", [{ name: "s", type: "[Stamped](./stamped.md)", required: true }]),
    },
    {
      path: "models/top.md",
      text: objectDoc("Top", [{ name: "h", type: "[Holder](./holder.md)[]", required: false }]),
    },
    {
      path: "models/day.md",
      text: objectDoc("Day", [{ name: "on", type: "[RFCDate](../types/rfcdate.md)", required: true }]),
    },
    { path: "models/count.md", text: objectDoc("Count", [{ name: "n", type: "*bigint*", required: true }]) },
  ]);
  expect(result.messages.filter((m) => m.fatal === true)).toEqual([]);
  const docsOf = (path: string) =>
    result.files
      .find((file) => file.path === path)!
      .content.split("\n")
      .filter((line) => /^\/\*\* (\{@link \w+\} as JSON|Reads `wire`|The wire form)/.test(line))
      .map((line) => line.replace(/ The value, or every issue.*/, ""));
  expect(docsOf("models/plain.ts")).toEqual([
    "/** {@link Plain} as JSON carries it: the same shape, as nothing in it is converted. */",
    "/** Reads `wire` (parsed JSON, such as `await response.json()`) as {@link Plain}: properties the doc does not list are left out.",
    "/** The wire form of a valid {@link Plain}: what `JSON.stringify` should get. */",
  ]);
  // Top reaches a date through Holder and Stamped, in an array.
  expect(docsOf("models/top.ts")).toEqual([
    "/** {@link Top} as JSON carries it: date-times as strings. */",
    "/** Reads `wire` (parsed JSON, such as `await response.json()`) as {@link Top}: date-times become `Date`; properties the doc does not list are left out.",
    "/** The wire form of a valid {@link Top}: what `JSON.stringify` should get (date-times as strings). */",
  ]);
  expect(docsOf("models/day.ts")[0]).toBe("/** {@link Day} as JSON carries it: calendar dates as strings. */");
  expect(docsOf("models/count.ts")[1]).toContain("big integers become `bigint`;");
});
