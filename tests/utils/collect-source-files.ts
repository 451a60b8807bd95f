import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/u;

/**
 * Every JS/TS source file under `dir` (sorted, so samples are deterministic), without declaration files,
 * minified bundles, or files over `maxBytes`.
 */
export function collectSourceFiles(dir: string, maxBytes = 300_000): string[] {
  const files: string[] = [];
  const walk = (current: string) => {
    let entries: string[];
    try {
      entries = readdirSync(current).sort();
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry);
      let stat;
      try {
        stat = statSync(full);
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        if (entry !== ".bin" && entry !== ".cache") walk(full);
      } else if (
        SOURCE.test(entry) &&
        !/\.d\.[cm]?ts$/u.test(entry) &&
        !entry.includes(".min.") &&
        stat.size <= maxBytes
      ) {
        files.push(full);
      }
    }
  };
  walk(dir);
  return files;
}

/** Every `step`-th file, so a sample spreads over the whole tree. */
export function sampleEvenly<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)]!);
}
