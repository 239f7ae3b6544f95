/**
 * Files as a git commit holds them, read with git itself (`ls-tree` and one `cat-file
 * --batch`), so no checkout or worktree is needed. git runs against the repository of the
 * working folder only, named explicitly (`--git-dir`): it never discovers a repository on its
 * own, so one planted in the docs or the output folder (a bare repository, a `.git` with
 * `core.worktree` or hooks) is never asked, and nothing of its config runs.
 */
import { execFileSync } from "node:child_process";
import { lstatSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { SourceDoc } from "../shared/source-doc.js";
import { isDocPath } from "../shared/doc-files.js";

/** Why the docs at a ref could not be read: not a repository, an unknown ref, no git. */
export class GitDocsError extends Error {
  override name = "GitDocsError";
}

/** A repository: its work tree's root and its git folder (or the `.git` file that points at it). */
export interface Repository {
  root: string;
  gitDir: string;
}

/**
 * The repository of the working folder: the nearest folder at or above `cwd` that holds a
 * `.git` (a folder, or the file of a worktree or submodule). Folders inside `excluded` (the
 * docs and output folders, which a pull request controls) are passed over, never asked.
 */
export function findRepository(cwd: string, excluded: readonly string[] = []): Repository | undefined {
  const inside = (folder: string) => excluded.some((root) => folder === root || folder.startsWith(`${root}${sep}`));
  for (let folder = cwd; ; folder = dirname(folder)) {
    if (!inside(folder)) {
      const gitDir = join(folder, ".git");
      try {
        const stat = lstatSync(gitDir);
        if (stat.isDirectory() || stat.isFile()) return { root: folder, gitDir };
      } catch {
        // No .git here: look above.
      }
    }
    if (dirname(folder) === folder) return undefined;
  }
}

function git(repository: Repository, args: readonly string[], input?: Buffer): Buffer {
  const fixed = [
    `--git-dir=${repository.gitDir}`,
    `--work-tree=${repository.root}`,
    "-c",
    "safe.bareRepository=explicit",
    "-c",
    "core.fsmonitor=false",
  ];
  try {
    return execFileSync("git", [...fixed, ...args], {
      cwd: repository.root,
      input,
      maxBuffer: 1 << 30,
      stdio: ["pipe", "pipe", "pipe"],
    });
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

/** The commit `ref` names in `repository`. */
function commitOf(repository: Repository, ref: string): string {
  if (ref.startsWith("-") || ref.includes("\0")) throw new GitDocsError(`"${ref}" is not a git ref`);
  return attempt(
    () => git(repository, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]),
    `the repository has no commit "${ref}"`,
  )
    .toString("utf8")
    .trim();
}

/** `folder` as a path in the repository (`/`-separated, `""` for its root); a folder outside it is an error. */
function prefixOf(repository: Repository, folder: string): string {
  const prefix = relative(repository.root, folder).split(sep).join("/");
  if (prefix === ".." || prefix.startsWith("../") || prefix.startsWith("/"))
    throw new GitDocsError(`${folder} is not in the repository at ${repository.root}`);
  return prefix;
}

/** Whether the repository knows `ref` as a commit. */
export function hasCommit(repository: Repository, ref: string): boolean {
  try {
    commitOf(repository, ref);
    return true;
  } catch {
    return false;
  }
}

/** The files under `folder` at `ref` whose names `wanted` accepts, each path relative to `folder`, in a stable order. */
export function loadFilesAtRef(
  repository: Repository,
  folder: string,
  ref: string,
  wanted: (path: string) => boolean,
): SourceDoc[] {
  const commit = commitOf(repository, ref);
  const prefix = prefixOf(repository, folder);
  const listed = git(repository, [
    "ls-tree",
    "-r",
    "-z",
    "--name-only",
    "--full-tree",
    commit,
    "--",
    prefix === "" ? "." : prefix,
  ]).toString("utf8");
  const paths = listed
    .split("\0")
    .filter((path) => path !== "" && wanted(path))
    .sort();
  if (paths.length === 0) return [];
  const batch = git(
    repository,
    ["cat-file", "--batch"],
    Buffer.from(paths.map((path) => `${commit}:${path}\n`).join(""), "utf8"),
  );
  const docs: SourceDoc[] = [];
  let offset = 0;
  for (const path of paths) {
    const newline = batch.indexOf(0x0a, offset);
    const header = batch.subarray(offset, newline).toString("utf8");
    const size = Number(header.split(" ")[2]);
    if (!header.includes(" blob ") || !Number.isInteger(size))
      throw new GitDocsError(`git could not read ${path} at ${ref}: ${header}`);
    const text = batch.subarray(newline + 1, newline + 1 + size).toString("utf8");
    offset = newline + 1 + size + 1;
    docs.push({ path: prefix === "" ? path : path.slice(prefix.length + 1), text });
  }
  return docs;
}

/** Every `.md` doc under `folder` at `ref` (a commit, branch or tag), with paths relative to `folder`, in a stable order. */
export function loadDocsAtRef(repository: Repository, folder: string, ref: string): SourceDoc[] {
  return loadFilesAtRef(repository, folder, ref, isDocPath);
}

/** The text of `file` (a path under `folder`) at `ref`, or `undefined` when that commit has no such file. */
export function readFileAtRef(repository: Repository, folder: string, ref: string, file: string): string | undefined {
  const commit = commitOf(repository, ref);
  const prefix = prefixOf(repository, folder);
  const batch = git(
    repository,
    ["cat-file", "--batch"],
    Buffer.from(`${commit}:${prefix === "" ? "" : `${prefix}/`}${file}\n`, "utf8"),
  );
  const newline = batch.indexOf(0x0a);
  const header = batch.subarray(0, newline).toString("utf8");
  if (!header.includes(" blob ")) return undefined; // "<object> missing"
  const size = Number(header.split(" ")[2]);
  return batch.subarray(newline + 1, newline + 1 + size).toString("utf8");
}
