import { describe, expect, it } from "vitest";

import { compileMatcher } from "../../src/project/get-next-middleware.js";

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
