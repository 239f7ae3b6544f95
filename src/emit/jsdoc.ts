/** JSDoc structures for models and fields, built from doc text. */
import type { JSDocStructure, OptionalKind } from "ts-morph";
import type { Field } from "../ir/types.js";
import { exampleDocText, jsDocText } from "./escape.js";

/** A JSDoc with a description and `@tag text` lines; none when all are empty. */
export function jsDoc(
  description: string,
  tags: ReadonlyArray<[tag: string, text?: string]> = [],
): OptionalKind<JSDocStructure>[] {
  const text = jsDocText(description.trim());
  if (text === "" && tags.length === 0) return [];
  return [
    {
      description: text,
      tags: tags.map(([tagName, tagText]) => {
        if (tagText === undefined) return { tagName };
        return { tagName, text: tagName === "example" ? exampleDocText(tagText) : jsDocText(tagText) };
      }),
    },
  ];
}

/** A field's JSDoc: its description, its example, and `@deprecated`. */
export function fieldDoc(field: Field, exampleText: string | undefined): OptionalKind<JSDocStructure>[] {
  const tags: Array<[string, string?]> = [];
  if (exampleText !== undefined) tags.push(["example", exampleText]);
  if (field.deprecated) tags.push(deprecatedTag(field));
  return jsDoc(field.description, tags);
}

/** `@deprecated`, with the doc's note when it gives one. */
export function deprecatedTag(field: Field): [string, string?] {
  return field.deprecationNote ? ["deprecated", field.deprecationNote] : ["deprecated"];
}
