import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { getTsconfigCompilerOptions, parseJsonc } from "../../src/utils/get-tsconfig-compiler-options.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "harden-tsconfig-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Writes `files` (path → text) under a new project directory and returns it. */
function project(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe("parseJsonc", () => {
  it("reads comments and trailing commas, and leaves strings alone", () => {
    const text =
      '\uFEFF{\n  // line\n  "a": "x // y /* z */ ,}", /* block */\n  "b": [1, 2,],\n  "c": { "d": "\\"",\n },\n}\n';
    expect(parseJsonc(text)).toEqual({ a: "x // y /* z */ ,}", b: [1, 2], c: { d: '"' } });
  });

  it("throws on what is not JSON", () => {
    expect(() => parseJsonc("{ a: 1 }")).toThrow();
  });
});

describe("getTsconfigCompilerOptions", () => {
  it("finds the nearest tsconfig.json above a file's directory", () => {
    const dir = project("nearest", {
      "tsconfig.json": '{ "compilerOptions": { "noPropertyAccessFromIndexSignature": true } }',
    });
    expect(getTsconfigCompilerOptions(path.join(dir, "src/routes"))).toEqual({
      noPropertyAccessFromIndexSignature: true,
    });
  });

  it("follows extends into a package under node_modules, and the config overrides its bases in order", () => {
    const dir = project("package", {
      "node_modules/@tsconfig/strictest/package.json": '{ "name": "@tsconfig/strictest" }',
      "node_modules/@tsconfig/strictest/tsconfig.json":
        '{ "compilerOptions": { "noPropertyAccessFromIndexSignature": true, "strict": true } }',
      "node_modules/preset/base.json": '{ "compilerOptions": { "strict": false, "checkJs": true } }',
      "app/tsconfig.json":
        '{ "extends": ["@tsconfig/strictest", "preset/base"], "compilerOptions": { "checkJs": false } }',
    });
    expect(getTsconfigCompilerOptions(path.join(dir, "app/src"))).toEqual({
      noPropertyAccessFromIndexSignature: true,
      strict: false,
      checkJs: false,
    });
  });

  it("uses a package's tsconfig field", () => {
    const dir = project("field", {
      "node_modules/preset/package.json": '{ "tsconfig": "./configs/node.json" }',
      "node_modules/preset/configs/node.json": '{ "compilerOptions": { "noPropertyAccessFromIndexSignature": true } }',
      "tsconfig.json": '{ "extends": "preset" }',
    });
    expect(getTsconfigCompilerOptions(dir)).toEqual({ noPropertyAccessFromIndexSignature: true });
  });

  it("re-reads a config when it changes", () => {
    const dir = project("changes", {
      "tsconfig.json": '{ "compilerOptions": { "noPropertyAccessFromIndexSignature": true } }',
    });
    expect(getTsconfigCompilerOptions(dir)).toEqual({ noPropertyAccessFromIndexSignature: true });
    const file = path.join(dir, "tsconfig.json");
    fs.writeFileSync(file, '{ "compilerOptions": {} }');
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    expect(getTsconfigCompilerOptions(dir)).toEqual({});
  });

  it("is undefined for a config it cannot read, and ends an extends cycle", () => {
    expect(getTsconfigCompilerOptions(project("broken", { "tsconfig.json": "{ compilerOptions: " }))).toBeUndefined();
    const cycle = project("cycle", {
      "tsconfig.json": '{ "extends": "./a.json", "compilerOptions": { "strict": true } }',
      "a.json": '{ "extends": "./tsconfig.json", "compilerOptions": { "noPropertyAccessFromIndexSignature": true } }',
    });
    expect(getTsconfigCompilerOptions(cycle)).toEqual({ noPropertyAccessFromIndexSignature: true, strict: true });
  });
});
