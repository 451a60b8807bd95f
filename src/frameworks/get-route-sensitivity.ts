import { getNameWords } from "./is-auth-name.js";

/**
 * Why a route is one no product serves to anonymous callers on purpose:
 * - `changes-data`: it updates or deletes a record (`PUT`, `PATCH`, `DELETE`). Public products let
 *   anonymous callers create (a sign-up, a contact form, analytics) and read (a catalogue, a share link),
 *   not change or remove what is stored.
 * - `account-data`: its path names what belongs to accounts — who they are, what they own and pay, how
 *   they are set up (`/api/users/:id`, `/api/orders`, `/api/settings`, `/api/teams/:teamId/…`).
 */
export type RouteSensitivity = "changes-data" | "account-data";

const CHANGING_METHODS = new Set(["PUT", "PATCH", "DELETE"]);

/** Words of a path segment that name account data, singular (a plural's `s` is dropped before the lookup). */
const ACCOUNT_WORDS = new Set([
  "user",
  "account",
  "admin",
  "member",
  "team",
  "organization",
  "org",
  "workspace",
  "setting",
  "password",
  "credential",
  "secret",
  "order",
  "payment",
  "billing",
  "invoice",
  "transaction",
  "wallet",
  "conversation",
]);

/** The collections a sign-up creates in: `POST /users`, `POST /api/user/create`. */
const SIGN_UP_COLLECTIONS = new Set(["user", "account", "member"]);
const SIGN_UP_ACTIONS = new Set(["create", "new", "register", "signup", "join"]);

function singular(word: string): string {
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  return word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

function isStaticSegment(segment: string): boolean {
  return segment !== "" && !segment.startsWith(":") && !segment.includes("*");
}

/** The account words of one static segment (`orderInfos` → `order`; `me` on its own). */
function getAccountWords(segment: string): string[] {
  if (segment === "me") return ["me"];
  return getNameWords(segment)
    .map((word) => singular(word))
    .filter((word) => ACCOUNT_WORDS.has(word));
}

/** `POST /users`, `POST /api/v1/accounts`, `POST /api/user/create`: a sign-up, public on purpose. */
function isSignUp(segments: readonly string[], accountSegments: readonly number[]): boolean {
  const last = segments.length - 1;
  const collection =
    segments[last] !== undefined && SIGN_UP_ACTIONS.has(segments[last].toLowerCase()) ? last - 1 : last;
  const words = getNameWords(segments[collection] ?? "").map((word) => singular(word));
  if (!SIGN_UP_COLLECTIONS.has(words.at(-1) ?? "")) return false;
  // `POST /admin/users` creates an account for someone else: an account word before it says so.
  return accountSegments.every((index) => index === collection);
}

function getSegments(path: string): string[] {
  return path.split("/").filter((segment) => segment !== "");
}

function getAccountSegments(segments: readonly string[]): number[] {
  return segments.flatMap((segment, index) =>
    isStaticSegment(segment) && getAccountWords(segment).length > 0 ? [index] : [],
  );
}

function isSignUpPath(path: string): boolean {
  const segments = getSegments(path);
  const accountSegments = getAccountSegments(segments);
  return (
    segments.every((segment) => isStaticSegment(segment)) &&
    accountSegments.length > 0 &&
    isSignUp(segments, accountSegments)
  );
}

/** Whether a route creates in a users collection (`POST /users`, `POST /api/user/create`): a sign-up. */
export function isSignUpRoute(methods: readonly string[], paths: readonly string[]): boolean {
  return methods.length === 1 && methods[0] === "POST" && paths.some((path) => isSignUpPath(path));
}

/**
 * Whether a route without auth is one no product means to serve anonymously, and why; `undefined` when its
 * method and paths leave that to the product (a catalogue, a contact form, a share link). `methods` empty
 * or `ALL` says nothing; `paths` empty (not known) leaves only the method.
 */
export function getRouteSensitivity(
  methods: readonly string[],
  paths: readonly string[],
): RouteSensitivity | undefined {
  if (methods.some((method) => CHANGING_METHODS.has(method))) return "changes-data";
  if (isSignUpRoute(methods, paths)) return undefined;
  return paths.some((path) => getAccountSegments(getSegments(path)).length > 0) ? "account-data" : undefined;
}
