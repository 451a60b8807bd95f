import { ASTUtils, type TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";

import { getCaughtError, getCaughtErrorOf, getCaughtErrorVariables } from "../../src/utils/get-caught-error.js";
import { isErrorDiscriminated } from "../../src/utils/is-error-discriminated.js";
import { isNarrowedToClientError } from "../../src/utils/is-narrowed-to-client-error.js";
import { probeModel } from "./probe-model.js";

interface Probe {
  kind: string | undefined;
  param: string | undefined;
  central: boolean | undefined;
  handler: string | undefined;
  discriminated: boolean | undefined;
  narrowed: boolean | undefined;
}

/** Evaluates the helpers at every `mark()` call. */
function probe(code: string, filename = "src/server.ts"): Probe[] {
  const found: Probe[] = [];
  probeModel(
    code,
    (context) => ({
      "CallExpression[callee.name='mark']"(node: TSESTree.CallExpression) {
        const caught = getCaughtError(context, node);
        found.push({
          kind: caught?.kind,
          param: caught?.param ? context.sourceCode.getText(caught.param) : undefined,
          central: caught?.central,
          handler: caught?.handler ? `${caught.handler.framework}:${caught.handler.kind}` : undefined,
          discriminated: caught ? isErrorDiscriminated(context, caught, node) : undefined,
          narrowed: caught ? isNarrowedToClientError(context, caught, node) : undefined,
        });
      },
    }),
    filename,
  );
  return found;
}

const none = {
  kind: undefined,
  param: undefined,
  central: undefined,
  handler: undefined,
  discriminated: undefined,
  narrowed: undefined,
};

describe("getCaughtError", () => {
  it("finds catch clauses, rejection callbacks, error-first callbacks and central error handlers", () => {
    expect(
      probe(`import express from "express";
const app = express();
app.get("/a", async (req, res) => {
  try { await x(); } catch (err) { mark(); }
  try { await x(); } catch { mark(); }
  x().catch((e) => mark());
  x().then(ok, function (e) { mark(); });
  db.query(sql, (err, rows) => { if (err) { mark(); } mark(); });
  try { mark(); } catch (e) {}
  try { await x(); } catch (e) { setTimeout(() => mark()); }
});
app.use((err, req, res, next) => { mark(); });
`),
    ).toEqual([
      { kind: "catch", param: "err", central: false, handler: "express:route", discriminated: false, narrowed: false },
      {
        kind: "catch",
        param: undefined,
        central: false,
        handler: "express:route",
        discriminated: false,
        narrowed: false,
      },
      {
        kind: "rejection",
        param: "e",
        central: false,
        handler: "express:route",
        discriminated: false,
        narrowed: false,
      },
      {
        kind: "rejection",
        param: "e",
        central: false,
        handler: "express:route",
        discriminated: false,
        narrowed: false,
      },
      {
        kind: "callback",
        param: "err",
        central: false,
        handler: "express:route",
        discriminated: false,
        narrowed: false,
      },
      none,
      none,
      none,
      {
        kind: "error-handler",
        param: "err",
        central: true,
        handler: "express:error-handler",
        discriminated: false,
        narrowed: false,
      },
    ]);
  });

  it("treats Koa's try / await next() catch as the central error handler", () => {
    expect(
      probe(`import Koa from "koa";
const app = new Koa();
app.use(async (ctx, next) => { try { await next(); } catch (err) { mark(); } });
`),
    ).toEqual([
      {
        kind: "catch",
        param: "err",
        central: true,
        handler: "koa:error-handler",
        discriminated: false,
        narrowed: false,
      },
    ]);
  });

  it("follows aliases of the error, and only the error's own rejection callback", () => {
    const found: string[] = [];
    probeModel(
      `try { x(); } catch (err) {
  const e = err as Error;
  const f = err instanceof Error ? err : new Error(String(err));
  let g = err; g = other;
  use(e, f, g);
}
`,
      (context) => ({
        "CallExpression[callee.name='use']"(node: TSESTree.CallExpression) {
          const caught = getCaughtError(context, node)!;
          found.push(...getCaughtErrorVariables(context, caught).map((v) => v.name));
          for (const arg of node.arguments) {
            const variable = ASTUtils.findVariable(context.sourceCode.getScope(arg), arg as TSESTree.Identifier)!;
            found.push(`${(arg as TSESTree.Identifier).name}:${getCaughtErrorOf(context, variable, arg)?.kind ?? "-"}`);
          }
        },
      }),
    );
    expect(found).toEqual(["err", "e", "f", "e:-", "f:-", "g:-"]);
  });
});

describe("isErrorDiscriminated", () => {
  it("counts kind checks before the point, not logging or base-class checks", () => {
    expect(
      probe(`try { x(); } catch (err) {
  if (err instanceof ValidationError) {}
  mark();
}
try { x(); } catch (err) { switch (err.code) { default: mark(); } }
try { x(); } catch (err) { const { status } = err; mark(); }
try { x(); } catch (err) { if (isAxiosError(err)) {} mark(); }
try { x(); } catch (err) { if ("code" in err) {} mark(); }
try { x(); } catch (err) { if (err.response?.status === 404) {} mark(); }
try { x(); } catch (err) { const e = err as AppError; if (e.isOperational) {} mark(); }
try { x(); } catch (err) { logger.error({ code: err.code }, "failed"); mark(); }
try { x(); } catch (err) { if (err instanceof Error) {} mark(); }
try { x(); } catch (err) { mark(); if (err.name === "x") {} }
try { x(); } catch (err) { console.log(err.message); mark(); }
`).map((p) => p.discriminated),
    ).toEqual([true, true, true, true, true, true, true, false, false, false, false]);
  });
});

describe("isNarrowedToClientError", () => {
  it("is true in the branch that established a client error", () => {
    expect(
      probe(`try { x(); } catch (err) {
  if (err instanceof ValidationError) { mark(); } else { mark(); }
  if (err.name === "NotFoundError") mark();
  if (err.code !== "P2025") {} else { mark(); }
  err.status < 500 ? mark() : mark();
  if (err.expose) mark();
  if (isHttpError(err) && err.status === 404) mark();
  switch (err.name) { case "ConflictError": mark(); break; default: mark(); }
  switch (true) { case err instanceof ZodError: mark(); }
  if (err instanceof Prisma.PrismaClientKnownRequestError) mark();
  if (err.code === "ECONNREFUSED") mark();
  if (err instanceof Error) mark();
  if (err.status >= 500) { mark(); } else { mark(); }
}
`).map((p) => p.narrowed),
    ).toEqual([true, false, true, true, true, false, true, true, true, false, true, false, false, false, false, true]);
  });

  it("is true after an early exit for every other error", () => {
    expect(
      probe(`import express from "express";
const app = express();
app.use((err, req, res, next) => {
  if (!(err instanceof AppError)) return next(err);
  mark();
});
app.use((err, req, res, next) => {
  if (err instanceof AppError) return next(err);
  mark();
});
`).map((p) => p.narrowed),
    ).toEqual([true, false]);
  });
});
