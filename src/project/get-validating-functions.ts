import { isValidatorCalleeName } from "../utils/is-validator-call.js";
import type { FileFacts } from "./get-file-facts.js";
import { readProjectFile } from "./read-project-file.js";
import { resolveSpecifier } from "./resolve-specifier.js";

/** Files followed from a function to the functions it hands its input to. */
const MAX_DEPTH = 3;

/** `validateFilters#1` → validateFilters with one argument; `schema.parse#1` → parse on `schema`. */
function parseCall(call: string): { object: string | undefined; name: string; count: number } {
  const [callee = "", count = "0"] = call.split("#");
  const dot = callee.lastIndexOf(".");
  return dot === -1
    ? { object: undefined, name: callee, count: Number(count) }
    : { object: callee.slice(0, dot), name: callee.slice(dot + 1), count: Number(count) };
}

/** Whether a name of a file stands for a function that validates what it is given. */
export type ValidatorLookup = (local: string) => boolean;

/** Per other file's facts (new facts when the file changes): its lookup, shared by every file that imports it. */
const lookups = new WeakMap<FileFacts, ValidatorLookup>();

/**
 * Whether a name `file` can call stands for a function that checks what it is given against a schema: one
 * of its own top-level functions, or one it imports from a project file. A function validates when it
 * hands its input to a validator known by name (`validateFilters(filters)`, `schema.parse(x)`), or to a
 * function that does, in the same file or — through imports, a few files deep — in another
 * (`getQuery(params)` → `getTimeStatement(params)` → `validateTimeStatementParams(...)`). Dependencies are
 * not read: their validators are known by name. Each import is resolved only when its name is asked about.
 */
export function createValidatorLookup(file: string, facts: FileFacts, depth = 0): ValidatorLookup {
  const imported = new Map<string, boolean>();
  let local: Set<string> | undefined;

  const isImportedValidator = (name: string): boolean => {
    const known = imported.get(name);
    if (known !== undefined) return known;
    imported.set(name, false);
    const fact = facts.imports.get(name);
    let result = false;
    if (
      fact &&
      fact.imported !== "*" &&
      fact.imported !== "default" &&
      depth < MAX_DEPTH &&
      /^[.@~#/]/u.test(fact.specifier)
    ) {
      const target = resolveSpecifier(file, fact.specifier);
      const targetFacts =
        target === undefined || target.includes("/node_modules/") ? undefined : readProjectFile(target);
      const defined = targetFacts?.exports.get(fact.imported);
      if (target !== undefined && targetFacts && defined !== undefined) {
        let lookup = lookups.get(targetFacts);
        if (!lookup) {
          lookup = createValidatorLookup(target, targetFacts, depth + 1);
          lookups.set(targetFacts, lookup);
        }
        result = lookup(defined);
      }
    }
    imported.set(name, result);
    return result;
  };

  const getLocal = (): Set<string> => {
    if (local) return local;
    const validating = new Set<string>();
    local = validating;
    const validates = (calls: readonly string[]): boolean =>
      calls.some((call) => {
        const { object, name, count } = parseCall(call);
        if (isValidatorCalleeName(name, object, count)) return true;
        return object === undefined && (validating.has(name) || isImportedValidator(name));
      });
    // Functions of the file calling each other: until nothing changes.
    for (let changed = true; changed;) {
      changed = false;
      for (const [name, { paramCalls }] of facts.functions) {
        if (!validating.has(name) && paramCalls.length > 0 && validates(paramCalls)) {
          validating.add(name);
          changed = true;
        }
      }
    }
    return validating;
  };

  return (name) =>
    (facts.functions.get(name)?.paramCalls.length ?? 0) > 0
      ? getLocal().has(name)
      : facts.imports.has(name) && isImportedValidator(name);
}
