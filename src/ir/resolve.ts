/**
 * Cross-doc resolution: every `ref` gets the path of the doc it names (by link target,
 * then by name), and a name no doc provides becomes an `external` type with a warning.
 */
import assert from "node:assert/strict";
import { posix } from "node:path";
import type { VFile } from "vfile";
import { report } from "../shared/diagnostics.js";
import { compareText, didYouMean } from "../shared/text.js";
import {
  bodyTypes,
  typeLeaves,
  type ModelDoc,
  type Position,
  type RefType,
  type ResolvedModel,
  type ResolvedRefType,
  type ResolvedType,
  type TypeExpr,
  type TypeOf,
} from "./types.js";

/** All models of a run, resolved, in path order, looked up by doc path. */
export interface ModelSet {
  models: ResolvedModel[];
  byPath: ReadonlyMap<string, ResolvedModel>;
}

/** Resolves the refs of every model; `files` maps doc paths to their message files. */
export function resolveModels(
  models: readonly ModelDoc[],
  files: ReadonlyMap<string, VFile>,
  externalTypes: Readonly<Record<string, string>> = {},
): ModelSet {
  const sorted = [...models].sort((a, b) => compareText(a.path, b.path));
  const byPath = new Map(sorted.map((model) => [model.path, model]));
  const byName = groupByName(sorted);
  const resolved = sorted.map((model): ResolvedModel => {
    const file = files.get(model.path)!;
    const resolveIn = (type: TypeExpr, at: Position): ResolvedType => {
      const resolved = mapRefs(type, (ref) => resolveRef(ref, model, at, { byPath, byName, file, files }));
      for (const name of externalNames(type)) {
        if (!Object.hasOwn(externalTypes, name)) {
          report(
            file,
            "warning",
            `\`${name}\` is not a model of these docs, so it is typed \`unknown\`; map it to a type in the config`,
            at,
            "unknown-type",
          );
        }
      }
      return resolved;
    };
    switch (model.body.kind) {
      case "object":
        return {
          ...model,
          body: {
            ...model.body,
            fields: model.body.fields.map((f) => ({ ...f, type: resolveIn(f.type, f.position) })),
          },
        };
      case "union":
        return {
          ...model,
          body: {
            ...model.body,
            members: model.body.members.map((m) => ({ ...m, type: resolveIn(m.type, m.position) })),
          },
        };
      case "enum":
        return { ...model, body: model.body }; // an enum has no links
    }
  });
  return { models: resolved, byPath: new Map(resolved.map((model) => [model.path, model])) };
}

/** The model a resolved link names: the run has it by construction. */
export function targetOf(models: ModelSet, ref: ResolvedRefType): ResolvedModel {
  const model = models.byPath.get(ref.target);
  assert(model, `a resolved link to ${ref.target} has no model`);
  return model;
}

interface Lookup {
  byPath: ReadonlyMap<string, ModelDoc>;
  byName: ReadonlyMap<string, ModelDoc[]>;
  file: VFile;
  /** Every doc's messages, those that are no model included. */
  files: ReadonlyMap<string, VFile>;
}

/** The doc path a link names, as resolution finds it among `byPath` (model docs) and `byName`: by its target, then by name. */
export function linkTarget(
  ref: RefType,
  fromPath: string,
  byPath: { has(path: string): boolean },
  byName: ReadonlyMap<string, ReadonlyArray<{ path: string }>>,
): string | undefined {
  if (ref.href !== undefined) {
    let target = posix.normalize(posix.join(posix.dirname(fromPath), ref.href.replace(/#.*$/, "")));
    if (byPath.has(target)) return target;
    // A link written from the repository's root (`../../doc/models/x.md`) leaves the tree and comes back into it by the tree's own folder.
    while (/^\.\.\/(?!\.\.\/)[^/]+\//.test(target) || target.startsWith("../../")) {
      target = target.startsWith("../../") ? target.slice(3) : target.replace(/^\.\.\/[^/]+\//, "");
      if (byPath.has(target)) return target;
    }
  }
  return (pickByName(ref.name, byName) ?? (ref.nested !== undefined ? pickByName(ref.nested, byName) : undefined))
    ?.path;
}

function resolveRef(ref: RefType, from: ModelDoc, at: Position, lookup: Lookup): ResolvedType {
  const target = linkTarget(ref, from.path, lookup.byPath, lookup.byName);
  if (target !== undefined) return { ...ref, target };
  if (ref.href !== undefined) {
    // A doc that is there but could not be read is reported at its own errors: here only a note that names it.
    const linked = posix.normalize(posix.join(posix.dirname(from.path), ref.href.replace(/#.*$/, "")));
    if (lookup.files.get(linked)?.messages.some((message) => message.fatal === true)) {
      report(
        lookup.file,
        "info",
        `the link to \`${ref.name}\` leads to ${linked}, which has errors (reported there)`,
        at,
        "broken-link",
      );
      return { kind: "unknown" };
    }
    const hint = didYouMean(ref.name, [...lookup.byName.keys()]);
    // A warning, as an unknown name is: a vendor's docs with a few dead links still make the rest (`--strict` refuses them).
    report(
      lookup.file,
      "warning",
      `the link to \`${ref.name}\` (${ref.href}) does not lead to a model doc, so it is typed \`unknown\`${hint ? `; did you mean \`${hint}\`?` : "; add the doc or fix the link"}`,
      at,
      "broken-link",
    );
    return { kind: "unknown" };
  }
  report(
    lookup.file,
    "warning",
    `no model doc defines \`${ref.name}\`, so it is typed \`unknown\`; add a doc for it or map the name in the config`,
    at,
    "unknown-type",
  );
  return { kind: "external", name: ref.name };
}

/**
 * `components.Foo`, `Models::Components::Foo`, `Components\\Foo` and `Foo` all name the model
 * `Foo`; the namespace's last part, matched against folders (case aside), breaks ties.
 */
function pickByName<T extends { path: string }>(
  written: string,
  byName: ReadonlyMap<string, readonly T[]>,
): T | undefined {
  const parts = written.split(/\.|::|\\/).filter((part) => part !== "");
  const name = parts[parts.length - 1] ?? written;
  const namespace = parts.length > 1 ? parts[parts.length - 2]!.toLowerCase() : undefined;
  const candidates = byName.get(name) ?? [];
  if (candidates.length <= 1 || namespace === undefined) return candidates[0];
  return candidates.find((model) => model.path.toLowerCase().split("/").includes(namespace)) ?? candidates[0];
}

/** Models by name, each list in the order given (path order, so ties break the same way everywhere). */
export function groupByName<T extends { name: string }>(models: readonly T[]): Map<string, T[]> {
  const byName = new Map<string, T[]>();
  for (const model of models) byName.set(model.name, [...(byName.get(model.name) ?? []), model]);
  return byName;
}

/** The links a doc's model writes, in its fields or members. */
export function linksOf(model: ModelDoc): RefType[] {
  return bodyTypes(model)
    .flatMap(typeLeaves)
    .filter((leaf): leaf is RefType => leaf.kind === "ref");
}

/** The external names written in a type (before resolution adds any). */
function externalNames(type: TypeExpr): string[] {
  return typeLeaves(type).flatMap((leaf) => (leaf.kind === "external" ? [leaf.name] : []));
}

/** Rebuilds a type with every `ref` replaced. */
export function mapRefs<From extends RefType, To extends RefType>(
  type: TypeOf<From>,
  replace: (ref: From) => TypeOf<To>,
): TypeOf<To> {
  switch (type.kind) {
    case "ref":
      return replace(type);
    case "array":
      return { kind: "array", element: mapRefs(type.element, replace) };
    case "record":
      return { kind: "record", value: mapRefs(type.value, replace) };
    case "union":
      return { kind: "union", members: type.members.map((member) => mapRefs(member, replace)) };
    default:
      return type;
  }
}
