/** How a tree's docs are read: the family and dialect of its pages and the naming of fields. */
import type { Dialect, FieldNaming } from "./dialects.js";
import { FAMILY_FACTS, type Family } from "./families.js";

export interface ReadOptions {
  /** The generator whose pages these are; absent: `speakeasy`. */
  family?: Family;
  dialect: Dialect;
  fieldNames: FieldNaming;
  /**
   * The tree marks every field that may be `null` (Speakeasy's current Go docs write
   * `optionalnullable.OptionalNullable[…]`), so a plain pointer on an optional field only
   * says it may be absent. Absent: `false`.
   */
  explicitNulls?: boolean;
}

/** The family of a reading, `speakeasy` when unsaid. */
export function familyOf(readOptions: Pick<ReadOptions, "family">): Family {
  return readOptions.family ?? "speakeasy";
}

/** The reading as the manifest records it: docs read one way are not reused by a run that reads another. */
export function readingLabel(readOptions: ReadOptions): string {
  const dialect = readOptions.explicitNulls ? `${readOptions.dialect}+explicit-nulls` : readOptions.dialect;
  const family = familyOf(readOptions);
  return family === "speakeasy" ? dialect : `${family}/${dialect}`;
}

/** How docs are read when nothing says otherwise (tests and tools that read one doc). */
export const TYPESCRIPT_READ: ReadOptions = { dialect: "typescript", fieldNames: "as-documented" };

/** How fields are named when the config says `auto`: as the API's TypeScript SDK names them. */
export function defaultFieldNaming(dialect: Dialect, family: Family = "speakeasy"): FieldNaming {
  return FAMILY_FACTS[family].fieldNaming(dialect);
}

/** Whether a tree's field column holds the names JSON carries. */
export function documentsWireNames(dialect: Dialect, family: Family = "speakeasy"): boolean {
  return FAMILY_FACTS[family].wireNames(dialect);
}
