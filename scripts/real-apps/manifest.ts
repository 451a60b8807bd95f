/**
 * The real-app benchmark's committed data, read and written as TSV: the manifest of public apps
 * (`apps.tsv`), the judged findings (`judgments.tsv`), the hand-labelled gaps (`gaps.tsv`) and the
 * fix-safety setup (`fix-safety.tsv`). Every file has a header row; `#` lines are comments.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = path.join(
  path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url)))),
  "bench",
  "real-apps",
);

export type ConfigName = "recommended" | "strict";
export const CONFIG_NAMES: readonly ConfigName[] = ["recommended", "strict"];

export interface App {
  id: string;
  /** `owner/name` on GitHub. */
  repo: string;
  commit: string;
  framework: string;
  language: string;
  kind: string;
  /** Folders and files (relative to the app root) that hold its server code: what is linted. */
  serverPaths: string[];
  notes: string;
}

export type Verdict = "true" | "false" | "debatable";

export interface Judgment {
  app: string;
  file: string;
  line: number;
  rule: string;
  /** `recommended`, `strict`, or `both` for a finding both configs report at the same place. */
  config: ConfigName | "both";
  verdict: Verdict;
  reason: string;
}

export interface Gap {
  app: string;
  file: string;
  /** A line, a range `12-18`, or `*` for a gap of the whole file (no shutdown handling in the entry file). */
  lines: string;
  rule: string;
  description: string;
}

export interface FixSafetyApp {
  id: string;
  /** The command that installs the app's dependencies, run in its root. */
  install: string;
  /** The type-check (and, where named, build) command that must pass before and after `--fix`. */
  check: string;
  /** `settings.harden` naming what the app really has, as JSON (`{}` when it has nothing to name). */
  settings: string;
}

export function readTsv(file: string): Record<string, string>[] {
  const lines = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"));
  const [header, ...rows] = lines;
  if (!header) return [];
  const columns = header.split("\t");
  return rows.map((row, index) => {
    const cells = row.split("\t");
    if (cells.length !== columns.length) {
      throw new Error(
        `${path.basename(file)} row ${index + 2}: ${cells.length} cells, the header has ${columns.length}`,
      );
    }
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ""]));
  });
}

export function readApps(): App[] {
  return readTsv(path.join(BENCH_DIR, "apps.tsv")).map((row) => ({
    id: row.id!,
    repo: row.repo!,
    commit: row.commit!,
    framework: row.framework!,
    language: row.language!,
    kind: row.kind!,
    serverPaths: row
      .server_paths!.split(",")
      .map((p) => p.trim())
      .filter(Boolean),
    notes: row.notes ?? "",
  }));
}

const VERDICTS = new Set(["true", "false", "debatable"]);

export function readJudgments(): Judgment[] {
  return readTsv(path.join(BENCH_DIR, "judgments.tsv")).map((row, index) => {
    if (!VERDICTS.has(row.verdict!)) throw new Error(`judgments.tsv row ${index + 2}: verdict "${row.verdict}"`);
    if (!["recommended", "strict", "both"].includes(row.config!))
      throw new Error(`judgments.tsv row ${index + 2}: config "${row.config}"`);
    return {
      app: row.app!,
      file: row.file!,
      line: Number(row.line),
      rule: row.rule!,
      config: row.config as Judgment["config"],
      verdict: row.verdict as Verdict,
      reason: row.reason ?? "",
    };
  });
}

export function readGaps(): Gap[] {
  return readTsv(path.join(BENCH_DIR, "gaps.tsv")).map((row) => ({
    app: row.app!,
    file: row.file!,
    lines: row.lines!,
    rule: row.rule!,
    description: row.description ?? "",
  }));
}

export function readFixSafetyApps(): FixSafetyApp[] {
  return readTsv(path.join(BENCH_DIR, "fix-safety.tsv")).map((row) => ({
    id: row.id!,
    install: row.install!,
    check: row.check!,
    settings: row.settings!,
  }));
}

/** Whether a gap's `lines` (`12`, `12-18` or `*`) take in `line`. */
export function isLineInGap(lines: string, line: number): boolean {
  if (lines === "*") return true;
  const [start, end] = lines.split("-").map(Number);
  return end === undefined ? line === start : line >= start! && line <= end;
}
