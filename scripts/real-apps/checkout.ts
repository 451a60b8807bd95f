/**
 * `npm run bench:real:checkout -- <folder> [--git-dir <template>] [--app <id>]...`
 *
 * Lays out every app of bench/real-apps/apps.tsv as `<folder>/<id>`, at its pinned commit. By default it
 * clones `https://github.com/<repo>`; with `--git-dir` it reads a local git directory instead, named by a
 * template in which `{owner}`, `{name}` and `{repo}` are replaced (for example a folder of mirrors:
 * `--git-dir '/mirrors/{owner}+{name}.git'`). Files whose objects the local copy lacks (large assets left
 * out of a partial copy) are skipped and counted. An app already laid out is left as it is.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { readApps, type App } from "./manifest.js";

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  allowPositionals: true,
  options: { "git-dir": { type: "string" }, app: { type: "string", multiple: true } },
});
const template = values["git-dir"];
const onlyApps = values.app ?? [];
const [folder] = positionals;
if (!folder) {
  console.error("usage: npm run bench:real:checkout -- <folder> [--git-dir <template>] [--app <id>]...");
  process.exit(2);
}

function git(argv: string[], options: { input?: string; cwd?: string } = {}): Buffer {
  const result = spawnSync("git", argv, { cwd: options.cwd, input: options.input, maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`git ${argv.join(" ")}: ${result.stderr.toString().trim()}`);
  return result.stdout;
}

function clone(app: App, into: string): void {
  git(["clone", "--quiet", "--filter=blob:none", "--no-checkout", `https://github.com/${app.repo}.git`, into]);
  git(["checkout", "--quiet", app.commit], { cwd: into });
}

/** Writes the commit's files from a local git directory; returns how many had no object there. */
function extract(app: App, gitDir: string, into: string): number {
  const entries = git(["--git-dir", gitDir, "ls-tree", "-r", "-z", app.commit])
    .toString()
    .split("\0")
    .filter(Boolean)
    .map((entry) => {
      const [meta, file] = entry.split("\t") as [string, string];
      const [mode, type, sha] = meta.split(" ") as [string, string, string];
      return { mode, type, sha, file };
    })
    .filter((entry) => entry.type === "blob" && entry.mode !== "120000");
  const batch = git(["--git-dir", gitDir, "cat-file", "--batch"], {
    input: entries.map((e) => e.sha).join("\n") + "\n",
  });
  let offset = 0;
  let missing = 0;
  for (const entry of entries) {
    const headerEnd = batch.indexOf(10, offset);
    const header = batch.subarray(offset, headerEnd).toString();
    offset = headerEnd + 1;
    if (header.endsWith(" missing")) {
      missing++;
      continue;
    }
    const size = Number(header.split(" ")[2]);
    const target = path.join(into, entry.file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, batch.subarray(offset, offset + size), { mode: entry.mode === "100755" ? 0o755 : 0o644 });
    offset += size + 1;
  }
  return missing;
}

for (const app of readApps()) {
  if (onlyApps.length > 0 && !onlyApps.includes(app.id)) continue;
  const into = path.join(folder, app.id);
  if (existsSync(into)) {
    console.log(`${app.id}: already there`);
    continue;
  }
  const [owner, name] = app.repo.split("/") as [string, string];
  if (template) {
    const gitDir = template.replaceAll("{owner}", owner).replaceAll("{name}", name).replaceAll("{repo}", app.repo);
    mkdirSync(into, { recursive: true });
    const missing = extract(app, gitDir, into);
    console.log(
      `${app.id}: ${app.repo}@${app.commit.slice(0, 10)}${missing > 0 ? ` (${missing} files without objects skipped)` : ""}`,
    );
  } else {
    clone(app, into);
    console.log(`${app.id}: cloned ${app.repo}@${app.commit.slice(0, 10)}`);
  }
}
