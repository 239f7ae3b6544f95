/**
 * The docs of a folder as a git commit holds them, read with git itself (`ls-tree` and one
 * `cat-file --batch`), so no checkout or worktree is needed.
 */
import { execFileSync } from "node:child_process";
import { relative, sep } from "node:path";
import type { SourceDoc } from "../shared/source-doc.js";

/** Why the docs at a ref could not be read: not a repository, an unknown ref, no git. */
export class GitDocsError extends Error {
  override name = "GitDocsError";
}

function git(cwd: string, args: readonly string[], input?: Buffer): Buffer {
  try {
    return execFileSync("git", args, { cwd, input, maxBuffer: 1 << 30, stdio: ["pipe", "pipe", "pipe"] });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (failure.code === "ENOENT") throw new GitDocsError("git is not installed (or not on PATH)");
    const said = failure.stderr?.toString("utf8").trim().split("\n")[0];
    throw new GitDocsError(said || `git ${args[0]} failed`);
  }
}

/** `run`'s result, or a GitDocsError that says `why` (git's own words for these are terse or absent). */
function attempt<T>(run: () => T, why: string): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof GitDocsError && error.message.startsWith("git is not installed")) throw error;
    throw new GitDocsError(why);
  }
}

/** Every `.md` doc under `folder` at `ref` (a commit, branch or tag), with paths relative to `folder`, in a stable order. */
export function loadDocsAtRef(folder: string, ref: string): SourceDoc[] {
  if (ref.startsWith("-")) throw new GitDocsError(`"${ref}" is not a git ref`);
  const top = attempt(() => git(folder, ["rev-parse", "--show-toplevel"]), "the folder is not in a git repository").toString("utf8").trim();
  const commit = attempt(() => git(folder, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]), `the repository has no commit "${ref}"`).toString("utf8").trim();
  const prefix = relative(top, folder).split(sep).join("/");
  const listed = git(top, ["ls-tree", "-r", "-z", "--name-only", "--full-tree", commit, "--", prefix === "" ? "." : prefix]).toString("utf8");
  const paths = listed
    .split("\0")
    .filter((path) => path.toLowerCase().endsWith(".md"))
    .sort();
  if (paths.length === 0) return [];
  const batch = git(top, ["cat-file", "--batch"], Buffer.from(paths.map((path) => `${commit}:${path}\n`).join(""), "utf8"));
  const docs: SourceDoc[] = [];
  let offset = 0;
  for (const path of paths) {
    const newline = batch.indexOf(0x0a, offset);
    const header = batch.subarray(offset, newline).toString("utf8");
    const size = Number(header.split(" ")[2]);
    if (!header.includes(" blob ") || !Number.isInteger(size)) throw new GitDocsError(`git could not read ${path} at ${ref}: ${header}`);
    const text = batch.subarray(newline + 1, newline + 1 + size).toString("utf8");
    offset = newline + 1 + size + 1;
    docs.push({ path: prefix === "" ? path : path.slice(prefix.length + 1), text });
  }
  return docs;
}

/** The text of `file` (a path under `folder`) at `ref`, or `undefined` when that commit has no such file. */
export function readFileAtRef(folder: string, ref: string, file: string): string | undefined {
  if (ref.startsWith("-")) throw new GitDocsError(`"${ref}" is not a git ref`);
  // The folder's own prefix in the repository, as git sees it (symlinks in the path resolved).
  const prefix = attempt(() => git(folder, ["rev-parse", "--show-prefix"]), "the folder is not in a git repository").toString("utf8").trim();
  const commit = attempt(() => git(folder, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]), `the repository has no commit "${ref}"`).toString("utf8").trim();
  const batch = git(folder, ["cat-file", "--batch"], Buffer.from(`${commit}:${prefix}${file}\n`, "utf8"));
  const newline = batch.indexOf(0x0a);
  const header = batch.subarray(0, newline).toString("utf8");
  if (!header.includes(" blob ")) return undefined; // "<object> missing"
  const size = Number(header.split(" ")[2]);
  return batch.subarray(newline + 1, newline + 1 + size).toString("utf8");
}
