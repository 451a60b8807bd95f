import type { TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";

import { getErrorLogCall } from "../../src/fix/get-error-log-call.js";
import { getCallName, getOperationName } from "../../src/fix/get-operation-name.js";
import { probeModel } from "../utils/probe-model.js";

/** The operation name of the first `try` block in `code`. */
function operationOf(code: string): string | undefined {
  let name: string | undefined;
  let seen = false;
  probeModel(code, (context) => ({
    TryStatement(node: TSESTree.TryStatement) {
      if (seen) return;
      seen = true;
      name = getOperationName(node.block, context.sourceCode.visitorKeys);
    },
  }));
  return name;
}

function callNameOf(code: string): string | undefined {
  let name: string | undefined;
  probeModel(code, () => ({
    "Program > ExpressionStatement > CallExpression"(node: TSESTree.CallExpression) {
      name = getCallName(node);
    },
  }));
  return name;
}

describe("getOperationName", () => {
  it("names the first awaited call, outermost first", () => {
    expect(operationOf("try { const user = await db.user.create({ data }); res.json(user); } catch {}")).toBe(
      "db.user.create",
    );
    expect(operationOf("try { await save(await load()); } catch {}")).toBe("save");
    expect(operationOf("class A { async f() { try { return await this.usersService.findAll(); } catch {} } }")).toBe(
      "usersService.findAll",
    );
  });

  it("prefers the operation over reading the request body", () => {
    expect(operationOf("try { const body = await req.json(); await orders.create(body); } catch {}")).toBe(
      "orders.create",
    );
    expect(operationOf("try { body = await request.json(); } catch {}")).toBe("request.json");
  });

  it("without await, names the first call that runs", () => {
    expect(operationOf("try { res.json(JSON.parse(text)); } catch {}")).toBe("JSON.parse");
    expect(operationOf("try { const v = schema.parse(Object.fromEntries(params)); } catch {}")).toBe("schema.parse");
  });

  it("skips built-ins, next() and nested functions; undefined when nothing is left", () => {
    expect(operationOf("try { await Promise.all([a(), b()]); } catch {}")).toBe("a");
    expect(operationOf("try { await next(); } catch {}")).toBeUndefined();
    expect(operationOf("try { items.forEach(() => save()); } catch {}")).toBe("items.forEach");
    expect(operationOf("try { value = config.port; } catch {}")).toBeUndefined();
    expect(operationOf("try { await handlers[name](); } catch {}")).toBeUndefined();
  });
});

describe("getCallName", () => {
  it("names builder and promise chains by the call they start from", () => {
    expect(callNameOf("db.select().from(users).where(x);")).toBe("db.select");
    expect(callNameOf("fetch(url).then(parse);")).toBe("fetch");
    expect(callNameOf("promise.then(parse);")).toBeUndefined();
    expect(callNameOf('client["send"](cmd);')).toBe("client.send");
  });
});

describe("getErrorLogCall", () => {
  it("puts the error where each logger serializes it", () => {
    expect(getErrorLogCall("logger", "pino", "err", "db.user.create failed")).toBe(
      'logger.error({ err }, "db.user.create failed")',
    );
    expect(getErrorLogCall("request.log", "pino", "e", "x failed")).toBe('request.log.error({ err: e }, "x failed")');
    // Winston copies a meta argument's message and stack; an error nested in an object prints as `{}`.
    expect(getErrorLogCall("logger", "winston", "error", 'say "hi" failed')).toBe(
      'logger.error("say \\"hi\\" failed", error)',
    );
    expect(getErrorLogCall("this.logger", "nest", "e", "x failed")).toBe(
      'this.logger.error("x failed", e instanceof Error ? e.stack : String(e))',
    );
    expect(getErrorLogCall("console", "console", "err", "x failed")).toBe('console.error("x failed", err)');
    expect(getErrorLogCall("console", "console", "err", undefined)).toBe("console.error(err)");
  });
});
