/**
 * Putting the docs' reads together: one message file per doc, duplicate and renamed
 * models reported, links resolved, nullability inferred. Light: it loads no emitter.
 */
import { posix } from "node:path";
import { VFile } from "../parse/markdown-stack.js";
import type { Config } from "../config/defaults.js";
import { DOC_START, report, restoreMessages } from "../shared/diagnostics.js";
import { builderSetterName, namesOf, typeNameOf } from "../shared/names.js";
import { inferNullability } from "../ir/nullability.js";
import { resolveModels, type ModelSet } from "../ir/resolve.js";
import { inferWireNames } from "../ir/wire-names.js";
import { inferEnumValues } from "../ir/enum-values.js";
import { compareText } from "../shared/text.js";
import type { ModelDoc } from "../ir/types.js";
import type { SourceDoc } from "../shared/source-doc.js";
import type { DocRead } from "./read-step.js";
import type { PageDoc } from "../parse/pages/liblab-split.js";
import type { ReadOptions } from "../shared/read-options.js";
import { familyNotes } from "./family-notes.js";
import { modulePathOf } from "../emit/naming.js";

/** The docs read and resolved: every model, each doc's messages, and how many were skipped. */
export interface ReadModels {
  models: ModelSet;
  files: Map<string, VFile>;
  docs: number;
  skipped: number;
  /** Per doc path, what its examples say of fields: set to null (`path#field`, `ir/nullability.ts`) or under another wire name (`path#field\twire`, `ir/wire-names.ts`). */
  evidenceBy: Map<string, string[]>;
}

export function sortDocs(input: readonly SourceDoc[]): SourceDoc[] {
  return [...input].sort((a, b) => compareText(a.path, b.path));
}

/** The docs' reads put together: message files, duplicate and renamed models, links resolved, nullability inferred. */
export function assembleModels(
  docs: readonly SourceDoc[],
  reads: ReadonlyArray<DocRead | undefined>,
  config: Config,
  outsideEvidence: Iterable<string> = [],
  readOptions?: ReadOptions,
): ReadModels {
  const files = new Map<string, VFile>();
  const models: ModelDoc[] = [];
  let skipped = 0;
  docs.forEach((doc, i) => {
    const read = reads[i];
    if (!read) {
      const file = new VFile({ path: doc.path.replace(/\0/g, "\\0") });
      report(
        file,
        "error",
        "the doc path must be relative, inside the input folder, with no `..`, backslash or control character; the module would be written outside the output folder or break its import",
        DOC_START,
        "bad-path",
      );
      files.set(doc.path, file);
      return;
    }
    // A doc cut from a page (liblab's) reports at the page, whose lines it keeps.
    const file = new VFile({ path: (doc as PageDoc).page ?? doc.path, value: doc.text });
    restoreMessages(file, read.messages);
    files.set(doc.path, file);
    if (read.model) models.push(read.model);
    if (read.skipped) skipped += 1;
  });
  reportDuplicateNames(models, files);
  reportUnwritablePaths(models, files, config.barrel === "folders");
  for (const model of models) {
    const name = typeNameOf(model);
    if (name !== model.name) {
      const why = /^[A-Za-z_$][\w$]*$/.test(model.name)
        ? "the title is a reserved or built-in name"
        : "the title is not an identifier";
      report(
        files.get(model.path)!,
        "info",
        `the model \`${model.name}\` is exported as \`${name}\`: ${why}`,
        model.position,
        "renamed-model",
      );
    }
  }
  for (const model of models) reportShadowedSetters(model, files.get(model.path)!);
  const outside = [...outsideEvidence];
  const named = inferWireNames(resolveModels(models, files, config.externalTypes), outside);
  const {
    models: resolved,
    unmatched,
    evidenceBy: nullsBy,
  } = inferNullability(inferEnumValues(named.models), config, outside);
  const evidenceBy = mergeEvidence(nullsBy, named.evidenceBy);
  const notes = readOptions && docs.length > 0 ? familyNotes(readOptions, config) : [];
  if (unmatched.length > 0 || notes.length > 0) {
    // The config is no doc: its messages go on a file of its own, named for what it is.
    const file = new VFile({ path: CONFIG_FILE_LABEL });
    for (const [reason, rule] of notes) report(file, "warning", reason, DOC_START, rule);
    for (const name of unmatched) {
      report(
        file,
        "warning",
        `the config's nullable or notNullable names \`${name}\`, which no model has; write it as Model.field, the model's title and a field of its Fields table`,
        DOC_START,
        "unknown-override",
      );
    }
    files.set(CONFIG_FILE_LABEL, file);
  }
  return { models: resolved, files, docs: docs.length, skipped, evidenceBy };
}

/** Each doc's evidence of both kinds, sorted. */
function mergeEvidence(a: ReadonlyMap<string, string[]>, b: ReadonlyMap<string, string[]>): Map<string, string[]> {
  const merged = new Map<string, string[]>(a);
  for (const [path, keys] of b) merged.set(path, [...(merged.get(path) ?? []), ...keys].sort(compareText));
  return merged;
}

/** Where the messages about the config's own options go: no doc has this path (docs end in `.md`). */
export const CONFIG_FILE_LABEL = "<config>";

/** A doc path maps to an output path: it must stay relative and inside. */
export function isSafeDocPath(path: string): boolean {
  if (
    path === "" ||
    /[\u0000-\u001f\u007f\u2028\u2029\\]/.test(path) ||
    posix.isAbsolute(path) ||
    /^[A-Za-z]:/.test(path)
  )
    return false;
  const normalized = posix.normalize(path);
  return normalized !== ".." && !normalized.startsWith("../");
}

/** Two docs of one folder that define one type name would be two exports of one name. */
function reportDuplicateNames(models: ModelDoc[], files: ReadonlyMap<string, VFile>): void {
  const seen = new Map<string, ModelDoc>();
  for (const model of [...models]) {
    const key = `${posix.dirname(model.path)}/${typeNameOf(model)}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, model);
      continue;
    }
    report(
      files.get(model.path)!,
      "error",
      `the model \`${model.name}\` is also defined by ${first.path} in the same folder; rename one of the two titles`,
      model.position,
      "duplicate-model",
    );
    models.splice(models.indexOf(model), 1);
  }
}

/** Files of mdmodel's own at the output folder's root, which no module may take. */
const OWN_FILES = new Set(["index.ts", "runtime.ts"]);

/**
 * Output paths that would not work everywhere: a module over mdmodel's own `index.ts` or
 * `runtime.ts`, two that differ only in letter case or Unicode normalization (one overwrites
 * the other on macOS and Windows), or a name Node cannot import (`#`, `%` and `?` mean something in a specifier).
 * Each is an error at the doc's title, and its model is left out.
 */
function reportUnwritablePaths(models: ModelDoc[], files: ReadonlyMap<string, VFile>, folderBarrels: boolean): void {
  const taken = new Map<string, ModelDoc>();
  for (const model of [...models]) {
    const module = modulePathOf(model.path);
    // macOS folds letter case and Unicode normalization alike: `café` in NFC and in NFD is one file there.
    const folded = module.normalize("NFC").toLowerCase();
    const first = taken.get(folded);
    let problem: string | undefined;
    const odd = /[#%?]/.exec(model.path)?.[0];
    if (OWN_FILES.has(folded))
      problem = `its module would be ${module}, over the ${folded} mdmodel writes there; rename the doc`;
    else if (folderBarrels && folded.endsWith("/index.ts"))
      problem = `its module would be ${module}, over the folder's barrel ("barrel": "folders" writes an index.ts in each folder); rename the doc`;
    else if (odd !== undefined)
      problem = `its path has "${odd}", which an import specifier cannot hold as written (Node reads "#" and "?" as a URL's parts and "%" as an escape); rename the doc`;
    else if (first && modulePathOf(first.path) === module) {
      problem = `its module ${module} is also the module of ${first.path} (a \`.md\` and an \`.mdx\` doc of one name); remove one of the docs`;
    } else if (first) {
      const how =
        module.toLowerCase() === modulePathOf(first.path).toLowerCase()
          ? "letter case"
          : "Unicode normalization (NFC and NFD)";
      problem = `its module ${module} differs from ${modulePathOf(first.path)} (of ${first.path}) only in ${how}, so on macOS${how === "letter case" ? " and Windows" : ""} one would overwrite the other; rename one of the docs`;
    }
    if (problem === undefined) {
      taken.set(folded, model);
      continue;
    }
    report(
      files.get(model.path)!,
      "error",
      `the doc ${model.path} cannot be generated: ${problem}`,
      model.position,
      "bad-path",
    );
    models.splice(models.indexOf(model), 1);
  }
}

/** A builder names the setters of `build` and `constructor` `setBuild` and `setConstructor`; a field of that name then has none. */
function reportShadowedSetters(model: ModelDoc, file: VFile): void {
  if (model.body.kind !== "object") return;
  const renamed = new Map(
    model.body.fields
      .filter((field) => builderSetterName(field.name) !== field.name)
      .map((field) => [builderSetterName(field.name), field.name]),
  );
  for (const field of model.body.fields) {
    const member = renamed.get(field.name);
    if (member === undefined) continue;
    const builder = namesOf(model).builder;
    report(
      file,
      "warning",
      `the field \`${field.name}\` has no setter on \`${builder}\`: the setter of the field \`${member}\` is called \`${field.name}\`; set it through \`${builder}.from()\``,
      field.position,
      "shadowed-setter",
    );
  }
}
