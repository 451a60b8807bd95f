import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { getFileFacts } from "../../src/project/get-file-facts.js";
import { createValidatorLookup } from "../../src/project/get-validating-functions.js";

const ROOT = path.resolve(import.meta.dirname, "../fixtures/validating-helpers");
const validatingIn = (file: string) => {
  const absolute = path.join(ROOT, file);
  const facts = getFileFacts(absolute, readFileSync(absolute, "utf8"))!;
  const validates = createValidatorLookup(absolute, facts);
  return [...new Set([...facts.functions.keys(), ...facts.imports.keys()])].filter(validates).sort();
};

describe("createValidatorLookup", () => {
  it("a function that hands its parameters to a validator, directly or through values taken from them", () => {
    expect(validatingIn("src/lib/query-validation.ts")).toEqual(["validateTimeParams"]);
    expect(validatingIn("src/lib/links.ts")).toEqual(["saveLink"]);
  });

  it("follows the functions it calls into other files", () => {
    expect(validatingIn("src/lib/statements.ts")).toEqual(["getTimeStatement", "validateTimeParams"]);
    expect(validatingIn("src/api/overview.ts")).toEqual([
      "createLink",
      "getOverview",
      "getQuery",
      "getTimeStatement",
      "saveLink",
    ]);
  });

  it("not a function that validates something it reads itself (a session behind a cookie)", () => {
    expect(validatingIn("src/lib/session.ts")).toEqual([]);
  });
});
