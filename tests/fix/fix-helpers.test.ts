import tsParser from "@typescript-eslint/parser";
import type { TSESLint } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import * as espree from "espree";
import { describe, expect, it } from "vitest";

import { getImportFixes } from "../../src/fix/get-import-fixes.js";
import { getModuleHelperFix } from "../../src/fix/get-module-helper-fix.js";
import { insertStatementAfter, insertStatementBefore } from "../../src/fix/insert-statement.js";
import type { ImportedName } from "../../src/utils/settings.js";

type FixBuilder = (
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  program: TSESLint.SourceCode["ast"],
) => TSESLint.RuleFix[];

/** Applies `build`'s fixes to `code` once, through ESLint's own fixer. */
function applyFix(
  code: string,
  build: FixBuilder,
  filename = "src/a.ts",
  sourceType: "module" | "commonjs" = "module",
  parser: Linter.Parser = tsParser,
): string {
  const linter = new Linter({ configType: "flat" });
  const rule = {
    meta: { fixable: "code", schema: [] },
    create: (context: TSESLint.RuleContext<string, []>) => ({
      Program(node: TSESLint.SourceCode["ast"]) {
        context.report({
          node,
          message: "fix",
          fix: (fixer: TSESLint.RuleFixer) => build(fixer, context.sourceCode, node),
        } as never);
      },
    }),
  };
  const [message] = linter.verify(
    code,
    [
      {
        files: ["**/*.{js,ts,cjs}"],
        languageOptions: { parser, sourceType },
        plugins: { t: { rules: { fix: rule as never } } },
        rules: { "t/fix": "error" },
      },
    ],
    { filename },
  );
  if (!message?.fix) return code;
  // One pass only: the probe's fixes are not meant to converge.
  return code.slice(0, message.fix.range[0]) + message.fix.text + code.slice(message.fix.range[1]);
}

const addImport =
  (imported: ImportedName): FixBuilder =>
  (fixer, sourceCode) =>
    getImportFixes(fixer, sourceCode, imported);

describe("getImportFixes", () => {
  it("adds an ESM import after the last import", () => {
    expect(
      applyFix('import a from "a";\nimport b from "b";\nrun();', addImport({ name: "logger", source: "./log.js" })),
    ).toBe('import a from "a";\nimport b from "b";\nimport { logger } from "./log.js";\nrun();');
  });

  it("extends an existing named import from the same module", () => {
    expect(applyFix('import { a } from "./log.js";\nrun();', addImport({ name: "logger", source: "./log.js" }))).toBe(
      'import { a, logger } from "./log.js";\nrun();',
    );
    expect(applyFix('import log from "./log.js";\nrun();', addImport({ name: "logger", source: "./log.js" }))).toBe(
      'import log, { logger } from "./log.js";\nrun();',
    );
  });

  it("imports a type as a type: into the module's `import type`, as `type X` beside its values, or on its own", () => {
    const addType: FixBuilder = (fixer, sourceCode) =>
      getImportFixes(fixer, sourceCode, { name: "NextFunction", source: "express" }, { typeOnly: true });
    expect(applyFix('import type { Request } from "express";\nrun();', addType)).toBe(
      'import type { Request, NextFunction } from "express";\nrun();',
    );
    expect(applyFix('import express, { Router } from "express";\nrun();', addType)).toBe(
      'import express, { Router, type NextFunction } from "express";\nrun();',
    );
    expect(applyFix('import express from "express";\nrun();', addType)).toBe(
      'import express from "express";\nimport type { NextFunction } from "express";\nrun();',
    );
    expect(applyFix("run();", addType)).toBe('import type { NextFunction } from "express";\nrun();');
  });

  it("writes default and namespace imports", () => {
    expect(applyFix("run();", addImport({ name: "logger", source: "./log.js", importKind: "default" }))).toBe(
      'import logger from "./log.js";\nrun();',
    );
    expect(applyFix("run();", addImport({ name: "log.child", source: "./log.js", importKind: "namespace" }))).toBe(
      'import * as log from "./log.js";\nrun();',
    );
  });

  it("uses require in CommonJS files, after the last require", () => {
    expect(
      applyFix(
        '"use strict";\nconst x = require("x");\nrun();',
        addImport({ name: "logger", source: "./log" }),
        "src/a.cjs",
        "commonjs",
      ),
    ).toBe('"use strict";\nconst x = require("x");\nconst { logger } = require("./log");\nrun();');
    expect(
      applyFix(
        'const x = require("x");\nrun();',
        addImport({ name: "logger", source: "./log", importKind: "default" }),
        "src/a.js",
      ),
    ).toBe('const x = require("x");\nconst logger = require("./log");\nrun();');
  });

  // What ESLint lints a `.cjs` file with by default: the file's bindings live in a function scope.
  const inCjs = (code: string, imported: ImportedName) =>
    applyFix(code, addImport(imported), "src/a.cjs", "commonjs", espree);

  it("sees what a CommonJS file already requires, under espree's commonjs scope", () => {
    for (const code of [
      'const { logger } = require("../lib/logger");\nrun();',
      'const logger = require("pino")();\nrun();',
      'let logger = require("./log").logger;\nrun();',
      'var { default: logger } = require("./log");\nrun();',
      "function logger() {}\nrun();",
    ]) {
      expect(inCjs(code, { name: "logger", source: "./log" })).toBe(code);
    }
  });

  it("writes a require in a CommonJS file that has none yet, after its directive", () => {
    expect(inCjs("run();", { name: "logger", source: "./log" })).toBe('const { logger } = require("./log");\nrun();');
    expect(inCjs('"use strict";\nrun();', { name: "logger", source: "./log" })).toBe(
      '"use strict";\nconst { logger } = require("./log");\nrun();',
    );
  });

  it("adds the name to a destructured require of the same module", () => {
    expect(inCjs('const { child } = require("./log");\nrun();', { name: "logger", source: "./log" })).toBe(
      'const { child, logger } = require("./log");\nrun();',
    );
    // A rest element must stay last, and a whole-module require binds no name: a new require instead.
    expect(inCjs('const { a, ...rest } = require("./log");\nrun();', { name: "logger", source: "./log" })).toBe(
      'const { a, ...rest } = require("./log");\nconst { logger } = require("./log");\nrun();',
    );
  });

  it("puts a new require after requires run for their effect or called on the spot", () => {
    expect(
      inCjs('require("dotenv").config();\nconst app = require("express")();\nrun();', {
        name: "logger",
        source: "./log",
      }),
    ).toBe(
      'require("dotenv").config();\nconst app = require("express")();\nconst { logger } = require("./log");\nrun();',
    );
  });

  it("puts a new require before a require that runs code on the file's values", () => {
    // A fix may be rewriting `key` to use the required name, which must be initialised first.
    expect(inCjs('const stripe = require("stripe")(key);\nrun();', { name: "requireEnv", source: "./env" })).toBe(
      'const { requireEnv } = require("./env");\nconst stripe = require("stripe")(key);\nrun();',
    );
    // A destructured require below top-level code is initialised too late to take the name.
    expect(inCjs('run();\nconst { child } = require("./log");', { name: "logger", source: "./log" })).toBe(
      'const { logger } = require("./log");\nrun();\nconst { child } = require("./log");',
    );
  });

  it("adds nothing when the name is already declared or has no source", () => {
    expect(
      applyFix('import { logger } from "./other.js";\nrun();', addImport({ name: "logger", source: "./log.js" })),
    ).toBe('import { logger } from "./other.js";\nrun();');
    expect(applyFix("const logger = make();", addImport({ name: "logger", source: "./log.js" }))).toBe(
      "const logger = make();",
    );
    expect(applyFix("run();", addImport({ name: "logger" }))).toBe("run();");
  });

  it("keeps a leading comment on top and follows a semicolon-less style", () => {
    expect(applyFix("// @ts-check\nrun()\nstop()", addImport({ name: "logger", source: "./log.js" }))).toBe(
      '// @ts-check\nimport { logger } from "./log.js"\nrun()\nstop()',
    );
  });
});

describe("getModuleHelperFix", () => {
  const helper: FixBuilder = (fixer, sourceCode) => {
    const fix = getModuleHelperFix(fixer, sourceCode, "requireEnv", "function requireEnv(name) {\n  return name;\n}");
    return fix ? [fix] : [];
  };

  it("inserts the helper once, after the imports", () => {
    expect(applyFix('import a from "a";\nrun();', helper)).toBe(
      'import a from "a";\n\nfunction requireEnv(name) {\n  return name;\n}\n\nrun();',
    );
    expect(applyFix("run();", helper)).toBe("function requireEnv(name) {\n  return name;\n}\n\nrun();");
  });

  it("does nothing when the helper is already there", () => {
    expect(applyFix("function requireEnv(n) {}\nrun();", helper)).toBe("function requireEnv(n) {}\nrun();");
  });

  it("does nothing when a CommonJS file already requires the name", () => {
    const code = '"use strict";\nconst { requireEnv } = require("./env");\nrun();';
    expect(applyFix(code, helper, "src/a.cjs", "commonjs", espree)).toBe(code);
  });

  it("goes after the directive and every require of a CommonJS file", () => {
    expect(
      applyFix(
        '"use strict";\nrequire("dotenv").config();\nconst log = require("pino")();\nrun();',
        helper,
        "src/a.cjs",
        "commonjs",
        espree,
      ),
    ).toBe(
      '"use strict";\nrequire("dotenv").config();\nconst log = require("pino")();\n\nfunction requireEnv(name) {\n  return name;\n}\n\nrun();',
    );
  });
});

describe("insertStatementBefore / insertStatementAfter", () => {
  const around: FixBuilder = (fixer, sourceCode, program) => {
    const fn = program.body[0] as unknown as { body: { body: TSESLint.SourceCode["ast"]["body"] } };
    const target = fn.body.body[0]!;
    return [
      insertStatementBefore(fixer, sourceCode, target, "before()"),
      insertStatementAfter(fixer, sourceCode, target, "[1].forEach(after)"),
    ];
  };

  it("keeps indentation and the file's semicolons", () => {
    expect(applyFix("function f() {\n  work();\n}", around)).toBe(
      "function f() {\n  before();\n  work();\n  [1].forEach(after);\n}",
    );
  });

  it("guards ASI hazards in semicolon-less files", () => {
    expect(applyFix("function f() {\n  work()\n}\nf()", around)).toBe(
      "function f() {\n  before()\n  work()\n  ;[1].forEach(after)\n}\nf()",
    );
  });
});
