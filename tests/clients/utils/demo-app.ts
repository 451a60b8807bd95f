import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import plugin from "../../../src/index.js";
import { runNode } from "./run-node.js";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
/** The fixture every client runs on: the app the README's demo lints. Never written to by a test. */
export const DEMO_DIR = path.join(ROOT, "examples", "vibe-app");
/** The demo's source files, as the clients list them (relative to the app, sorted). */
export const DEMO_FILES = [
  "src/config.ts",
  "src/controllers/admin.ts",
  "src/db.ts",
  "src/logger.ts",
  "src/middleware/auth.ts",
  "src/routes/admin.ts",
  "src/routes/orders.ts",
  "src/routes/users.ts",
  "src/server.ts",
];
export const DIST_INDEX = path.join(ROOT, "dist", "index.js");
export const ESLINT_BIN = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");
export const OXLINT_BIN = path.join(ROOT, "node_modules", "oxlint", "bin", "oxlint");
export const ESLINT_SERVER_BIN = path.join(
  ROOT,
  "node_modules",
  "vscode-langservers-extracted",
  "bin",
  "vscode-eslint-language-server",
);

/**
 * The clients load the plugin the way users install it: the built `dist/` behind package.json's `exports`.
 * `npm test` builds first; a bare `vitest run` after changing the rules needs `npm run build`, and this says so
 * instead of failing later with a confusing diff.
 */
export async function assertPluginBuilt(): Promise<void> {
  if (!existsSync(DIST_INDEX)) {
    throw new Error(
      `${path.relative(ROOT, DIST_INDEX)} is missing. The client tests run the built plugin, as users install it: run \`npm run build\` (\`npm test\` builds first).`,
    );
  }
  const script = `const p = (await import(${JSON.stringify(pathToFileURL(DIST_INDEX).href)})).default; console.log(JSON.stringify(Object.keys(p.rules).sort()));`;
  const { status, stdout, stderr } = await runNode(["--input-type=module", "-e", script], { cwd: ROOT });
  if (status !== 0) throw new Error(`dist/index.js does not load: run \`npm run build\`.\n${stderr}`);
  const built = JSON.parse(stdout) as string[];
  const source = Object.keys(plugin.rules).sort();
  if (JSON.stringify(built) !== JSON.stringify(source)) {
    throw new Error(
      `dist/ is stale (built rules: ${built.join(", ")}; src/rules: ${source.join(", ")}). Run \`npm run build\`.`,
    );
  }
}

export interface DemoCopy {
  /** The copied app: `eslint.config.mjs`, `src/`, and a `node_modules/` with the plugin "installed". */
  dir: string;
  /** The installed plugin package inside the copy (its own package.json and dist/). */
  pluginDir: string;
  remove(): void;
}

/**
 * A throwaway copy of the demo app for clients that write (`--fix`, `--cache`) or need a config file beside it.
 * The plugin is installed as a real package directory (package.json + dist/ copied), so a test can bump its
 * version or change its code without touching the repository; its own dependencies resolve from the
 * repository's node_modules through a symlink, as they would from a user's.
 */
export function copyDemoApp(): DemoCopy {
  const dir = mkdtempSync(path.join(tmpdir(), "harden-clients-"));
  cpSync(DEMO_DIR, dir, { recursive: true });
  // The app's own manifest, which a user's app has: in the repository the demo has none, so that its config
  // can import the plugin by name (a package may import itself), and the repository's stands in for it.
  writeFileSync(
    path.join(dir, "package.json"),
    `${JSON.stringify({ name: "vibe-app", private: true, type: "module" }, null, 2)}\n`,
  );
  const modules = path.join(dir, "node_modules");
  const pluginDir = path.join(modules, "eslint-plugin-harden");
  mkdirSync(pluginDir, { recursive: true });
  writeFileSync(path.join(pluginDir, "package.json"), readFileSync(path.join(ROOT, "package.json")));
  cpSync(path.join(ROOT, "dist"), path.join(pluginDir, "dist"), { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(pluginDir, "node_modules"), "dir");
  // What the app's config and the formatters import, as a user's install would have them.
  for (const scope of ["@typescript-eslint", "@microsoft"])
    symlinkSync(path.join(ROOT, "node_modules", scope), path.join(modules, scope), "dir");
  return { dir, pluginDir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every source file of an app copy (or the demo), by path relative to the app, e.g. `src/routes/orders.ts`. */
export function readSources(appDir: string): Record<string, string> {
  const sources: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(appDir, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else sources[child] = readFileSync(path.join(appDir, child), "utf8");
    }
  };
  walk("src");
  return sources;
}
