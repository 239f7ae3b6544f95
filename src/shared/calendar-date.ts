/**
 * The calendar-date rule: a `YYYY-MM-DD` string naming a day that exists. Examples are read
 * with it; the runtime's `isCalendarDate` (in templates/runtime.ts, which generated code carries
 * without a dependency) applies the same rule, and a test holds the two equal.
 */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether `text` is a `YYYY-MM-DD` date of a day that exists (`2024-02-29` yes, `2023-02-29` no). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}
