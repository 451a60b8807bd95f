import { readFileSync } from "node:fs";
import path from "node:path";

import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";

import plugin from "../../src/index.js";
import { collectSourceFiles, sampleEvenly } from "../utils/collect-source-files.js";

/**
 * Every rule, with strict options and settings that turn on every fix path, over a deterministic sample
 * of the real code in node_modules: a rule that throws on any of it fails the test. `npm run sweep` runs
 * the same over every file.
 */
const SAMPLE_SIZE = Number(process.env.HARDEN_ROBUSTNESS_SAMPLE ?? 700);
const root = path.resolve(import.meta.dirname, "../..");

const settings = {
  harden: {
    logger: { name: "logger", source: "./logger.js" },
    auth: {
      middleware: { name: "requireAuth", source: "./auth.js" },
      guard: { name: "AuthGuard", source: "./auth.guard.js" },
      sessionCheck: { name: "auth", source: "./auth.js" },
    },
    validation: { library: "zod" },
    env: { name: "requireEnv", source: "./env.js" },
  },
};

function makeConfig(): Linter.Config[] {
  return [
    {
      files: ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"],
      plugins: { harden: plugin },
      languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off" },
      settings,
      rules: plugin.configs.strict.rules,
    },
  ];
}

describe("no rule crashes on real code", () => {
  const all = collectSourceFiles(path.join(root, "node_modules"));
  const sample = sampleEvenly(all, SAMPLE_SIZE);

  it(`lints a deterministic sample of ${SAMPLE_SIZE} files from node_modules without a rule exception`, () => {
    expect(all.length).toBeGreaterThan(5000);
    const linter = new Linter({ configType: "flat" });
    const config = makeConfig();
    const crashes: string[] = [];
    let linted = 0;
    for (const file of sample) {
      const code = readFileSync(file, "utf8");
      // Lint node_modules code under a path flat config does not ignore, keeping its shape (Next.js route files).
      const filename = path.join(root, "sweep", path.relative(root, file).replaceAll("node_modules", "nm"));
      try {
        const messages = linter.verify(code, config, { filename });
        if (!messages.some((m) => m.fatal)) linted++;
      } catch (error) {
        crashes.push(`${path.relative(root, file)}: ${(error as Error).message.split("\n").slice(0, 3).join(" | ")}`);
      }
    }
    expect(crashes).toEqual([]);
    // Most of the sample parses; the rest is skipped as the parser's, not a rule's, problem.
    expect(linted).toBeGreaterThan(SAMPLE_SIZE * 0.8);
  }, 240_000);

  it("survives every syntax the parser accepts in JSX, TSX, decorators and odd shapes", () => {
    const linter = new Linter({ configType: "flat" });
    const config = makeConfig();
    const snippets: Array<[string, string]> = [
      [
        "a.tsx",
        "export const C = () => <div onClick={() => console.log(1)}>{items.map((i) => <p key={i}>{i}</p>)}</div>;",
      ],
      ["a.ts", "@Controller() class A { @Get() x(@Body() b: any) { try {} catch {} } }"],
      [
        "a.js",
        "app.get(); app.get('/x'); app.use(); router.route(); fastify.route(); fastify.route({}); new Hono().get();",
      ],
      [
        "a.js",
        "app[method]('/x', h); app.get(...args); app.get(`/${x}`, h); app.get(/re/, h); app.get(['/a', '/b'], h);",
      ],
      [
        "a.ts",
        "export default async function (fastify: FastifyInstance) { fastify.get('/x', { schema: {} }, async () => 1); }",
      ],
      ["app/api/x/route.ts", "export const GET = undefined; export { a as POST }; export default 1;"],
      ["pages/api/x.ts", "export default withAuth;"],
      ["a.js", "process.env[name] || 'x'; const { [k]: v = 1 } = process.env; import.meta.env?.X ?? 1;"],
      ["a.js", "try { a() } catch { } finally { } p.catch(); p.catch(noop); p.then(); p.then(a, b, c);"],
      ["a.cjs", "#!/usr/bin/env node\nmodule.exports = (req, res) => res.status(500).send(String(err));"],
      ["a.js", "with (x) { console.log(y) }"],
    ];
    for (const [filename, code] of snippets) {
      expect(
        () => linter.verify(code, config, { filename: path.join(root, filename) }),
        `${filename}: ${code}`,
      ).not.toThrow();
    }
  });
});
