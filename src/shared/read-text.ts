/**
 * Reading a file that may not be there, and reading one that a pull request may have put
 * there: only a regular file, never through a symbolic link, never past a size cap, each
 * checked before a byte is read (a link to `/dev/zero` or a 3 GB sparse file costs nothing).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync } from "node:fs";

/** A file's text, or `undefined` when there is no such file (or a folder on its path is a file). */
export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}

/** Whether anything (a file, a folder, a link, even a broken one) is at `path`. */
export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Why a file was not read: it is a link, not a regular file, or over the cap. */
export class UnreadableFileError extends Error {
  override name = "UnreadableFileError";
  constructor(
    readonly path: string,
    readonly why: "link" | "not-a-file" | "too-large",
    message: string,
  ) {
    super(message);
  }
}

export interface RegularFileOptions {
  /** The most bytes the file may have. */
  maxBytes: number;
  /** Follow a symbolic link at the last step of the path (a path the user typed); default: refuse it. */
  followLink?: boolean;
  /** Over the cap, read the first `maxBytes + 1` bytes instead of refusing (the caller reports the size). */
  truncate?: boolean;
}

/** The file's text and its size on disk. */
export interface RegularFile {
  text: string;
  bytes: number;
}

// O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: a link at the last step is an error, not followed.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/**
 * A regular file's text, checked before reading: `undefined` when there is nothing at `path`;
 * an `UnreadableFileError` for a link (unless `followLink`), a folder, a device, a FIFO or a
 * socket, or a file over `maxBytes` (unless `truncate`).
 */
export function readRegularFile(path: string, options: RegularFileOptions): RegularFile | undefined {
  const { maxBytes, followLink = false, truncate = false } = options;
  // Where the platform has no O_NOFOLLOW (Windows), the link is told by lstat first.
  if (!followLink && NOFOLLOW === 0 && isLink(path))
    throw new UnreadableFileError(path, "link", `${path} is a symbolic link`);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NONBLOCK | (followLink ? 0 : NOFOLLOW));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    if (code === "ELOOP") throw new UnreadableFileError(path, "link", `${path} is a symbolic link`);
    if (code === "EISDIR") throw new UnreadableFileError(path, "not-a-file", `${path} is a folder`);
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UnreadableFileError(path, "not-a-file", `${path} is a folder`);
    if (!stat.isFile()) throw new UnreadableFileError(path, "not-a-file", `${path} is not a regular file`);
    if (stat.size > maxBytes && !truncate) {
      throw new UnreadableFileError(
        path,
        "too-large",
        `${path} is ${megabytes(stat.size)}, over the ${megabytes(maxBytes)} it may have`,
      );
    }
    const want = Math.min(stat.size, maxBytes + 1);
    const buffer = Buffer.allocUnsafe(want);
    let read = 0;
    while (read < want) {
      const got = readSync(fd, buffer, read, want - read, read);
      if (got === 0) break;
      read += got;
    }
    return { text: buffer.toString("utf8", 0, read), bytes: stat.size };
  } finally {
    closeSync(fd);
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** `2 MB`, `1.5 KB`: a size as people read it. */
export function megabytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
