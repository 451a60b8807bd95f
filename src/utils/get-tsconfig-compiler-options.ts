import fs from "node:fs";
import path from "node:path";

import { findNearestFile, getModificationTime } from "./find-nearest-file.js";

const isFile = (file: string): boolean => getModificationTime(file) !== undefined;

export type CompilerOptions = Readonly<Record<string, unknown>>;

interface CachedConfig {
  /** Every file the answer was read from (the config and its `extends` chain), with its mtime then. */
  sources: { file: string; mtimeMs: number | undefined }[];
  options: CompilerOptions | undefined;
}

/** `tsconfig.json` path → its merged compiler options, re-read when a file of its chain changes. */
const byConfig = new Map<string, CachedConfig>();

/**
 * The `compilerOptions` of the nearest `tsconfig.json` at or above `directory`, merged over its
 * `extends` chain (relative paths, and packages such as `@tsconfig/strictest` under `node_modules`;
 * later bases override earlier ones, the config itself overrides them all). Read from disk only — never
 * the network — once per config per process, and again when the mtime of a file in its chain changes,
 * so an editor session sees edits. `undefined` when there is no tsconfig or it cannot be read; bases that
 * cannot be read are left out, as a fix must then not rely on them.
 */
export function getTsconfigCompilerOptions(directory: string): CompilerOptions | undefined {
  const configFile = findNearestFile(directory, "tsconfig.json");
  if (!configFile) return undefined;
  const cached = byConfig.get(configFile);
  if (cached && cached.sources.every(({ file, mtimeMs }) => getModificationTime(file) === mtimeMs))
    return cached.options;
  const sources: CachedConfig["sources"] = [];
  const options = readCompilerOptions(configFile, sources, new Set());
  byConfig.set(configFile, { sources, options });
  return options;
}

function readCompilerOptions(
  file: string,
  sources: CachedConfig["sources"],
  seen: Set<string>,
): CompilerOptions | undefined {
  sources.push({ file, mtimeMs: getModificationTime(file) });
  // `extends` cycles are a TypeScript error; here they just end the chain.
  if (seen.has(file)) return undefined;
  seen.add(file);
  let config: unknown;
  try {
    config = parseJsonc(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
  if (!isRecord(config)) return undefined;
  const merged: Record<string, unknown> = {};
  const bases =
    typeof config.extends === "string" ? [config.extends] : Array.isArray(config.extends) ? config.extends : [];
  for (const base of bases) {
    if (typeof base !== "string") continue;
    const baseFile = resolveExtends(base, path.dirname(file));
    if (!baseFile) continue;
    Object.assign(merged, readCompilerOptions(baseFile, sources, seen));
  }
  if (isRecord(config.compilerOptions)) Object.assign(merged, config.compilerOptions);
  return merged;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Where `extends: specifier` points from a config in `directory`, as TypeScript resolves it. */
function resolveExtends(specifier: string, directory: string): string | undefined {
  if (path.isAbsolute(specifier) || specifier.startsWith("./") || specifier.startsWith("../")) {
    const file = path.resolve(directory, specifier);
    if (isFile(file)) return file;
    return specifier.endsWith(".json") || !isFile(`${file}.json`) ? undefined : `${file}.json`;
  }
  // A package: `@tsconfig/strictest`, `@tsconfig/node20/tsconfig.json`, `some-preset/base`.
  for (let current = directory; ;) {
    const target = path.join(current, "node_modules", specifier);
    for (const candidate of [target, `${target}.json`]) if (isFile(candidate)) return candidate;
    const fromPackage = getPackageTsconfig(target);
    if (fromPackage) return fromPackage;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** A package directory's config: its `package.json` `tsconfig` field, else its `tsconfig.json`. */
function getPackageTsconfig(packageDirectory: string): string | undefined {
  try {
    const manifest: unknown = JSON.parse(fs.readFileSync(path.join(packageDirectory, "package.json"), "utf8"));
    if (isRecord(manifest) && typeof manifest.tsconfig === "string") {
      const file = path.resolve(packageDirectory, manifest.tsconfig);
      if (isFile(file)) return file;
    }
  } catch {
    // No manifest: a folder with a tsconfig.json still counts.
  }
  const file = path.join(packageDirectory, "tsconfig.json");
  return isFile(file) ? file : undefined;
}

/**
 * JSON with comments and trailing commas, as tsconfig files are written: comments are blanked and
 * trailing commas dropped outside strings, then `JSON.parse` does the rest (and throws on anything else).
 */
export function parseJsonc(text: string): unknown {
  let out = "";
  let pendingComma = "";
  for (let index = text.charCodeAt(0) === 0xfeff ? 1 : 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '"') {
      const end = findStringEnd(text, index);
      out += pendingComma + text.slice(index, end);
      pendingComma = "";
      index = end - 1;
    } else if (char === "/" && text[index + 1] === "/") {
      const end = text.indexOf("\n", index);
      index = (end === -1 ? text.length : end) - 1;
    } else if (char === "/" && text[index + 1] === "*") {
      const end = text.indexOf("*/", index + 2);
      index = (end === -1 ? text.length : end + 2) - 1;
    } else if (char === ",") {
      out += pendingComma;
      pendingComma = ",";
    } else if (char === "}" || char === "]") {
      // A comma followed only by whitespace and comments before the closing bracket is a trailing one.
      pendingComma = "";
      out += char;
    } else if (/\s/u.test(char)) {
      out += char;
    } else {
      out += pendingComma + char;
      pendingComma = "";
    }
  }
  return JSON.parse(out + pendingComma);
}

/** The index just past the string literal that starts at `start`. */
function findStringEnd(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    if (text[index] === "\\") index++;
    else if (text[index] === '"') return index + 1;
  }
  return text.length;
}
