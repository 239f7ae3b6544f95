/** The Type-cell dialects mdmodel reads: the languages SDK docs write their types in. */

export const DIALECTS = ["typescript", "python", "go", "java", "csharp", "php", "ruby"] as const;

export type Dialect = (typeof DIALECTS)[number];

/** How the summary line and messages name a dialect. */
export const DIALECT_LABELS: Readonly<Record<Dialect, string>> = {
  typescript: "TypeScript",
  python: "Python",
  go: "Go",
  java: "Java",
  csharp: "C#",
  php: "PHP",
  ruby: "Ruby",
};

/** How a model's fields are named in the TypeScript it writes. */
export type FieldNaming = "as-documented" | "camelCase";

/**
 * A field name in camelCase: `created_at`, `CreatedAt` and `created-at` become `createdAt`;
 * a run of capitals is one word (`ID` → `id`, `HTMLBody` → `htmlBody`, `UserID` → `userId`),
 * and digits join the word they are in (`k8s_cluster` → `k8sCluster`). A name with no
 * letters is left as it is.
 */
export function camelCase(name: string): string {
  // `_id` and `__proto__` keep their outer underscores: they are part of the name, not separators.
  const [, lead = "", inner = "", trail = ""] = /^(_*)(.*?)(_*)$/s.exec(name) ?? [];
  if (/^[a-z][A-Za-z\d]*$/.test(inner)) return name; // already camelCase
  // Separators split words; inside a part, humps do (a part in lower case and digits is one word).
  const words = inner
    .split(/[_\-\s]+/)
    .flatMap((part) =>
      /^[a-z\d]+$/.test(part) ? [part] : (part.match(/[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z\d]+|[A-Z]+\d*/g) ?? []),
    );
  if (words.length === 0) return name;
  return (
    lead +
    words
      .map((word, index) =>
        index === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase(),
      )
      .join("") +
    trail
  );
}
