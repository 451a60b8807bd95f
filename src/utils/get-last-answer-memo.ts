/**
 * A function that remembers its answer for the last argument only. Several rules ask the same question
 * about the same file in a row (its path, its text) and ESLint hands each of them the very same string,
 * so one comparison replaces the work; a new file simply replaces the answer.
 */
export function getLastAnswerMemo<T>(compute: (key: string) => T): (key: string) => T {
  let lastKey: string | undefined;
  let lastAnswer: T;
  return (key) => {
    if (key !== lastKey) {
      lastAnswer = compute(key);
      lastKey = key;
    }
    return lastAnswer;
  };
}
