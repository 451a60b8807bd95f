import type { Endpoint, EndpointAuth, PublicReason } from "./endpoints.js";

export type Format = "table" | "json" | "markdown";
export const FORMATS: readonly Format[] = ["table", "json", "markdown"];

/** The JSON schema's version: raised only when a field changes meaning or goes away. */
export const SCHEMA_VERSION = 1;

const PUBLIC_REASONS: Readonly<Record<PublicReason, string>> = {
  "default-public-path": "default public path",
  "public-paths-setting": "settings.harden.publicPaths",
  "public-marker": "marked public",
  "sign-in": "sign-in endpoint",
  "sign-up": "sign-up: creates the account",
  preflight: "CORS preflight",
  "catch-all": "catch-all fallback",
  "constant-response": "answers a constant",
  documentation: "API documentation",
  "app-adapter": "handed to the app's own routes",
};

/**
 * The auth cell: what protects the endpoint and where, why it is public, or `none`. `compact`: a mount
 * without auth by its place only, for a terminal's width.
 */
export function describeAuth(auth: EndpointAuth, compact = false): { status: string; detail: string } {
  switch (auth.status) {
    case "protected":
      return { status: "protected", detail: auth.at ? `${auth.by} (${auth.at})` : auth.by };
    case "public": {
      const why = PUBLIC_REASONS[auth.reason];
      return { status: "public", detail: auth.by ? `${why}: ${auth.by}${auth.at ? ` (${auth.at})` : ""}` : why };
    }
    case "none":
      if (!auth.through) return { status: "none", detail: "" };
      return {
        status: "none",
        detail: compact ? `mounted at ${auth.through.at}` : `through ${auth.through.mount} (${auth.through.at})`,
      };
    case "unserved":
      return {
        status: "unserved",
        detail: auth.reason === "not-loaded" ? "no file of the app loads it" : "registered outside production only",
      };
  }
}

export interface Summary {
  total: number;
  protected: number;
  public: number;
  none: number;
  unserved: number;
}

export function summarize(endpoints: readonly Endpoint[]): Summary {
  const summary: Summary = { total: endpoints.length, protected: 0, public: 0, none: 0, unserved: 0 };
  for (const endpoint of endpoints) summary[endpoint.auth.status]++;
  return summary;
}

function describeSummary(summary: Summary): string {
  const parts = [`${summary.protected} protected`, `${summary.public} public`, `${summary.none} without auth`];
  if (summary.unserved > 0) parts.push(`${summary.unserved} not served`);
  return `${summary.total} endpoint${summary.total === 1 ? "" : "s"}: ${parts.join(", ")}`;
}

function groupByApp(endpoints: readonly Endpoint[]): Map<string, Endpoint[]> {
  const apps = new Map<string, Endpoint[]>();
  for (const endpoint of endpoints) {
    const list = apps.get(endpoint.app) ?? [];
    list.push(endpoint);
    apps.set(endpoint.app, list);
  }
  return apps;
}

function getFrameworks(endpoints: readonly Endpoint[]): string {
  return [...new Set(endpoints.map((endpoint) => endpoint.framework))].join(", ");
}

const COLORS = { protected: "\u001B[32m", public: "\u001B[36m", none: "\u001B[31;1m", unserved: "\u001B[2m" };
const RESET = "\u001B[0m";

/** A file of the app, relative to the app's folder: the table's heading names the folder. */
function inApp(file: string, app: string): string {
  return app !== "." && file.startsWith(`${app}/`) ? file.slice(app.length + 1) : file;
}

function localizeAuth(auth: EndpointAuth, app: string): EndpointAuth {
  if (auth.status === "none" && auth.through)
    return { ...auth, through: { ...auth.through, at: inApp(auth.through.at, app) } };
  if ((auth.status === "protected" || auth.status === "public") && auth.at !== undefined)
    return { ...auth, at: inApp(auth.at, app) };
  return auth;
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** Aligned columns per app; fits `width` by shortening the path and auth cells. */
export function formatTable(endpoints: readonly Endpoint[], { width = 100, color = false } = {}): string {
  const lines: string[] = [];
  for (const [app, list] of groupByApp(endpoints)) {
    lines.push(`${app} (${getFrameworks(list)}) · ${describeSummary(summarize(list))}`);
    const rows = list.map((endpoint) => {
      const auth = describeAuth(localizeAuth(endpoint.auth, app), true);
      return {
        method: endpoint.method,
        path: endpoint.pathComplete ? endpoint.path : `${endpoint.path} (prefix unknown)`,
        status: auth.status,
        detail: auth.detail,
        where: `${inApp(endpoint.file, app)}:${endpoint.line}`,
      };
    });
    const methodWidth = Math.max(6, ...rows.map((row) => row.method.length));
    const statusWidth = 9;
    const whereWidth = Math.min(32, Math.max(...rows.map((row) => row.where.length)));
    const rest = Math.max(24, width - 2 - methodWidth - statusWidth - whereWidth - 4);
    const pathWidth = Math.min(Math.max(...rows.map((row) => row.path.length)), Math.ceil(rest * 0.55));
    const detailWidth = Math.max(0, rest - pathWidth);
    for (const row of rows) {
      const status = fit(row.status, statusWidth);
      const cells = [
        fit(row.method, methodWidth),
        fit(row.path, pathWidth),
        color ? `${COLORS[row.status as keyof typeof COLORS]}${status}${RESET}` : status,
        fit(row.detail, detailWidth),
        row.where.length > whereWidth ? `…${row.where.slice(row.where.length - whereWidth + 1)}` : row.where,
      ];
      lines.push(`  ${cells.join(" ")}`.trimEnd());
    }
    lines.push("");
  }
  if (endpoints.length === 0) lines.push("No endpoints found.");
  else if (groupByApp(endpoints).size > 1) lines.push(describeSummary(summarize(endpoints)));
  else lines.pop();
  return `${lines.join("\n")}\n`;
}

const escapeCell = (text: string): string => text.replaceAll("|", "\\|").replaceAll("`", "'");

/** A table per app, for a pull request's description. */
export function formatMarkdown(endpoints: readonly Endpoint[]): string {
  const lines: string[] = [];
  for (const [app, list] of groupByApp(endpoints)) {
    lines.push(`### \`${app}\` (${getFrameworks(list)})`, "", describeSummary(summarize(list)), "");
    lines.push("| Method | Path | Auth | Defined at |", "| --- | --- | --- | --- |");
    for (const endpoint of list) {
      const auth = describeAuth(endpoint.auth);
      const status = auth.status === "none" ? "**none**" : auth.status;
      const path = `\`${endpoint.path.replaceAll("`", "'")}\`${endpoint.pathComplete ? "" : " (prefix unknown)"}`;
      lines.push(
        `| ${endpoint.method} | ${path} | ${status}${auth.detail ? ` — ${escapeCell(auth.detail)}` : ""} | \`${endpoint.file}:${endpoint.line}\` |`,
      );
    }
    lines.push("");
  }
  if (endpoints.length === 0) lines.push("No endpoints found.");
  else lines.pop();
  return `${lines.join("\n")}\n`;
}

/** The documented schema (docs/cli.md): stable field names, one object per endpoint. */
export function formatJson(
  endpoints: readonly Endpoint[],
  unparsed: readonly { file: string; message: string }[],
): string {
  return `${JSON.stringify({ version: SCHEMA_VERSION, summary: summarize(endpoints), endpoints, unparsed }, null, 2)}\n`;
}
