import { describe, expect, it } from "vitest";

import { rules } from "../src/rules/index.js";
import { hardenSettingsSchema } from "../src/utils/settings.js";
import { validateAgainstSchema } from "../src/utils/validate-schema.js";
import { isLineInGap, readApps, readFixSafetyApps, readGaps, readJudgments } from "../scripts/real-apps/manifest.js";

const ruleIds = new Set(Object.keys(rules));

describe("the real-app benchmark's committed data", () => {
  const apps = readApps();
  const ids = new Set(apps.map((app) => app.id));

  it("pins every app to a commit and names its server paths", () => {
    expect(ids.size).toBe(apps.length);
    for (const app of apps) {
      expect(app.repo, app.id).toMatch(/^[\w.-]+\/[\w.-]+$/u);
      expect(app.commit, app.id).toMatch(/^[0-9a-f]{40}$/u);
      expect(["express", "fastify", "hono", "koa", "next-app", "next-pages", "nestjs"], app.id).toContain(
        app.framework,
      );
      expect(["js", "ts"], app.id).toContain(app.language);
      expect(["prototype", "tutorial", "boilerplate", "production"], app.id).toContain(app.kind);
      expect(app.serverPaths.length, app.id).toBeGreaterThan(0);
      for (const serverPath of app.serverPaths) expect(serverPath, app.id).not.toMatch(/^\/|\.\./u);
    }
  });

  it("has at least three apps per framework, JavaScript and TypeScript among them", () => {
    for (const framework of ["express", "fastify", "hono", "koa", "next-app", "next-pages", "nestjs"]) {
      expect(apps.filter((app) => app.framework === framework).length, framework).toBeGreaterThanOrEqual(3);
    }
    expect(apps.some((app) => app.language === "js")).toBe(true);
    expect(apps.some((app) => app.language === "ts")).toBe(true);
  });

  it("judges only findings of known apps and rules, each once, with a reason", () => {
    const seen = new Set<string>();
    for (const judgment of readJudgments()) {
      const key = `${judgment.app} ${judgment.file}:${judgment.line} ${judgment.rule} ${judgment.config}`;
      expect(ids, key).toContain(judgment.app);
      expect(ruleIds, key).toContain(judgment.rule);
      expect(judgment.line, key).toBeGreaterThan(0);
      expect(judgment.reason.trim(), key).not.toBe("");
      expect(seen.has(key), `${key} is judged twice`).toBe(false);
      seen.add(key);
    }
  });

  it("labels gaps of known apps and rules", () => {
    for (const gap of readGaps()) {
      expect(ids, gap.file).toContain(gap.app);
      expect(ruleIds, `${gap.app} ${gap.file}`).toContain(gap.rule);
      expect(gap.lines, `${gap.app} ${gap.file}`).toMatch(/^(?:\*|\d+(?:-\d+)?)$/u);
    }
  });

  it("type-checks apps of the manifest for fix safety, with valid settings", () => {
    for (const entry of readFixSafetyApps()) {
      expect(ids).toContain(entry.id);
      expect(
        validateAgainstSchema(JSON.parse(entry.settings), hardenSettingsSchema, "settings.harden"),
        entry.id,
      ).toBeUndefined();
    }
  });
});

describe("isLineInGap", () => {
  it("takes a line, a range or the whole file", () => {
    expect(isLineInGap("12", 12)).toBe(true);
    expect(isLineInGap("12", 13)).toBe(false);
    expect(isLineInGap("12-18", 12)).toBe(true);
    expect(isLineInGap("12-18", 18)).toBe(true);
    expect(isLineInGap("12-18", 19)).toBe(false);
    expect(isLineInGap("*", 1)).toBe(true);
  });
});
