import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { ESLint, type Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";

import { hardenSettingsSchema } from "../src/utils/settings.js";

const root = path.resolve(import.meta.dirname, "..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");

function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

function codeBlocks(text: string, language: string): string[] {
  return [...text.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, "gu"))].map((match) => match[1]!);
}

// Inside the repository, so the config's imports resolve as they do in a user's project.
const scratch = mkdtempSync(path.join(root, "tests", ".readme-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("README: the path of a new user", () => {
  it("the first config of Usage parses every TypeScript flavour, with no settings to get wrong", async () => {
    const [first] = codeBlocks(section("Usage"), "js");
    expect(first).toBeDefined();
    expect(first).not.toContain("settings");
    const configFile = path.join(scratch, "eslint.config.mjs");
    writeFileSync(configFile, first!);
    const config = ((await import(pathToFileURL(configFile).href)) as { default: Linter.Config[] }).default;
    mkdirSync(path.join(scratch, "src"), { recursive: true });
    const sources: Record<string, string> = {
      "server.ts": "const port: number = Number(process.env.PORT);\nexport { port };\n",
      "page.tsx": "export const Page = (props: { name: string }) => <main>{props.name}</main>;\n",
      "lib.mts": "export const answer: number = 42;\n",
      "cjs.cts": "const value: string = 'x';\nexport = value;\n",
    };
    for (const [file, text] of Object.entries(sources)) writeFileSync(path.join(scratch, "src", file), text);
    const eslint = new ESLint({ cwd: scratch, overrideConfigFile: true, overrideConfig: config });
    const results = await eslint.lintFiles(["src"]);
    expect(results.map((r) => path.basename(r.filePath)).sort()).toEqual(Object.keys(sources).sort());
    for (const result of results)
      expect(
        result.messages.filter((m) => m.fatal),
        result.filePath,
      ).toEqual([]);
  });

  it("says the names in the settings example are placeholders", () => {
    const [, withSettings] = codeBlocks(section("Usage"), "js");
    expect(withSettings).toContain("settings");
    expect(withSettings).toMatch(/Placeholders: replace with your project's names and modules\./u);
  });

  it("documents every settings key, auth.protectedPaths included", () => {
    const table = section("Settings");
    for (const key of Object.keys(hardenSettingsSchema.properties!)) expect(table).toContain(`| \`${key}\``);
    for (const key of Object.keys(hardenSettingsSchema.properties!.auth!.properties!)) expect(table).toContain(key);
    expect(table).toContain("| `auth.protectedPaths`");
  });

  it("installs what its commands need: the SARIF formatter, jiti for eslint.config.ts on Node 20, the package from a build", () => {
    const editors = section("Editors, CI and oxlint");
    expect(editors.indexOf("npm install --save-dev @microsoft/eslint-formatter-sarif")).toBeGreaterThan(-1);
    expect(editors.indexOf("npm install --save-dev @microsoft/eslint-formatter-sarif")).toBeLessThan(
      editors.indexOf("--format @microsoft/eslint-formatter-sarif"),
    );
    expect(section("Usage")).toContain("npm install --save-dev jiti");
    expect(section("Install")).toMatch(/npm pack[\s\S]*npm install --save-dev eslint \S+\.tgz/u);
  });
});
