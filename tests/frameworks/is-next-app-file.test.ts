import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";

import { isNextAppFile } from "../../src/frameworks/index.js";

/**
 * Asks `isNextAppFile` from a real rule context, with ESLint working in `cwd` (for an absolute
 * `filename`, by default the root of its file system, as RuleTester does).
 */
function isNext(
  filename: string,
  {
    code = "export {};",
    cwd = path.isAbsolute(filename) ? path.parse(filename).root : undefined,
  }: { code?: string; cwd?: string } = {},
): boolean {
  let answer: boolean | undefined;
  const linter = new Linter({ configType: "flat", ...(cwd === undefined ? {} : { cwd }) });
  const probe = {
    meta: { schema: [] },
    create(context: Parameters<typeof isNextAppFile>[0]) {
      answer = isNextAppFile(context);
      return {};
    },
  };
  const messages = linter.verify(
    code,
    [
      {
        files: ["**/*.{ts,tsx}"],
        plugins: { probe: { rules: { probe: probe as never } } },
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        rules: { "probe/probe": "error" },
      },
    ],
    { filename },
  );
  expect(messages).toEqual([]);
  if (answer === undefined) throw new Error(`the probe did not run on ${filename}`);
  return answer;
}

const created: string[] = [];
function project(manifest: Record<string, unknown> | undefined): string {
  const dir = mkdtempSync(path.join(tmpdir(), "harden-next-detect-"));
  created.push(dir);
  if (manifest) writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest));
  return dir;
}
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

describe("isNextAppFile", () => {
  it("route handler files and modules that import from Next.js, wherever they are", () => {
    // This repository's package.json has `next` only in devDependencies.
    expect(isNext("app/api/users/route.ts")).toBe(true);
    expect(isNext("pages/api/users.ts")).toBe(true);
    expect(isNext("src/lib/session.ts", { code: 'import { cookies } from "next/headers";' })).toBe(true);
    expect(isNext("src/lib/auth.ts", { code: 'import NextAuth from "next-auth";' })).toBe(true);
    expect(isNext("src/server.ts", { code: 'import express from "express";' })).toBe(false);
    expect(isNext("app/lib/db.ts")).toBe(false);
  });

  it("any file of a package that depends on next", () => {
    const app = project({ dependencies: { next: "16.0.0" } });
    expect(isNext(path.join(app, "lib", "auth.ts"))).toBe(true);
    expect(isNext(path.join(app, "instrumentation.ts"))).toBe(true);
    const library = project({ peerDependencies: { next: ">=15" } });
    expect(isNext(path.join(library, "src", "index.ts"))).toBe(true);
  });

  it("not a package with next in devDependencies only, nor a server with an app/ folder", () => {
    const tooling = project({ devDependencies: { next: "16.0.0" } });
    expect(isNext(path.join(tooling, "lib", "auth.ts"))).toBe(false);
    const server = project({ dependencies: { express: "5.0.0" } });
    expect(isNext(path.join(server, "app", "routes", "users.ts"))).toBe(false);
    expect(isNext(path.join(server, "src", "middleware.ts"))).toBe(false);
  });

  it("the nearest package.json decides, and is read again when it changes", () => {
    const monorepo = project({ dependencies: { next: "16.0.0" } });
    const api = path.join(monorepo, "apps", "api");
    mkdirSync(api, { recursive: true });
    const manifest = path.join(api, "package.json");
    writeFileSync(manifest, JSON.stringify({ dependencies: { fastify: "5.0.0" } }));
    expect(isNext(path.join(api, "src", "server.ts"))).toBe(false);
    writeFileSync(manifest, JSON.stringify({ dependencies: { fastify: "5.0.0", next: "16.0.0" } }));
    const later = new Date(Date.now() + 60_000);
    utimesSync(manifest, later, later);
    expect(isNext(path.join(api, "src", "server.ts"))).toBe(true);
  });

  it.skipIf(existsSync(path.join(tmpdir(), "package.json")))(
    "without any package.json, Next.js's folders and files by path",
    () => {
      const cwd = project(undefined);
      const at = (file: string) => isNext(path.join(cwd, file), { cwd });
      expect(at("app/lib/db.ts")).toBe(true);
      expect(at("src/app/page.tsx")).toBe(true);
      expect(at("pages/index.tsx")).toBe(true);
      expect(at("src/pages/_app.tsx")).toBe(true);
      expect(at("middleware.ts")).toBe(true);
      expect(at("src/proxy.ts")).toBe(true);
      expect(at("src/routes/users.ts")).toBe(false);
      expect(at("lib/app/config.ts")).toBe(false);
      expect(at("src/lib/middleware.ts")).toBe(false);
    },
  );
});
