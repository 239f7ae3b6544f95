/**
 * What a run assumed because its docs' family cannot say it: which fields may be null (OpenAPI
 * Generator and liblab show no nulls) and what JSON calls a field (OpenAPI Generator's Go and
 * Java pages give the language's names). Said once per run, on the config's message file: the
 * assumption is the config's policy, and the way out is a config option.
 */
import { FAMILY_FACTS } from "../shared/families.js";
import { DIALECT_LABELS } from "../shared/dialects.js";
import { familyOf, type ReadOptions } from "../shared/read-options.js";
import type { Config } from "../config/defaults.js";

/** The warnings of a run over a family's docs: `[reason, rule]` pairs. */
export function familyNotes(
  readOptions: ReadOptions,
  config: Pick<Config, "nulls" | "fieldNames">,
): Array<[string, "nulls-assumed" | "wire-names-assumed"]> {
  const family = familyOf(readOptions);
  const facts = FAMILY_FACTS[family];
  const notes: Array<[string, "nulls-assumed" | "wire-names-assumed"]> = [];
  if (facts.nulls === "silent" && config.nulls !== "none") {
    const which =
      config.nulls === "optional"
        ? "every optional field and every field an example sets to null"
        : "every field an example sets to null";
    notes.push([
      `${facts.label}'s pages do not say which fields may be null, so the \`nulls\` policy ("${config.nulls}") decides: ${which} is typed \`T | null\`; set "nulls": "none" where the API never sends null for a field it documents, or list fields in "nullable"`,
      "nulls-assumed",
    ]);
  }
  if (family !== "speakeasy" && !facts.wireNames(readOptions.dialect)) {
    const how = readOptions.fieldNames === "camelCase" ? "their camelCase form" : "the names as written";
    // APIMatic's examples show the JSON names; OpenAPI Generator's Go and Java pages have no examples, but its Python and TypeScript pages have the JSON names.
    const fix =
      family === "apimatic"
        ? "show the field in its page's `## Example (as JSON)` block"
        : "generate from the same SDK's Python or TypeScript docs, whose names are the JSON's";
    notes.push([
      `${facts.label}'s ${DIALECT_LABELS[readOptions.dialect]} pages name fields as the ${DIALECT_LABELS[readOptions.dialect]} SDK does, not as JSON does; where no example shows a field's JSON name, JSON is read under ${how}: if the API's JSON names differ (\`created_at\`), ${fix}`,
      "wire-names-assumed",
    ]);
  }
  return notes;
}
