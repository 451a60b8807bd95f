import { statSync } from "node:fs";
import path from "node:path";

import { isSingleRun } from "../project/is-single-run.js";

/**
 * Per file name, per directory: the nearest such file at or above it (`null`: none up to the root).
 * Kept for the process: a project file appearing or disappearing while an editor's ESLint server runs is
 * rare, and a restart picks it up. The files themselves are re-read by their callers when their
 * modification time changes (see {@link getModificationTime}).
 */
const nearestByName = new Map<string, Map<string, string | null>>();

/** In a one-time run, each file's first answer: nothing changes while it runs (`null`: missing). */
const singleRunTimes = new Map<string, number | null>();

/**
 * A file's modification time, or `undefined` when it is missing or cannot be read (permissions). A
 * long-running process asks the file system every time, so a config or manifest edited while it runs is
 * seen; a one-time run asks once per file.
 */
export function getModificationTime(file: string): number | undefined {
  if (!isSingleRun()) return statModificationTime(file);
  let time = singleRunTimes.get(file);
  if (time === undefined) {
    time = statModificationTime(file) ?? null;
    singleRunTimes.set(file, time);
  }
  return time ?? undefined;
}

function statModificationTime(file: string): number | undefined {
  try {
    const status = statSync(file, { throwIfNoEntry: false });
    return status?.isFile() ? status.mtimeMs : undefined;
  } catch {
    return undefined;
  }
}

/** The nearest `name` (`package.json`, `tsconfig.json`) at or above `directory`; local files only. */
export function findNearestFile(directory: string, name: string): string | undefined {
  let byDirectory = nearestByName.get(name);
  if (!byDirectory) {
    byDirectory = new Map();
    nearestByName.set(name, byDirectory);
  }
  const visited: string[] = [];
  let found: string | null | undefined;
  for (let current = path.resolve(directory); ;) {
    found = byDirectory.get(current);
    if (found !== undefined) break;
    visited.push(current);
    const candidate = path.join(current, name);
    if (getModificationTime(candidate) !== undefined) {
      found = candidate;
      break;
    }
    const parent = path.dirname(current);
    if (parent === current) {
      found = null;
      break;
    }
    current = parent;
  }
  for (const visitedDirectory of visited) byDirectory.set(visitedDirectory, found);
  return found ?? undefined;
}
