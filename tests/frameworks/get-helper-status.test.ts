import type { TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";

import { getHelperStatus } from "../../src/frameworks/index.js";
import { probeModel } from "../utils/probe-model.js";

/** The status of the first call or `new` in `code` that has one, outermost first. */
function statusOf(code: string): number | undefined {
  const found: (number | undefined)[] = [];
  const visit = (node: TSESTree.Node) => {
    found.push(getHelperStatus(node));
  };
  probeModel(code, () => ({ CallExpression: visit, NewExpression: visit }));
  return found.find((status) => status !== undefined);
}

describe("getHelperStatus", () => {
  it("reads helpers named for their status", () => {
    expect(statusOf("return reply.notFound();")).toBe(404);
    expect(statusOf("return reply.badRequest('missing id');")).toBe(400);
    expect(statusOf("throw Boom.unauthorized();")).toBe(401);
    expect(statusOf("throw httpErrors.conflict();")).toBe(409);
    expect(statusOf("throw new createError.NotFound();")).toBe(404);
    expect(statusOf("middlewareResponse.internalServerError(res);")).toBe(500);
    expect(statusOf("notFound();")).toBe(404);
    expect(statusOf("forbidden();")).toBe(403);
  });

  it("says nothing for other calls", () => {
    expect(statusOf("res.status(404).end();")).toBeUndefined();
    expect(statusOf("throw new NotFound();")).toBeUndefined();
    expect(statusOf("new notFound();")).toBeUndefined();
    expect(statusOf("conflict();")).toBeUndefined();
    expect(statusOf('client["notFound"]();')).toBeUndefined();
    expect(statusOf("items.push(404);")).toBeUndefined();
  });
});
