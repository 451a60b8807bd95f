import path from "node:path";

import { describe, expect, it } from "vitest";

import { getHandlerRegistrations } from "../../src/project/get-handler-registrations.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");

describe("getHandlerRegistrations", () => {
  it("Koa: members of a namespace import registered on a router, with the middleware before them", () => {
    const root = path.join(FIXTURES, "controllers-koa");
    const found = getHandlerRegistrations(path.join(root, "src/api/auth/auth.ctrl.js"));
    expect([...found.keys()].sort()).toEqual(["check", "login", "register", "stats"]);
    expect(found.get("register")).toEqual([
      {
        file: path.join(root, "src/api/auth/index.js"),
        line: 9,
        framework: "koa",
        method: "post",
        path: "/register",
        middleware: [],
      },
    ]);
    expect(found.get("login")?.[0]?.middleware).toEqual([
      { kind: "other", parts: ["validate"], root: "validate", text: "validate(loginSchema)" },
    ]);
  });

  it("Express: members of a required module object", () => {
    const root = path.join(FIXTURES, "controllers-express");
    const found = getHandlerRegistrations(path.join(root, "src/controllers/users.controller.js"));
    expect(
      found.get("createUser")?.map(({ framework, method, path: routePath, middleware }) => ({
        framework,
        method,
        routePath,
        middleware: middleware.map((m) => m.text),
      })),
    ).toEqual([{ framework: "express", method: "post", routePath: "/", middleware: ["validate(schemas.createUser)"] }]);
    expect(
      found.get("updateUser")?.map(({ method, path: routePath, middleware }) => ({ method, routePath, middleware })),
    ).toEqual([{ method: "patch", routePath: "/:id", middleware: [] }]);
  });
});
