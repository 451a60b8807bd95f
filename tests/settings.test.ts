import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";

import plugin from "../src/index.js";
import { hardenSettingsSchema, resolveImportSource } from "../src/utils/settings.js";
import { validateAgainstSchema } from "../src/utils/validate-schema.js";

const check = (value: unknown) => validateAgainstSchema(value, hardenSettingsSchema, "settings.harden");

describe("resolveImportSource", () => {
  it("writes a root-relative source relative to each file", () => {
    expect(resolveImportSource("./src/lib/logger.js", "/repo/src/routes", "/repo")).toBe("../lib/logger.js");
    expect(resolveImportSource("./src/lib/logger.js", "/repo/src/lib", "/repo")).toBe("./logger.js");
    expect(resolveImportSource("./src/lib/logger.js", "/repo", "/repo")).toBe("./src/lib/logger.js");
    expect(resolveImportSource("../shared/env.js", "/repo/app/api", "/repo")).toBe("../../../shared/env.js");
  });

  it("keeps package names, subpath imports and aliases as written", () => {
    for (const source of ["pino", "@acme/logger", "#lib/logger", "@/lib/logger", "~/auth"]) {
      expect(resolveImportSource(source, "/repo/src/routes", "/repo")).toBe(source);
    }
  });
});

describe("settings.harden validation", () => {
  it("accepts a complete, valid settings object", () => {
    expect(
      check({
        logger: { name: "logger", source: "./logger.js", importKind: "named", style: "winston" },
        auth: {
          middleware: { name: "requireAuth", source: "./auth.js" },
          guard: { name: "AuthGuard" },
          sessionCheck: { name: "auth", source: "@/auth" },
          names: ["mustBeAdmin"],
          publicMarkers: ["Public"],
        },
        validation: { library: "zod", source: "zod", names: ["validateBody"] },
        env: { name: "requireEnv", source: "./env.js" },
        publicPaths: ["/webhooks/*"],
      }),
    ).toBeUndefined();
  });

  it.each([
    [
      { loger: {} },
      'settings.harden.loger is not a known key; did you mean "logger"? (expected one of: logger, auth, validation, env, publicPaths)',
    ],
    [
      { logger: { name: "log", style: "bunyan" } },
      'settings.harden.logger.style must be one of "pino", "winston" (got "bunyan")',
    ],
    [{ logger: { source: "./x" } }, "settings.harden.logger.name is required"],
    [{ logger: { name: "" } }, 'settings.harden.logger.name must be a non-empty string (got "")'],
    [{ publicPaths: "/health" }, "settings.harden.publicPaths must be an array of strings (got a string)"],
    [{ publicPaths: ["/ok", 3] }, "settings.harden.publicPaths[1] must be a non-empty string (got 3)"],
    [
      { validation: { library: "joi" } },
      'settings.harden.validation.library must be one of "zod", "valibot" (got "joi")',
    ],
    [
      { auth: { middleware: "requireAuth" } },
      "settings.harden.auth.middleware must be an object with name, source, importKind (got a string)",
    ],
    [
      { validation: { libary: "zod" } },
      'settings.harden.validation.libary is not a known key; did you mean "library"? (expected one of: library, source, names)',
    ],
    [
      { logger: { name: "log", Style: "pino" } },
      'settings.harden.logger.Style is not a known key; did you mean "style"? (expected one of: name, source, importKind, style)',
    ],
    [
      { auth: { middlewares: { name: "requireAuth" } } },
      'settings.harden.auth.middlewares is not a known key; did you mean "middleware"? (expected one of: middleware, guard, sessionCheck, names, publicMarkers, protectedPaths)',
    ],
    [
      { logging: {} },
      "settings.harden.logging is not a known key (expected one of: logger, auth, validation, env, publicPaths)",
    ],
    [[], "settings.harden must be an object with logger, auth, validation, env, publicPaths (got an array)"],
  ])("rejects %j naming the bad key", (value, message) => {
    expect(check(value)).toBe(message);
  });

  it("fails the lint run with one clear error for bad settings", () => {
    const linter = new Linter({ configType: "flat" });
    expect(() =>
      linter.verify(
        'console.log("x");',
        [
          {
            files: ["**/*.ts"],
            languageOptions: { parser: tsParser },
            plugins: { harden: plugin },
            settings: { harden: { logger: { name: "logger", style: "bunyan" } } },
            rules: { "harden/no-print-debugging": "error" },
          },
        ],
        { filename: "src/a.ts" },
      ),
    ).toThrow(
      'eslint-plugin-harden: invalid settings.harden.logger.style must be one of "pino", "winston" (got "bunyan")',
    );
  });

  it("fails with the settings line alone: no stack trace, no rule named as the culprit", () => {
    const linter = new Linter({ configType: "flat" });
    let thrown: unknown;
    try {
      linter.verify(
        "const a = 1;",
        [
          {
            files: ["**/*.ts"],
            languageOptions: { parser: tsParser },
            plugins: { harden: plugin },
            settings: { harden: { validation: { libary: "zod" } } },
            rules: { "harden/no-catch-all-500": "error" },
          },
        ],
        { filename: "src/a.ts" },
      );
    } catch (error) {
      thrown = error;
    }
    // ESLint's CLI prints a fatal error's stack: it must be the one line that names the key.
    expect((thrown as Error).stack).toBe(
      'eslint-plugin-harden: invalid settings.harden.validation.libary is not a known key; did you mean "library"? (expected one of: library, source, names)',
    );
  });

  it("fails on a file no rule has anything to say about, with any one rule on", () => {
    // Rules skip most files after a glance at the text; the settings are checked before that.
    for (const rule of Object.keys(plugin.rules)) {
      const linter = new Linter({ configType: "flat" });
      expect(() =>
        linter.verify(
          "export const answer = 42;",
          [
            {
              files: ["**/*.ts"],
              languageOptions: { parser: tsParser },
              plugins: { harden: plugin },
              settings: { harden: { publicPaths: "/health" } },
              rules: { [`harden/${rule}`]: "error" },
            },
          ],
          { filename: "src/a.ts" },
        ),
      ).toThrow("eslint-plugin-harden: invalid settings.harden.publicPaths must be an array of strings (got a string)");
    }
  });

  it("rejects invalid rule options with ESLint's schema error naming the option", () => {
    const linter = new Linter({ configType: "flat" });
    expect(() =>
      linter.verify(
        "debugger;",
        [
          {
            files: ["**/*.ts"],
            plugins: { harden: plugin },
            rules: { "harden/no-print-debugging": ["error", { alow: ["log"] }] },
          },
        ],
        { filename: "src/a.ts" },
      ),
    ).toThrow(/harden\/no-print-debugging[\s\S]*should NOT have additional properties[\s\S]*alow/u);
  });
});
