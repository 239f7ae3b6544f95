/**
 * The keys of an enum's const, named as Speakeasy's TypeScript SDKs name them, so code written
 * against the SDK (`Reason.FairUseLimitsExceeded`) compiles against the generated models:
 * words split at separators and at case changes, each word capitalized (an all-capitals word
 * lowered after its first letter), and a leading number spelled out (`256x256` is
 * `TwoHundredAndFiftySixx256`).
 */

/** The key for one value, before it is made unique among its siblings. */
export function enumValueKey(value: string | number): string {
  const text = String(value);
  if (text === "") return "Empty";
  const sign = text.startsWith("-") && /\d/.test(text.charAt(1)) ? "Minus" : "";
  const pascal = words(sign ? text.slice(1) : text)
    .map((word) => (/[a-z]/.test(word) ? word : word.charAt(0) + word.slice(1).toLowerCase()))
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
  if (pascal === "") return "Value";
  const digits = /^\d+/.exec(pascal)?.[0];
  if (digits === undefined) return sign + pascal;
  const spelled = spellNumber(digits);
  return spelled === undefined ? `Value${sign}${pascal}` : sign + spelled + pascal.slice(digits.length);
}

/**
 * The words of a value: runs of letters and digits, split again where a lower-case letter
 * meets a capital (`fluidCpu` → `fluid`, `Cpu`) and where an acronym meets a word
 * (`HTTPError` → `HTTP`, `Error`); a digit joins its word (`V0Builder`, `b64`).
 */
function words(text: string): string[] {
  return text
    .split(/[^A-Za-z0-9]+/)
    .flatMap((part) => part.split(/(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/))
    .filter((word) => word !== "");
}

const ONES = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"];
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
    if (tail > 0) out += tail < 20 ? ONES[tail]! : TENS[Math.floor(tail / 10)]! + (tail % 10 > 0 ? ONES[tail % 10]! : "");
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
