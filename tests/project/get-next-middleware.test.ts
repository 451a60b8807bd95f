import path from "node:path";

import { describe, expect, it } from "vitest";

import { compileMatcher, isNextMiddlewareFile } from "../../src/project/get-next-middleware.js";

describe("compileMatcher", () => {
  it.each([
    ["/dashboard/:path*", "/dashboard", true],
    ["/dashboard/:path*", "/dashboard/a/b", true],
    ["/dashboard/:path*", "/dashboards", false],
    ["/api/:path+", "/api", false],
    ["/api/:path+", "/api/x", true],
    ["/login", "/login", true],
    ["/login", "/login/x", false],
    ["/((?!api/|_next/).*)", "/api/teams", false],
    ["/((?!api/|_next/).*)", "/settings", true],
    ["/((?!_next/static|favicon.ico|api/auth/session).*)", "/api/teams/x", true],
    ["/((?!_next/static|favicon.ico|api/auth/session).*)", "/api/auth/session", false],
  ])("%s on %s: %s", (pattern, path, expected) => {
    expect(compileMatcher(pattern)?.test(path)).toBe(expected);
  });
});

describe("isNextMiddlewareFile", () => {
  const app = path.resolve(import.meta.dirname, "../fixtures/next-middleware-app");
  it.each([
    ["middleware.ts", true],
    ["src/middleware.ts", true],
    ["proxy.js", true],
    ["lib/middleware.ts", false],
    ["src/app/middleware.ts", false],
    ["middleware.test.ts", false],
  ])("%s: %s", (file, expected) => {
    expect(isNextMiddlewareFile(path.join(app, file))).toBe(expected);
  });
});
