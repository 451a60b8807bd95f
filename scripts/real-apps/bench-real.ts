/**
 * `npm run bench:real -- <folder with the checkouts> [--app <id>]... [--sample <n>] [--out <folder>]`
 *
 * Lints the server paths of every app in bench/real-apps/apps.tsv (checked out as `<folder>/<id>` by
 * `npm run bench:real:checkout`) with `harden/recommended` and `harden/strict`, without settings, and
 * prints per rule and config: the findings, the judged precision (bench/real-apps/judgments.tsv;
 * debatable verdicts count neither way), the recall against the labelled gaps (bench/real-apps/gaps.tsv)
 * and how many findings have no judgment yet.
 *
 * Writes to the output folder (default `<folder>/.harden-bench`): `findings.tsv`, every finding of both
 * configs, and `to-judge.tsv`, the findings to judge next — for each rule and config, evenly spread over
 * its findings, enough to reach `--sample` judged findings (default 15; all of them when fewer).
 * `--findings-from <findings.tsv>` scores a findings file written earlier (by another version of the
 * plugin) against today's judgments and gaps, without linting: the before/after tables of a change.
 * See docs/benchmarks.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { parse } from "@typescript-eslint/parser";

import { createAppLinter, getServerPaths } from "./lint-app.js";
import {
  CONFIG_NAMES,
  isLineInGap,
  readApps,
  readGaps,
  readJudgments,
  readTsv,
  type App,
  type ConfigName,
  type Gap,
  type Judgment,
} from "./manifest.js";

interface Finding {
  app: string;
  file: string;
  line: number;
  column: number;
  rule: string;
  config: ConfigName;
  fixable: boolean;
  suggestions: number;
  message: string;
}

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  allowPositionals: true,
  options: {
    app: { type: "string", multiple: true },
    sample: { type: "string" },
    out: { type: "string" },
    "findings-from": { type: "string" },
  },
});
const onlyApps = values.app ?? [];
const sample = Number(values.sample ?? 15);
const findingsFrom = values["findings-from"];
const [checkouts] = positionals;
if (!checkouts) {
  console.error(
    "usage: npm run bench:real -- <folder with the checkouts> [--app <id>]... [--sample <n>] [--out <folder>]",
  );
  process.exit(2);
}
const outDir = values.out ?? path.join(checkouts, ".harden-bench");

const apps = readApps().filter((app) => onlyApps.length === 0 || onlyApps.includes(app.id));
const judgments = readJudgments();
const gaps = readGaps().filter((gap) => apps.some((app) => app.id === gap.app));

async function lintApp(app: App, config: ConfigName): Promise<{ findings: Finding[]; files: number; fatal: string[] }> {
  const root = path.join(checkouts!, app.id);
  const { present, missing } = getServerPaths(app, root);
  if (missing.length > 0) console.warn(`${app.id}: server paths not in the checkout: ${missing.join(", ")}`);
  const results = await createAppLinter(root, config).lintFiles(present);
  const findings: Finding[] = [];
  const fatal: string[] = [];
  for (const result of results) {
    const file = path.relative(root, result.filePath).split(path.sep).join("/");
    for (const message of result.messages) {
      if (message.fatal) {
        fatal.push(`${file}:${message.line} ${message.message}`);
        continue;
      }
      if (!message.ruleId?.startsWith("harden/")) continue;
      findings.push({
        app: app.id,
        file,
        line: message.line,
        column: message.column,
        rule: message.ruleId.slice("harden/".length),
        config,
        fixable: message.fix !== undefined,
        suggestions: message.suggestions?.length ?? 0,
        message: message.message.replaceAll(/\s+/gu, " "),
      });
    }
  }
  return { findings, files: results.length, fatal };
}

function findJudgment(finding: Finding): Judgment | undefined {
  return judgments.find(
    (j) =>
      j.app === finding.app &&
      j.file === finding.file &&
      j.line === finding.line &&
      j.rule === finding.rule &&
      (j.config === finding.config || j.config === "both"),
  );
}

/** `count` indexes spread evenly over `0 … length - 1`. */
function spread(length: number, count: number): number[] {
  if (count >= length) return [...Array(length).keys()];
  return [...new Set([...Array(count).keys()].map((i) => Math.floor(((i + 0.5) * length) / count)))];
}

const all: Finding[] = [];
if (findingsFrom) {
  for (const row of readTsv(findingsFrom)) {
    if (!apps.some((app) => app.id === row.app)) continue;
    all.push({
      app: row.app!,
      file: row.file!,
      line: Number(row.line),
      column: Number(row.column),
      rule: row.rule!,
      config: row.config as ConfigName,
      fixable: row.fixable === "true",
      suggestions: Number(row.suggestions),
      message: row.message!,
    });
  }
  console.log(`real-app benchmark: ${apps.length} apps, findings read from ${findingsFrom}`);
} else {
  console.log(`real-app benchmark: ${apps.length} apps\n`);
  console.log(
    `${"app".padEnd(28)} ${"framework".padEnd(11)} ${"files".padStart(5)}  ${"recommended".padStart(11)}  ${"strict".padStart(6)}  parse errors`,
  );
  for (const app of apps) {
    const counts: number[] = [];
    let files = 0;
    let fatal: string[] = [];
    for (const config of CONFIG_NAMES) {
      const linted = await lintApp(app, config);
      all.push(...linted.findings);
      counts.push(linted.findings.length);
      files = linted.files;
      fatal = linted.fatal;
    }
    console.log(
      `${app.id.padEnd(28)} ${app.framework.padEnd(11)} ${String(files).padStart(5)}  ${String(counts[0]).padStart(11)}  ${String(counts[1]).padStart(6)}  ${fatal.length}`,
    );
    for (const line of fatal.slice(0, 3)) console.log(`    ${line}`);
  }
}

const rules = [...new Set(all.map((f) => f.rule))].sort();
for (const gap of gaps) if (!rules.includes(gap.rule)) rules.push(gap.rule);

interface Row {
  findings: number;
  truePositives: number;
  falsePositives: number;
  debatable: number;
  unjudged: number;
  gaps: number;
  found: number;
}

function summarize(findings: Finding[], config: ConfigName, rule: string | undefined): Row {
  const row: Row = {
    findings: findings.length,
    truePositives: 0,
    falsePositives: 0,
    debatable: 0,
    unjudged: 0,
    gaps: 0,
    found: 0,
  };
  for (const finding of findings) {
    const verdict = findJudgment(finding)?.verdict;
    if (verdict === "true") row.truePositives++;
    else if (verdict === "false") row.falsePositives++;
    else if (verdict === "debatable") row.debatable++;
    else row.unjudged++;
  }
  for (const gap of gaps) {
    if (rule !== undefined && gap.rule !== rule) continue;
    row.gaps++;
    if (isGapFound(gap, config)) row.found++;
  }
  return row;
}

/** Rules that report a gap of the whole app once, where it starts: any finding of the app finds the gap. */
const APP_LEVEL_RULES = new Set(["require-graceful-shutdown", "require-health-check"]);

const functionsByFile = new Map<string, { start: number; end: number }[]>();
/** The line spans of the file's functions (a handler is where a handler-level finding lands). */
function getFunctionSpans(app: string, file: string): { start: number; end: number }[] {
  const key = `${app}/${file}`;
  let spans = functionsByFile.get(key);
  if (spans) return spans;
  spans = [];
  try {
    const ast = parse(readFileSync(path.join(checkouts!, app, file), "utf8"), {
      jsx: /\.[jt]sx$/u.test(file),
      loc: true,
      range: true,
      ecmaVersion: "latest",
      sourceType: "module",
    });
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (value === null || typeof value !== "object") return;
      const node = value as { type?: string; loc?: { start: { line: number }; end: { line: number } } };
      if (
        node.type &&
        /^(?:FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/u.test(node.type) &&
        node.loc
      ) {
        spans!.push({ start: node.loc.start.line, end: node.loc.end.line });
      }
      for (const [key, child] of Object.entries(value))
        if (key !== "parent" && key !== "loc" && key !== "range") visit(child);
    };
    visit(ast);
  } catch {
    // A file that no longer parses (or is gone) has no spans: the gap's own lines decide.
  }
  functionsByFile.set(key, spans);
  return spans;
}

/**
 * Whether a finding at `line` finds the gap. A gap names a line or a range; a gap of one line is where a
 * handler is registered or starts, so the first function starting within two lines of it (the handler, or
 * a decorated method under its decorator) belongs to the gap as well.
 */
function isFindingInGap(gap: Gap, line: number): boolean {
  if (isLineInGap(gap.lines, line)) return true;
  if (gap.lines.includes("-") || gap.lines === "*") return false;
  const gapLine = Number(gap.lines);
  const handler = getFunctionSpans(gap.app, gap.file)
    .filter((span) => span.start >= gapLine && span.start <= gapLine + 2)
    .sort((a, b) => a.start - b.start || b.end - a.end)[0];
  return handler !== undefined && line >= handler.start && line <= handler.end;
}

function isGapFound(gap: Gap, config: ConfigName): boolean {
  return all.some(
    (f) =>
      f.config === config &&
      f.app === gap.app &&
      f.rule === gap.rule &&
      (APP_LEVEL_RULES.has(gap.rule) || (f.file === gap.file && isFindingInGap(gap, f.line))),
  );
}

const ratio = (numerator: number, denominator: number) =>
  denominator === 0 ? "—" : (numerator / denominator).toFixed(2);

for (const config of CONFIG_NAMES) {
  console.log(`\nharden/${config}`);
  console.log(
    `${"rule".padEnd(28)} ${"findings".padStart(8)} ${"true".padStart(5)} ${"false".padStart(5)} ${"debat".padStart(5)} ${"precision".padStart(9)} ${"gaps".padStart(5)} ${"found".padStart(5)} ${"recall".padStart(6)} ${"unjudged".padStart(8)}`,
  );
  const print = (name: string, row: Row) =>
    console.log(
      `${name.padEnd(28)} ${String(row.findings).padStart(8)} ${String(row.truePositives).padStart(5)} ${String(row.falsePositives).padStart(5)} ${String(row.debatable).padStart(5)} ${ratio(row.truePositives, row.truePositives + row.falsePositives).padStart(9)} ${String(row.gaps).padStart(5)} ${String(row.found).padStart(5)} ${ratio(row.found, row.gaps).padStart(6)} ${String(row.unjudged).padStart(8)}`,
    );
  for (const rule of rules)
    print(
      rule,
      summarize(
        all.filter((f) => f.config === config && f.rule === rule),
        config,
        rule,
      ),
    );
  print(
    "all rules",
    summarize(
      all.filter((f) => f.config === config),
      config,
      undefined,
    ),
  );
}

// What to judge next: per rule and config, evenly spread picks until `sample` findings are judged.
const toJudge = new Map<string, { finding: Finding; configs: Set<ConfigName> }>();
const sortKey = (f: Finding) => `${f.app}\u0000${f.file}\u0000${String(f.line).padStart(6, "0")}`;
for (const config of CONFIG_NAMES) {
  for (const rule of rules) {
    const findings = all
      .filter((f) => f.config === config && f.rule === rule)
      .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    const judged = findings.filter((f) => findJudgment(f) !== undefined).length;
    if (judged >= Math.min(sample, findings.length)) continue;
    // Spread over the whole list, then take the unjudged picks until the sample is reached.
    let needed = Math.min(sample, findings.length) - judged;
    for (const index of spread(findings.length, Math.min(findings.length, sample + judged))) {
      if (needed === 0) break;
      const finding = findings[index]!;
      if (findJudgment(finding)) continue;
      const key = `${finding.app}\u0000${finding.file}\u0000${finding.line}\u0000${finding.rule}`;
      const entry = toJudge.get(key) ?? { finding, configs: new Set<ConfigName>() };
      entry.configs.add(config);
      toJudge.set(key, entry);
      needed--;
    }
  }
}
// A pick in one config is the same finding in the other when both report it there.
for (const entry of toJudge.values()) {
  for (const config of CONFIG_NAMES) {
    const { finding } = entry;
    if (
      all.some(
        (f) =>
          f.config === config &&
          f.app === finding.app &&
          f.file === finding.file &&
          f.line === finding.line &&
          f.rule === finding.rule,
      )
    ) {
      entry.configs.add(config);
    }
  }
}

mkdirSync(outDir, { recursive: true });
const tsv = (rows: string[][]) => rows.map((row) => row.join("\t")).join("\n") + "\n";
writeFileSync(
  path.join(outDir, "findings.tsv"),
  tsv([
    ["app", "file", "line", "column", "rule", "config", "fixable", "suggestions", "verdict", "message"],
    ...all.map((f) => [
      f.app,
      f.file,
      String(f.line),
      String(f.column),
      f.rule,
      f.config,
      String(f.fixable),
      String(f.suggestions),
      findJudgment(f)?.verdict ?? "",
      f.message,
    ]),
  ]),
);
writeFileSync(
  path.join(outDir, "to-judge.tsv"),
  tsv([
    ["app", "file", "line", "rule", "config", "message"],
    ...[...toJudge.values()]
      .sort((a, b) => sortKey(a.finding).localeCompare(sortKey(b.finding)))
      .map(({ finding, configs }) => [
        finding.app,
        finding.file,
        String(finding.line),
        finding.rule,
        configs.size === 2 ? "both" : [...configs][0]!,
        finding.message,
      ]),
  ]),
);
console.log(
  `\n${all.length} findings written to ${path.join(outDir, "findings.tsv")}; ${toJudge.size} to judge next in ${path.join(outDir, "to-judge.tsv")}`,
);
