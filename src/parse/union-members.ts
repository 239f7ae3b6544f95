/** What every page reader does with a union's members: read each one's type, and say when a page lists none. */
import type { PhrasingContent } from "mdast";
import type { ModelBody, Point, UnionMember } from "../ir/types.js";
import { report } from "../shared/diagnostics.js";
import type { ReadContext } from "./fields-table.js";
import { parseTypeCell, type TypeCellResult, type TypeNameOverrides } from "./type-cell.js";

/** A member's type as its heading or cell writes it; `undefined`, with an error at the place, when it cannot be read. */
export function readMemberType(
  nodes: readonly PhrasingContent[],
  at: Point,
  ctx: ReadContext,
  names?: TypeNameOverrides,
): Extract<TypeCellResult, { ok: true }> | undefined {
  const parsed = parseTypeCell(nodes, at, ctx.source, ctx.dialect, names);
  if (parsed.ok) return parsed;
  report(ctx.file, "error", `cannot read the union member type: ${parsed.error.reason}`, parsed.error.at, "bad-type");
  return undefined;
}

/** The union of `members`; with none, `undefined` and the error `noMembers` at `at` (the section or title that should list them). */
export function unionBody(
  members: UnionMember[],
  ctx: ReadContext,
  noMembers: string,
  at: Point,
): ModelBody | undefined {
  if (members.length > 0) return { kind: "union", members };
  report(ctx.file, "error", noMembers, at, "bad-type");
  return undefined;
}
