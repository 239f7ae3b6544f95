/**
 * Enum const keys as Speakeasy's TypeScript SDKs spell them: each case below is a value and
 * its key as a published SDK's declarations have them (Vercel's, OpenAI's, OpenRouter's);
 * the same keys whatever form the values come in.
 */
import { describe, expect, test } from "vitest";
import { enumKeys, enumValueKey, spellNumber } from "../../src/emit/enum-keys.js";
import { generateDocs } from "../helpers/generate-folder.js";

const cases: Array<[value: string | number, key: string]> = [
  // Vercel's TypeScript SDK
  ["FAIR_USE_LIMITS_EXCEEDED", "FairUseLimitsExceeded"],
  ["SUBSCRIPTION_CANCELED", "SubscriptionCanceled"],
  ["VIEWER_FOR_PLUS", "ViewerForPlus"],
  ["organization-teams", "OrganizationTeams"],
  ["nsnb-auto-approve", "NsnbAutoApprove"],
  ["analyticsUsage", "AnalyticsUsage"],
  ["blobTotalAvgSizeInBytes", "BlobTotalAvgSizeInBytes"],
  ["IntegrationManager", "IntegrationManager"],
  ["V0Builder", "V0Builder"],
  // OpenAI's and OpenRouter's
  ["url", "Url"],
  ["b64_json", "B64Json"],
  ["256x256", "TwoHundredAndFiftySixx256"],
  ["512x512", "FiveHundredAndTwelvex512"],
  ["1024x1024", "OneThousandAndTwentyFourx1024"],
  ["Arcee AI", "ArceeAI"],
  ["Claude Platform on AWS", "ClaudePlatformOnAWS"],
  ["Inferact vLLM", "InferactVLLM"],
  ["xAI", "XAI"],
  ["AkashML", "AkashML"],
  ["PaLM", "PaLM"],
  ["RWKV", "Rwkv"],
  ["1K", "OneK"],
  ["1080p", "OneThousandAndEightyp"],
  ["1:1", "Eleven"],
  ["2.35:1", "TwoDot351"],
  ["1-turn", "OneMinusTurn"],
  ["2-9-turns", "TwoMinus9MinusTurns"],
  ["50-plus-turns", "FiftyMinusPlusTurns"],
  [0, "Zero"],
  [-1, "Minus1"],
  [-10, "Minus10"],
  // Others
  ["commission.created", "CommissionCreated"],
  ["text/plain", "TextPlain"],
  [200, "TwoHundred"],
  [404, "FourHundredAndFour"],
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
  const block = md(
    "# Reason",
    "",
    ...HEADER,
    "```typescript",
    '"FAIR_USE_LIMITS_EXCEEDED" | "b64_json" | "256x256"',
    "```",
  );
  const table = md(
    "# Reason",
    "",
    ...HEADER,
    "| Name | Value |",
    "| --- | --- |",
    "| `FairUseLimitsExceeded` | FAIR_USE_LIMITS_EXCEEDED |",
    "| `B64Json` | b64_json |",
    "| `TwoHundredAndFiftySixx256` | 256x256 |",
  );
  // Go's docs name each member after its Go constant.
  const go = md(
    "# Reason",
    "",
    ...HEADER,
    "| Name | Value |",
    "| --- | --- |",
    "| `ReasonFairUseLimitsExceeded` | FAIR_USE_LIMITS_EXCEEDED |",
    "| `ReasonB64JSON` | b64_json |",
    "| `ReasonTwoHundredAndFiftySixx256` | 256x256 |",
    "",
    "```go",
    "value := components.ReasonB64JSON",
    "```",
  );
  const consts = await Promise.all(
    [block, table, go].map(async (text) => {
      const result = await generateDocs([{ path: "models/reason.md", text }]);
      return /export const Reason = \{[^}]*\}/
        .exec(result.files.find((file) => file.path === "models/reason.ts")!.content)?.[0]
        .replace(/\s+/g, " ");
    }),
  );
  expect(consts[0]).toBe(
    'export const Reason = { FairUseLimitsExceeded: "FAIR_USE_LIMITS_EXCEEDED", B64Json: "b64_json", TwoHundredAndFiftySixx256: "256x256", }',
  );
  expect(consts[1]).toBe(consts[0]);
  expect(consts[2]).toBe(consts[0]);
});
