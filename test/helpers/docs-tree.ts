/** Model docs written from plain data, for tests that edit a docs tree and know where each row is. */

export interface FieldSpec {
  name: string;
  /** The Type cell as written: `*string*`, `[components.B](b.md)`, `*number*[]`. */
  type: string;
  required: boolean;
  description?: string;
  deprecated?: boolean;
}

/** An object model doc; its first field is on line 9 (the title, a description, the table's header). */
export function objectDoc(name: string, fields: readonly FieldSpec[], description = `The ${name} model.`): string {
  const rows = fields.map((field) => {
    const cell = field.deprecated ? `~~\`${field.name}\`~~` : `\`${field.name}\``;
    const note = field.deprecated ? ": warning: ** DEPRECATED **: Gone soon.<br/><br/>" : "";
    return `| ${cell} | ${field.type} | ${field.required ? ":heavy_check_mark:" : ":heavy_minus_sign:"} | ${note}${field.description ?? field.name} |`;
  });
  return page(name, description, "Fields", [
    "| Field | Type | Required | Description |",
    "| --- | --- | --- | --- |",
    ...rows,
  ]);
}

/** The line of a field's row in `objectDoc`. */
export const FIRST_FIELD_LINE = 9;

/** An enum doc; a closed enum's first value is on line 9, an open enum is one code line. */
export function enumDoc(name: string, values: readonly string[], open = false): string {
  const description = `The ${name} enum.`;
  if (open) {
    const literals = [...values.map((value) => JSON.stringify(value)), "Unrecognized<string>"].join(" | ");
    return page(name, description, "Values", ["```typescript", literals, "```"]);
  }
  const rows = values.map((value) => `| \`${value.charAt(0).toUpperCase()}${value.slice(1)}\` | ${value} |`);
  return page(name, description, "Values", ["| Name | Value |", "| --- | --- |", ...rows]);
}

/** A union doc, one `### \`T\`` heading per member (written as a heading's type text); the first heading is on line 7. */
export function unionDoc(name: string, members: readonly string[]): string {
  return page(
    name,
    `The ${name} union.`,
    "Supported Types",
    members.flatMap((member) => [`### \`${member}\``, ""]),
  );
}

/** A doc of one `##` section: the title on line 1, the description on line 3, the section's first line on line 7. */
function page(name: string, description: string, section: string, lines: readonly string[]): string {
  return [`# ${name}`, "", description, "", `## ${section}`, "", ...lines, ""].join("\n");
}
