import { getLastAnswerMemo } from "../utils/get-last-answer-memo.js";

/** What a file is to Next.js, judged from its path. */
export interface NextRouteFile {
  router: "app" | "pages";
  /** The URL path, with dynamic segments as `:id` / `:slug*`, route groups and parallel slots dropped. */
  path: string;
}

const APP_ROUTE = /(?:^|\/)app\/((?:[^/]+\/)*)route\.(?:[cm]?[jt]s|[jt]sx)$/u;
const PAGES_API = /(?:^|\/)pages\/api\/(.+)\.(?:[cm]?[jt]s|[jt]sx)$/u;

function toSegment(segment: string): string | undefined {
  if (segment.startsWith("(") && segment.endsWith(")")) return undefined;
  if (segment.startsWith("@")) return undefined;
  const catchAll = /^\[\[?\.\.\.(.+?)\]?\]$/u.exec(segment);
  if (catchAll) return `:${catchAll[1]}*`;
  const dynamic = /^\[(.+)\]$/u.exec(segment);
  if (dynamic) return `:${dynamic[1]}`;
  return segment;
}

function toPath(segments: readonly string[]): string {
  const kept = segments.map(toSegment).filter((s): s is string => s !== undefined && s !== "");
  return `/${kept.join("/")}`;
}

/** App Router `app/**\/route.ts` and Pages Router `pages/api/**` files; anything else is `undefined`. */
export const getNextRouteFile: (filename: string) => NextRouteFile | undefined =
  getLastAnswerMemo(computeNextRouteFile);

function computeNextRouteFile(filename: string): NextRouteFile | undefined {
  const normalized = filename.replaceAll("\\", "/");
  // The fixed parts of both patterns, before the regular expressions.
  if (!normalized.includes("route.") && !normalized.includes("pages/api/")) return undefined;
  const app = APP_ROUTE.exec(normalized);
  if (app) return { router: "app", path: toPath((app[1] ?? "").split("/")) };
  const pages = PAGES_API.exec(normalized);
  if (pages) {
    const segments = ["api", ...(pages[1] ?? "").split("/")];
    if (segments.at(-1) === "index") segments.pop();
    return { router: "pages", path: toPath(segments) };
  }
  return undefined;
}
