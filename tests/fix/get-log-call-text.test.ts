import { describe, expect, it } from "vitest";

import { getLogCallText, type LogCallParts } from "../../src/fix/get-log-call-text.js";

const parts = (overrides: Partial<LogCallParts>): LogCallParts => ({
  level: "info",
  message: undefined,
  values: [],
  errorIndex: undefined,
  ...overrides,
});
const orderId = { key: "orderId", text: "order.id" };
const error = { key: "error", text: "error" };

describe("getLogCallText", () => {
  it("pino: the error under err, beside the other fields in argument order; a field already named err is renamed", () => {
    expect(
      getLogCallText(
        "logger",
        "pino",
        parts({ level: "error", message: "Charge failed", values: [orderId, error], errorIndex: 1 }),
      ),
    ).toBe('logger.error({ orderId: order.id, err: error }, "Charge failed")');
    expect(
      getLogCallText("logger", "pino", parts({ values: [{ key: "err", text: "code" }, error], errorIndex: 1 })),
    ).toBe("logger.info({ err2: code, err: error })");
  });

  it("winston: a message always; the error as the meta argument, other values in the meta or a child logger's metadata", () => {
    expect(getLogCallText("logger", "winston", parts({ values: [orderId] }))).toBe(
      'logger.info("orderId", { orderId: order.id })',
    );
    expect(
      getLogCallText(
        "logger",
        "winston",
        parts({ level: "error", message: "Charge failed", values: [error], errorIndex: 0 }),
      ),
    ).toBe('logger.error("Charge failed", error)');
    expect(
      getLogCallText(
        "logger",
        "winston",
        parts({ level: "error", message: "Charge failed", values: [orderId, error], errorIndex: 1 }),
      ),
    ).toBe('logger.child({ orderId: order.id }).error("Charge failed", error)');
  });

  it("nest: log for info, the stack at error level only, and a stack only from a plain binding", () => {
    expect(getLogCallText("this.logger", "nest", parts({ message: "Saved", values: [orderId] }))).toBe(
      'this.logger.log("Saved", { orderId: order.id })',
    );
    expect(
      getLogCallText(
        "this.logger",
        "nest",
        parts({ level: "error", message: "Charge failed", values: [orderId, error], errorIndex: 1 }),
      ),
    ).toBe(
      'this.logger.error("Charge failed", { orderId: order.id }, error instanceof Error ? error.stack : String(error))',
    );
    expect(
      getLogCallText(
        "this.logger",
        "nest",
        parts({ level: "warn", message: "Retrying", values: [error], errorIndex: 0 }),
      ),
    ).toBeUndefined();
    expect(
      getLogCallText(
        "this.logger",
        "nest",
        parts({ level: "error", message: "x", values: [{ key: "error", text: 'new Error("x")' }], errorIndex: 0 }),
      ),
    ).toBe('this.logger.error("x", { error: new Error("x") })');
  });

  it("nothing to log: no call", () => {
    for (const style of ["pino", "winston", "nest", "console"] as const)
      expect(getLogCallText("logger", style, parts({}))).toBeUndefined();
  });
});
