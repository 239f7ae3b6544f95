/**
 * Whether the input and output folders are ones mdmodel may use. The output folder is where
 * a run writes, renames and deletes, so it must be a real folder (no link on its way from the
 * working folder), and never one that holds a project: `/`, the home folder, or a folder with a
 * `package.json`, `node_modules` or `.git` (the repository's root among them). A folder named by a config
 * file (which a pull request may change) must also stay inside the repository.
 */
import { lstatSync, readlinkSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";

export interface FolderCheck {
  cwd: string;
  inputDir: string;
  outDir: string;
  /** The root of the working folder's repository, when there is one. */
  repositoryRoot: string | undefined;
  /** The user's home folder. */
  home: string;
  /** Which of the folders a config file named (rather than the command line), and the config file's folder. */
  fromConfig: { input: boolean; out: boolean; dir: string | undefined };
  /** Neither a config file nor `--input` named the input folder: it is the built-in default. */
  defaultInput?: boolean;
  /** A folder as the working folder sees it, for messages. */
  label: (path: string) => string;
}

/** Whether `child` is `parent` or inside it. */
export function isInside(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return (
    path === "" || (path !== ".." && !path.startsWith(`..${sep}`) && !/^[a-zA-Z]:/.test(path) && !path.startsWith(sep))
  );
}

/** Why the folders cannot be used (one line), or `undefined`. */
export function folderProblem(check: FolderCheck): string | undefined {
  const { inputDir, outDir, label } = check;
  for (const [role, dir, option] of [
    ["output", outDir, "--out"],
    ["input", inputDir, "--input"],
  ] as const) {
    const problem = projectFolder(check, dir);
    if (problem)
      return `the ${role} folder ${label(dir)} is ${problem}; mdmodel does not ${role === "output" ? "write" : "read docs"} there: choose another ${option}`;
    const boundary = check.fromConfig[role === "output" ? "out" : "input"] ? configBoundary(check) : undefined;
    if (boundary !== undefined && !isInside(dir, boundary)) {
      return `the config's ${role === "output" ? "out" : "input"} folder ${label(dir)} is outside ${check.repositoryRoot ? "the repository" : label(boundary)}; a config file may only name folders inside it (${option} on the command line may name any)`;
    }
  }
  if (isInside(inputDir, outDir))
    return `the output folder ${label(outDir)} must not be or contain the input folder ${label(inputDir)}`;
  const input = statOrUndefined(inputDir);
  if (!input && check.defaultInput) {
    return `no config file here and no --input, and the default docs folder ${label(inputDir)} does not exist: run \`npx mdmodel init\` to set up this project, or \`npx mdmodel generate --input <docs folder> --out <output folder>\``;
  }
  if (!input) return `the input folder ${label(inputDir)} does not exist`;
  if (!input.isDirectory()) return `the input folder ${label(inputDir)} is a file, not a folder`;
  const link = linkOnTheWay(check.cwd, outDir);
  if (link)
    return `the output folder's path goes through ${label(link)}, a symbolic link${linkTarget(link)}; mdmodel writes only into real folders: make it a folder, or choose another --out`;
  const out = lstatOrUndefined(outDir);
  if (out && !out.isDirectory())
    return `the output folder ${label(outDir)} is a file, not a folder; remove it or choose another --out`;
  return undefined;
}

/** The folder a config file's folders must stay in: the repository, else the folder the working folder and the config file share. */
function configBoundary(check: FolderCheck): string {
  if (check.repositoryRoot !== undefined) return check.repositoryRoot;
  let base = check.cwd;
  while (check.fromConfig.dir !== undefined && !isInside(check.fromConfig.dir, base)) base = dirname(base);
  return base;
}

/** What makes `dir` a folder of the project rather than one of its own: `/`, home, a package or a repository's root. */
function projectFolder(check: FolderCheck, dir: string): string | undefined {
  if (dirname(dir) === dir) return "the root of the file system";
  if (dir === check.home) return "your home folder";
  for (const name of ["package.json", "node_modules", ".git"])
    if (lstatOrUndefined(join(dir, name))) return `a project's folder (it holds ${name})`;
  return undefined;
}

/** The first symbolic link on the way from the folder `dir` shares with `cwd` down to `dir` itself. */
function linkOnTheWay(cwd: string, dir: string): string | undefined {
  let base = cwd;
  while (!isInside(dir, base)) base = dirname(base);
  const rest = relative(base, dir);
  if (rest === "") return lstatOrUndefined(dir)?.isSymbolicLink() ? dir : undefined;
  let path = base;
  for (const part of rest.split(sep)) {
    path = join(path, part);
    const stat = lstatOrUndefined(path);
    if (stat === undefined) return undefined;
    if (stat.isSymbolicLink()) return path;
  }
  return undefined;
}

function linkTarget(path: string): string {
  try {
    return ` to ${JSON.stringify(readlinkSync(path))}`;
  } catch {
    return "";
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
