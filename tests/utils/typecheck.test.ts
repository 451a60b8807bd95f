import { describe, expect, it } from "vitest";

import { getTypeErrors } from "./typecheck.js";

describe("getTypeErrors", () => {
  it("accepts code that type-checks against the real framework types", () => {
    expect(
      getTypeErrors({
        "server.ts":
          'import express from "express";\nconst app = express();\napp.get("/", (_req, res) => { res.json({ ok: true }); });\nexport default app;\n',
      }),
    ).toEqual([]);
  });

  it("reports code that does not", () => {
    const errors = getTypeErrors({ "server.ts": "const port: number = process.env.PORT;\nexport default port;\n" });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^server\.ts:1:7 Type 'string \| undefined' is not assignable to type 'number'/u);
  });
});
