/**
 * The doc families mdmodel reads: the SDK generators whose model pages it knows, each with the
 * facts about its pages that reading needs, as data. A family times a dialect is a profile
 * (`parse/profiles.ts`); a new family is an entry here, a page reader and a fixture.
 */
import type { Dialect, FieldNaming } from "./dialects.js";

export const FAMILIES = ["speakeasy", "openapi-generator", "apimatic", "liblab"] as const;

export type Family = (typeof FAMILIES)[number];

export interface FamilyFacts {
  /** How messages and the summary name it. */
  label: string;
  /**
   * What its Type cells say of `null`: `wrappers`, the dialect's wrappers say it (Speakeasy's
   * `Optional[…]`, `*T`); `members`, a `null` member says yes and its absence no (APIMatic's
   * `string \| null \| undefined`); `silent`, only a `null` it writes says anything (OpenAPI
   * Generator, liblab), and the `nulls` policy decides the rest.
   */
  nulls: "wrappers" | "members" | "silent";
  /** How its field names become TypeScript names when the config says `auto`. */
  fieldNaming(dialect: Dialect): FieldNaming;
  /** Whether the names in its field column are the names JSON carries. */
  wireNames(dialect: Dialect): boolean;
}

export const FAMILY_FACTS: Readonly<Record<Family, FamilyFacts>> = {
  speakeasy: {
    label: "Speakeasy",
    nulls: "wrappers",
    // The TypeScript SDK's names are camelCase; TypeScript docs already hold them.
    fieldNaming: (dialect) => (dialect === "typescript" ? "as-documented" : "camelCase"),
    // Python and Ruby write the wire names, Java and TypeScript camelCase twins of them; Go and C# their own PascalCase.
    wireNames: (dialect) => dialect !== "go" && dialect !== "csharp",
  },
  "openapi-generator": {
    label: "OpenAPI Generator",
    nulls: "silent",
    // Its TypeScript clients keep the wire names; Go's and C#'s PascalCase names are no wire names, so they become camelCase.
    fieldNaming: (dialect) => (dialect === "go" || dialect === "csharp" ? "camelCase" : "as-documented"),
    // Python, Ruby and PHP keep the wire names; Java's camelCase and Go's and C#'s PascalCase are the language's.
    wireNames: (dialect) => dialect === "typescript" || dialect === "python" || dialect === "ruby" || dialect === "php",
  },
  apimatic: {
    label: "APIMatic",
    nulls: "members",
    fieldNaming: () => "as-documented",
    // The Name column holds the SDK's property names; the wire names show only in the JSON examples.
    wireNames: () => false,
  },
  liblab: {
    label: "liblab",
    nulls: "silent",
    fieldNaming: () => "as-documented",
    wireNames: () => true,
  },
};
