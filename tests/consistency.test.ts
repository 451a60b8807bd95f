import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import plugin from "../src/index.js";
import { rules } from "../src/rules/index.js";
import { getDocsUrl, REPOSITORY_URL } from "../src/utils/create-rule.js";

const root = path.resolve(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  name: string;
  version: string;
  repository: { url: string };
};
const ruleFiles = readdirSync(path.join(root, "src/rules"))
  .filter((f) => f.endsWith(".ts") && f !== "index.ts")
  .map((f) => f.slice(0, -3))
  .sort();

describe("every rule is exported, configured, documented and tested", () => {
  it("src/rules/*.ts and the exported rules are the same set", () => {
    expect(Object.keys(rules).sort()).toEqual(ruleFiles);
    expect(Object.keys(plugin.rules).sort()).toEqual(ruleFiles);
  });

  it.each(ruleFiles)("%s", (id) => {
    const rule = rules[id as keyof typeof rules];
    expect(rule.name).toBe(id);
    expect(rule.meta.docs?.url).toBe(getDocsUrl(id));
    expect(rule.meta.docs?.description).toMatch(/^(?:Disallow|Require|Enforce) .+\.$/u);
    expect(plugin.configs.strict.rules).toHaveProperty(`harden/${id}`);
    const recommended = rule.meta.docs?.recommended;
    const inRecommended =
      recommended === "recommended" || (typeof recommended === "object" && recommended.recommended === true);
    expect(Object.hasOwn(plugin.configs.recommended.rules ?? {}, `harden/${id}`)).toBe(inRecommended);
    expect(existsSync(path.join(root, "docs/rules", `${id}.md`)), `docs/rules/${id}.md`).toBe(true);
    expect(existsSync(path.join(root, "tests/rules", `${id}.test.ts`)), `tests/rules/${id}.test.ts`).toBe(true);
    expect(readFileSync(path.join(root, "README.md"), "utf8")).toContain(`docs/rules/${id}.md`);
    // Options are a typed tuple with defaults and a strict schema.
    const schema = rule.meta.schema;
    if (Array.isArray(schema) && schema.length > 0) {
      expect(rule.meta.defaultOptions).toBeDefined();
      for (const option of schema) {
        if ((option as { type?: string }).type === "object")
          expect((option as { additionalProperties?: boolean }).additionalProperties).toBe(false);
      }
    }
    // Messages teach: full sentences.
    for (const message of Object.values(rule.meta.messages)) expect(message).toMatch(/[.?]$/u);
  });
});

describe("docs/architecture.md names every module of the models", () => {
  const architecture = readFileSync(path.join(root, "docs/architecture.md"), "utf8");
  const modules = ["src/frameworks", "src/project"].flatMap((directory) =>
    readdirSync(path.join(root, directory))
      .filter((f) => f.endsWith(".ts") && f !== "index.ts")
      .map((f) => `${directory}/${f}`),
  );
  it.each(modules)("%s", (module) => {
    expect(architecture).toContain(`\`${path.basename(module)}\``);
  });
  it("and every rule", () => {
    for (const id of ruleFiles) expect(architecture).toContain(`\`${id}\``);
  });
});

describe("plugin meta", () => {
  it("names, versions and namespaces the plugin from package.json", () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: "harden" });
  });

  it("links rule docs into this repository", () => {
    expect(pkg.repository.url).toContain(REPOSITORY_URL.replace("https://", ""));
  });
});
