import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

import { getImporters } from "../../src/project/get-importers.js";
import { inferSingleRun, isSingleRun } from "../../src/project/is-single-run.js";
import { readProjectFile } from "../../src/project/read-project-file.js";
import { getModificationTime } from "../../src/utils/find-nearest-file.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");

describe("inferSingleRun", () => {
  const argv = process.argv;
  afterEach(() => {
    vi.unstubAllEnvs();
    process.argv = argv;
  });

  it("follows TSESTREE_SINGLE_RUN when it is set, as typescript-eslint does", () => {
    vi.stubEnv("CI", "true");
    vi.stubEnv("TSESTREE_SINGLE_RUN", "false");
    expect(inferSingleRun()).toBe(false);
    vi.stubEnv("CI", "");
    vi.stubEnv("TSESTREE_SINGLE_RUN", "true");
    expect(inferSingleRun()).toBe(true);
  });

  it("is a one-time run in CI and under the eslint and harden commands, not in other processes", () => {
    vi.stubEnv("TSESTREE_SINGLE_RUN", "");
    vi.stubEnv("CI", "true");
    expect(inferSingleRun()).toBe(true);
    vi.stubEnv("CI", "");
    process.argv = ["node", "/app/node_modules/.bin/eslint", "src"];
    expect(inferSingleRun()).toBe(true);
    process.argv = ["node", "/app/node_modules/eslint/bin/eslint.js", "src"];
    expect(inferSingleRun()).toBe(true);
    process.argv = ["node", "/app/node_modules/.bin/harden", "routes"];
    expect(inferSingleRun()).toBe(true);
    process.argv = ["node", "/app/node_modules/eslint-plugin-harden/dist/cli/harden.js", "report"];
    expect(inferSingleRun()).toBe(true);
    process.argv = ["node", "/ext/eslintServer.js", "--stdio"];
    expect(inferSingleRun()).toBe(false);
  });
});

describe("a one-time run", () => {
  const directory = mkdtempSync(path.join(os.tmpdir(), "harden-single-run-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("lists the project and reads each other file once", () => {
    vi.stubEnv("TSESTREE_SINGLE_RUN", "true");
    expect(isSingleRun()).toBe(true);
    cpSync(path.join(FIXTURES, "mounts-express"), directory, { recursive: true });
    const reports = path.join(directory, "src/routes/reports.ts");
    const app = path.join(directory, "src/app.ts");
    expect(getImporters(reports)).toEqual([app]);
    const facts = readProjectFile(app);
    expect(facts).toBeDefined();

    // Nothing changes while `eslint` runs; what changed is read by the next run.
    writeFileSync(app, readFileSync(app, "utf8").replace('app.use("/api/reports", reports)', ""));
    writeFileSync(path.join(directory, "src/other.ts"), 'import reports from "./routes/reports.js";\n');
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 60_000);
    expect(readProjectFile(app)).toBe(facts);
    expect(getImporters(reports)).toEqual([app]);
    vi.useRealTimers();
  });

  it("asks the file system once per file for a modification time", () => {
    vi.stubEnv("TSESTREE_SINGLE_RUN", "true");
    expect(isSingleRun()).toBe(true);
    const manifest = path.join(directory, "package.json");
    const missing = path.join(directory, "wrangler.toml");
    writeFileSync(manifest, "{}\n");
    const time = getModificationTime(manifest);
    expect(time).toBeTypeOf("number");
    expect(getModificationTime(missing)).toBeUndefined();

    rmSync(manifest);
    writeFileSync(missing, "");
    expect(getModificationTime(manifest)).toBe(time);
    expect(getModificationTime(missing)).toBeUndefined();
  });
});
