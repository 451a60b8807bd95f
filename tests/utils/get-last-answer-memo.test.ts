import { describe, expect, it } from "vitest";

import { getLastAnswerMemo } from "../../src/utils/get-last-answer-memo.js";

describe("getLastAnswerMemo", () => {
  it("computes once per run of the same key and again when the key changes", () => {
    const seen: string[] = [];
    const length = getLastAnswerMemo((key) => {
      seen.push(key);
      return key.length;
    });
    expect([length("ab"), length("ab"), length("abc"), length("ab")]).toEqual([2, 2, 3, 2]);
    expect(seen).toEqual(["ab", "abc", "ab"]);
  });

  it("remembers an undefined answer too", () => {
    let calls = 0;
    const none = getLastAnswerMemo(() => {
      calls++;
      return undefined;
    });
    none("x");
    none("x");
    expect(calls).toBe(1);
  });
});
