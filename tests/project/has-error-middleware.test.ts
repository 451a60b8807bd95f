import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { hasErrorMiddleware } from "../../src/project/has-error-middleware.js";
import { declaresErrorMiddleware } from "../../src/project/read-project-file.js";

const root = mkdtempSync(path.join(os.tmpdir(), "harden-error-middleware-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes `text` as a new file and returns its path. */
let count = 0;
function file(text: string, directory = root): string {
  const name = path.join(directory, `file${count++}.ts`);
  writeFileSync(name, text);
  return name;
}

describe("declaresErrorMiddleware", () => {
  it.each([
    ["an untyped four-parameter function", "app.use((err, req, res, next) => res.status(500).end());"],
    [
      "typed parameters, unused ones prefixed",
      "export function onError(error: Error & { status?: number }, _req: Request<{ id: string }, unknown>, res: Response, _next: NextFunction) {}",
    ],
    [
      "a comment before the unused next",
      "server.use((err: { status: number }, _req: Request, res: Response,\n  // required for the signature\n  _next: NextFunction) => {});",
    ],
    ["a fourth parameter that is not named next", "app.use(function (er, req, res, _) { res.sendStatus(500); });"],
    ["a function typed ErrorRequestHandler", "export const handler: ErrorRequestHandler = (e, rq, rs, n) => {};"],
    ["the errorhandler package", 'import errorhandler from "errorhandler";\napp.use(errorhandler());'],
  ])("recognises %s", (_, text) => {
    expect(declaresErrorMiddleware(file(text))).toBe(true);
  });

  it.each([
    ["request middleware", "app.use((req, res, next) => next());"],
    ["an error-first callback", "fs.readFile(path, (err, data) => {});"],
    ["three parameters after the error", "function handle(err, req, res) {}"],
  ])("does not take %s for error middleware", (_, text) => {
    expect(declaresErrorMiddleware(file(text))).toBe(false);
  });
});

describe("hasErrorMiddleware", () => {
  it("answers for the whole project of a file, and not at all outside a project", () => {
    const withOne = path.join(root, "with");
    const without = path.join(root, "without");
    for (const project of [withOne, without]) {
      mkdirSync(path.join(project, "src/middleware"), { recursive: true });
      writeFileSync(path.join(project, "package.json"), "{}\n");
    }
    const route = file("router.get('/', (req, res) => res.json([]));", path.join(withOne, "src"));
    file(
      "export const onError = (err, req, res, next) => res.status(500).end();",
      path.join(withOne, "src/middleware"),
    );
    const other = file("router.get('/', (req, res) => res.json([]));", path.join(without, "src"));
    expect(hasErrorMiddleware(route)).toBe(true);
    expect(hasErrorMiddleware(other)).toBe(false);
    expect(hasErrorMiddleware(path.join(path.parse(root).root, "no-project", "a.ts"))).toBeUndefined();
  });
});
