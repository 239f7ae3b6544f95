/**
 * Enum const keys as Speakeasy's TypeScript SDKs spell them (seen in published SDKs:
 * `FairUseLimitsExceeded: "FAIR_USE_LIMITS_EXCEEDED"`, `B64Json: "b64_json"`,
 * `TwoHundredAndFiftySixx256: "256x256"`, `V0Builder: "V0Builder"`), whatever form the values come in.
 */
import { describe, expect, test } from "vitest";
import { enumKeys, enumValueKey, spellNumber } from "../src/emit/enum-keys.js";
import { generateDocs } from "./helpers/generate-folder.js";

const cases: Array<[value: string | number, key: string]> = [
  ["FAIR_USE_LIMITS_EXCEEDED", "FairUseLimitsExceeded"],
  ["SUBSCRIPTION_CANCELED", "SubscriptionCanceled"],
  ["VIEWER_FOR_PLUS", "ViewerForPlus"],
  ["url", "Url"],
  ["b64_json", "B64Json"],
  ["organization-teams", "OrganizationTeams"],
  ["nsnb-auto-approve", "NsnbAutoApprove"],
  ["commission.created", "CommissionCreated"],
  ["text/plain", "TextPlain"],
  ["analyticsUsage", "AnalyticsUsage"],
  ["blobTotalAvgSizeInBytes", "BlobTotalAvgSizeInBytes"],
  ["IntegrationManager", "IntegrationManager"],
  ["V0Builder", "V0Builder"],
  ["HTTPError", "HttpError"],
  ["256x256", "TwoHundredAndFiftySixx256"],
  ["512x512", "FiveHundredAndTwelvex512"],
  ["1024x1024", "OneThousandAndTwentyFourx1024"],
  ["3d", "Threed"],
  [0, "Zero"],
  [200, "TwoHundred"],
  [-1, "MinusOne"],
  ["", "Empty"],
  ["   ", "Value"],
  ["é", "Value"],
  ["12345678901234567890", "Value12345678901234567890"],
];

describe("enumValueKey", () => {
  test.each(cases)("%j → %s", (value, key) => {
    expect(enumValueKey(value)).toBe(key);
  });
});

test("numbers are spelled in British style", () => {
  expect(spellNumber("1200")).toBe("OneThousandTwoHundred");
  expect(spellNumber("2001000")).toBe("TwoMillionOneThousand");
  expect(spellNumber("101")).toBe("OneHundredAndOne");
  expect(spellNumber("007")).toBe("Seven");
});

test("values that differ only in case, or in separators, get numbered keys in doc order", () => {
  expect(enumKeys([{ value: "a" }, { value: "A" }, { value: "a-" }])).toEqual(["A", "A2", "A3"]);
  expect(enumKeys([{ name: "Custom", value: "x" }, { value: "custom" }])).toEqual(["Custom", "Custom2"]);
});

const HEADER = ["## Values", ""];
const md = (...lines: string[]) => lines.join("\n") + "\n";

test("one enum gets the same keys from a code block, a TypeScript table's names and another language's table", async () => {
  const block = md("# Reason", "", ...HEADER, "```typescript", '"FAIR_USE_LIMITS_EXCEEDED" | "b64_json" | "256x256"', "```");
  const table = md("# Reason", "", ...HEADER, "| Name | Value |", "| --- | --- |", "| `FairUseLimitsExceeded` | FAIR_USE_LIMITS_EXCEEDED |", "| `B64Json` | b64_json |", "| `TwoHundredAndFiftySixx256` | 256x256 |");
  // Go's docs name each member after its Go constant.
  const go = md("# Reason", "", ...HEADER, "| Name | Value |", "| --- | --- |", "| `ReasonFairUseLimitsExceeded` | FAIR_USE_LIMITS_EXCEEDED |", "| `ReasonB64JSON` | b64_json |", "| `ReasonTwoHundredAndFiftySixx256` | 256x256 |", "", "```go", "value := components.ReasonB64JSON", "```");
  const consts = await Promise.all(
    [block, table, go].map(async (text) => {
      const result = await generateDocs([{ path: "models/reason.md", text }]);
      return /export const Reason = \{[^}]*\}/.exec(result.files.find((file) => file.path === "models/reason.ts")!.content)?.[0].replace(/\s+/g, " ");
    }),
  );
  expect(consts[0]).toBe('export const Reason = { FairUseLimitsExceeded: "FAIR_USE_LIMITS_EXCEEDED", B64Json: "b64_json", TwoHundredAndFiftySixx256: "256x256", }');
  expect(consts[1]).toBe(consts[0]);
  expect(consts[2]).toBe(consts[0]);
});
