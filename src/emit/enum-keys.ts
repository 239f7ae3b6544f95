/**
 * The keys of an enum's const, named as Speakeasy's TypeScript SDKs name them, so code written
 * against the SDK (`Reason.FairUseLimitsExceeded`, `ProviderName.ArceeAI`) compiles against the
 * generated models. The rules, as the published SDKs show them: words split at anything but
 * letters and digits, each word's first letter capitalized and the rest kept, except in a value
 * with no lower-case letter (`RWKV` is `Rwkv`, `FAIR_USE` `FairUse`); in a value that starts with
 * a digit or a sign, a `-` or `.` at the start or after a digit reads `Minus` or `Dot` (`2.35:1`
 * is `TwoDot351`); a leading
 * number spelled out (`256x256` is `TwoHundredAndFiftySixx256`).
 */

/** The key for one value, before it is made unique among its siblings. */
export function enumValueKey(value: string | number): string {
  const text = String(value);
  if (text === "") return "Empty";
  const numeric = /^[-+.]?\d/.test(text);
  // A sign, and a `-` or `.` after a digit, are read out: `2-9-turns` is `TwoMinus9MinusTurns`, `50-plus-turns` `FiftyMinusPlusTurns`.
  const spoken = numeric ? text.replace(/(^|(?<=\d))-/g, " Minus ").replace(/(^|(?<=\d))\./g, " Dot ") : text;
  const letters = text.replace(/[^A-Za-z]/g, "");
  const shouting = letters.length >= 2 && letters === letters.toUpperCase();
  const pascal = spoken
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== "")
    .map((word) => word.charAt(0).toUpperCase() + (shouting ? word.slice(1).toLowerCase() : word.slice(1)))
    .join("");
  if (pascal === "") return "Value";
  const digits = /^\d+/.exec(pascal)?.[0];
  if (digits === undefined) return pascal;
  const spelled = spellNumber(digits);
  return spelled === undefined ? `Value${pascal}` : spelled + pascal.slice(digits.length);
}

const ONES = [
  "Zero",
  "One",
  "Two",
  "Three",
  "Four",
  "Five",
  "Six",
  "Seven",
  "Eight",
  "Nine",
  "Ten",
  "Eleven",
  "Twelve",
  "Thirteen",
  "Fourteen",
  "Fifteen",
  "Sixteen",
  "Seventeen",
  "Eighteen",
  "Nineteen",
];
const TENS = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"];
const SCALES = ["", "Thousand", "Million", "Billion", "Trillion"];

/** `1024` → `OneThousandAndTwentyFour`, British style; `undefined` past the trillions. */
export function spellNumber(digits: string): string | undefined {
  const trimmed = digits.replace(/^0+(?=\d)/, "");
  if (trimmed.length > 15) return undefined;
  const number = Number(trimmed);
  if (number === 0) return ONES[0];
  const groups: number[] = [];
  for (let rest = number; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  let out = "";
  for (let index = groups.length - 1; index >= 0; index--) {
    const group = groups[index]!;
    if (group === 0) continue;
    const hundreds = Math.floor(group / 100);
    const tail = group % 100;
    if (hundreds > 0) out += `${ONES[hundreds]!}Hundred`;
    // "And" before the last two digits when something bigger came first: 1024, 256.
    if (tail > 0 && out !== "" && (hundreds > 0 || index === 0)) out += "And";
    if (tail > 0)
      out += tail < 20 ? ONES[tail]! : TENS[Math.floor(tail / 10)]! + (tail % 10 > 0 ? ONES[tail % 10]! : "");
    out += SCALES[index]!;
  }
  return out;
}

/** The keys of all members, unique: a later value whose key is taken gets `2`, `3`, … after it. */
export function enumKeys(members: ReadonlyArray<{ name?: string | undefined; value: string | number }>): string[] {
  const used = new Set<string>();
  return members.map((member) => {
    const base = member.name ?? enumValueKey(member.value);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}${n}`;
    used.add(key);
    return key;
  });
}
