import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";

import { getConfigRules } from "../src/configs.js";
import plugin from "../src/index.js";
import { rules, type RuleModule } from "../src/rules/index.js";
import type { HardenRuleDocs } from "../src/utils/create-rule.js";

function fakeRule(recommended: HardenRuleDocs["recommended"]): RuleModule {
  return {
    name: "x",
    defaultOptions: [],
    create: () => ({}),
    meta: { type: "problem", messages: {}, schema: [], docs: { description: "x", recommended } },
  } as unknown as RuleModule;
}

describe("getConfigRules derives configs from meta.docs.recommended", () => {
  const fake = {
    both: fakeRule("recommended"),
    strictOnly: fakeRule("strict"),
    stricter: fakeRule({ recommended: true, strict: [{ includeErrorAndWarn: true }] }),
    styleOnly: fakeRule("stylistic"),
  };

  it("recommended: rules marked recommended, with default options", () => {
    expect(getConfigRules(fake, "recommended")).toEqual({ "harden/both": "error", "harden/stricter": "error" });
  });

  it("strict: every rule, with the stricter options where a rule has them", () => {
    expect(getConfigRules(fake, "strict")).toEqual({
      "harden/both": "error",
      "harden/strictOnly": "error",
      "harden/stricter": ["error", { includeErrorAndWarn: true }],
    });
  });

  it("the plugin's configs are exactly the derivation over its rules", () => {
    expect(plugin.configs.recommended.rules).toEqual(getConfigRules(rules, "recommended"));
    expect(plugin.configs.strict.rules).toEqual(getConfigRules(rules, "strict"));
    expect(Object.keys(plugin.configs.strict.rules ?? {}).sort()).toEqual(
      Object.keys(rules)
        .map((id) => `harden/${id}`)
        .sort(),
    );
  });
});

describe("the configs", () => {
  it("are named, reference the plugin, and cover JS and TS files", () => {
    for (const [name, config] of Object.entries(plugin.configs)) {
      expect(config.name).toBe(`harden/${name}`);
      expect(config.plugins?.harden).toBe(plugin);
      expect(config.files).toEqual(["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"]);
    }
  });

  it("lint server code and leave test files and folders out", () => {
    const linter = new Linter({ configType: "flat" });
    const config: Linter.Config[] = [
      { files: ["**/*.{js,ts}"], languageOptions: { parser: tsParser } },
      plugin.configs.recommended,
    ];
    const lint = (filename: string) =>
      linter.verify("debugger;", config, { filename }).filter((m) => m.ruleId === "harden/no-print-debugging");
    expect(lint("src/server.ts")).toHaveLength(1);
    expect(lint("src/lib/util.js")).toHaveLength(1);
    expect(lint("src/server.test.ts")).toHaveLength(0);
    expect(lint("src/server.spec.js")).toHaveLength(0);
    expect(lint("test/helpers.ts")).toHaveLength(0);
    expect(lint("src/__tests__/a.ts")).toHaveLength(0);
  });

  it("leave out scripts, CLIs, seeds, migrations and test setup, but not routes served from such folders", () => {
    const linter = new Linter({ configType: "flat" });
    const config: Linter.Config[] = [
      { files: ["**/*.{js,ts,tsx}"], languageOptions: { parser: tsParser } },
      plugin.configs.recommended,
    ];
    const lint = (filename: string) =>
      linter.verify("debugger;", config, { filename }).filter((m) => m.ruleId === "harden/no-print-debugging");
    for (const filename of [
      "server/scripts/20240101-backfill-users.ts",
      "scripts/release.js",
      "bin/cli.js",
      "src/cli/import.ts",
      "prisma/seed.ts",
      "db/seeds/users.js",
      "src/seeders/demo.ts",
      "server/migrations/20220430-sort.js",
      "postinstall.js",
      "vitest.setup.ts",
      "jest.setup.js",
      "src/setupTests.ts",
    ]) {
      expect(lint(filename), filename).toHaveLength(0);
    }
    for (const filename of [
      "src/app/api/scripts/telemetry/route.ts",
      "pages/api/cli/token.ts",
      "server/routes/migrations/index.ts",
      "src/lib/integrations/slack/install.ts",
      "src/setup.ts",
    ]) {
      expect(lint(filename), filename).toHaveLength(1);
    }
  });

  it("strict turns on the stricter options", () => {
    const linter = new Linter({ configType: "flat" });
    const lint = (config: Linter.Config) =>
      linter
        .verify('console.error("x");', [config], { filename: "src/a.js" })
        .filter((m) => m.ruleId === "harden/no-print-debugging");
    expect(lint(plugin.configs.recommended)).toHaveLength(0);
    expect(lint(plugin.configs.strict)).toHaveLength(1);
  });
});
