import type { Endpoint, EndpointAuth, EndpointErrors, EndpointInput, PublicReason } from "./endpoints.js";

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

const TRUSTED_REASONS = { "shared-secret": "caller holds a shared secret", "signed-request": "signed request" };

/** How one source is checked, in words: `body: validate(schema) (src/routes/users.ts:12)`. */
function describeInput(input: EndpointInput): string {
  switch (input.status) {
    case "validated":
      return `${input.source}: ${input.by}${input.at ? ` (${input.at})` : ""}`;
    case "checked":
      return `${input.source}: checked field by field in the handler`;
    case "not-relied-on":
      return `${input.source}: read, but nothing relies on its shape`;
    case "trusted":
      return `${input.source}: ${TRUSTED_REASONS[input.reason]}`;
    case "raw":
      return `${input.source}: raw (${input.at})`;
  }
}

/** The input cell of a table: the sources used raw, `ok`, `–` when the handler reads none, `?` when its code is not in view. */
function getInputCell(input: Endpoint["input"]): string {
  if (input === null) return "?";
  if (input.length === 0) return "–";
  const raw = input.filter((source) => source.status === "raw").map((source) => source.source);
  return raw.length > 0 ? `raw ${raw.join("+")}` : "ok";
}

const ERRORS_CELLS: Readonly<Record<EndpointErrors["status"], string>> = {
  "catch-all-500": "500-all",
  "error-handler": "handler",
  "framework-default": "default",
};

function describeErrors(errors: EndpointErrors): string {
  switch (errors.status) {
    case "catch-all-500":
      return `answers 500 to every error (${errors.at})`;
    case "error-handler":
      return `the app's error handler: ${errors.by} (${errors.at})`;
    case "framework-default":
      return "the framework's default error handler";
  }
}

export interface Summary {
  total: number;
  protected: number;
  public: number;
  none: number;
  unserved: number;
  /** Endpoints whose handler uses a source as the client sent it. */
  rawInput: number;
  /** Endpoints whose handler answers 500 to every error. */
  catchAll500: number;
}

export const hasRawInput = (endpoint: Endpoint): boolean =>
  endpoint.input?.some((input) => input.status === "raw") === true;

export function summarize(endpoints: readonly Endpoint[]): Summary {
  const summary: Summary = {
    total: endpoints.length,
    protected: 0,
    public: 0,
    none: 0,
    unserved: 0,
    rawInput: 0,
    catchAll500: 0,
  };
  for (const endpoint of endpoints) {
    summary[endpoint.auth.status]++;
    if (hasRawInput(endpoint)) summary.rawInput++;
    if (endpoint.errors.status === "catch-all-500") summary.catchAll500++;
  }
  return summary;
}

function describeSummary(summary: Summary): string {
  const parts = [`${summary.protected} protected`, `${summary.public} public`, `${summary.none} without auth`];
  if (summary.unserved > 0) parts.push(`${summary.unserved} not served`);
  return `${summary.total} endpoint${summary.total === 1 ? "" : "s"}: ${parts.join(", ")}`;
}

/** What the input and errors columns add up to: the endpoints that fail them. */
function describeChecks(summary: Summary): string {
  return [`${summary.rawInput} with raw input`, `${summary.catchAll500} answering 500 to every error`].join(", ");
}

/** Where the app's errors go: its error handlers, or the framework's own. */
function describeAppErrors(endpoints: readonly Endpoint[], app: string): string {
  const handlers = new Map<string, string>();
  for (const { errors } of endpoints) {
    const handler = errors.status === "catch-all-500" ? errors.errorHandler : errors;
    if (handler && "by" in handler) handlers.set(handler.at, `${handler.by} (${inApp(handler.at, app)})`);
  }
  return handlers.size > 0 ? `errors go to ${[...handlers.values()].join(", ")}` : "no error handler of its own";
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

const COLORS: Readonly<Record<string, string>> = {
  protected: "\u001B[32m",
  public: "\u001B[36m",
  none: "\u001B[31;1m",
  unserved: "\u001B[2m",
};
const WARNING = "\u001B[33m";
const RESET = "\u001B[0m";

/** A file of the app, relative to the app's folder: the table's heading names the folder. */
function inApp(file: string, app: string): string {
  return app !== "." && file.startsWith(`${app}/`) ? file.slice(app.length + 1) : file;
}

/** A place as a table cell shows it: the file's name and line (`server.ts:13`); the JSON and Markdown give the path. */
function getFileName(at: string): string {
  return at.slice(at.lastIndexOf("/") + 1);
}

function shortenAuthPlaces(auth: EndpointAuth): EndpointAuth {
  if (auth.status === "none" && auth.through)
    return { ...auth, through: { ...auth.through, at: getFileName(auth.through.at) } };
  if ((auth.status === "protected" || auth.status === "public") && auth.at !== undefined)
    return { ...auth, at: getFileName(auth.at) };
  return auth;
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** An auth detail that does not fit loses its place first: `requireAuth (server.ts:13)` → `requireAuth`. */
function fitDetail(text: string, width: number): string {
  const place = /^(.+) \([^()]+\)$/u.exec(text);
  return text.length > width && place && place[1]!.length <= width ? fit(place[1]!, width) : fit(text, width);
}

/** Aligned columns per app under a heading row; fits `width` by shortening the path and auth cells. */
export function formatTable(endpoints: readonly Endpoint[], { width = 100, color = false } = {}): string {
  const lines: string[] = [];
  const paint = (text: string, code: string | undefined) => (color && code ? `${code}${text}${RESET}` : text);
  for (const [app, list] of groupByApp(endpoints)) {
    lines.push(`${app} (${getFrameworks(list)}) · ${describeSummary(summarize(list))}`);
    lines.push(`  ${describeChecks(summarize(list))}; ${describeAppErrors(list, app)}`);
    const rows = list.map((endpoint) => {
      const auth = describeAuth(shortenAuthPlaces(endpoint.auth), true);
      return {
        method: endpoint.method,
        path: endpoint.pathComplete ? endpoint.path : `${endpoint.path} (prefix unknown)`,
        status: auth.status,
        detail: auth.detail,
        input: getInputCell(endpoint.input),
        errors: ERRORS_CELLS[endpoint.errors.status],
        where: `${inApp(endpoint.file, app)}:${endpoint.line}`,
      };
    });
    const heading = {
      method: "METHOD",
      path: "PATH",
      status: "AUTH",
      detail: "",
      input: "INPUT",
      errors: "ERRORS",
      where: "DEFINED AT",
    };
    const all = [heading, ...rows];
    const methodWidth = Math.max(...all.map((row) => row.method.length));
    const statusWidth = 9;
    const inputWidth = Math.max(...all.map((row) => row.input.length));
    const errorsWidth = Math.max(...all.map((row) => row.errors.length));
    const whereWidth = Math.min(28, Math.max(...all.map((row) => row.where.length)));
    const rest = Math.max(24, width - 2 - methodWidth - statusWidth - inputWidth - errorsWidth - whereWidth - 6);
    const pathWidth = Math.min(Math.max(...all.map((row) => row.path.length)), Math.ceil(rest * 0.55));
    const detailWidth = Math.max(0, rest - pathWidth);
    for (const row of all) {
      const isHeading = row === heading;
      const cells = [
        fit(row.method, methodWidth),
        fit(row.path, pathWidth),
        isHeading ? fit(row.status, statusWidth) : paint(fit(row.status, statusWidth), COLORS[row.status]),
        fitDetail(row.detail, detailWidth),
        isHeading || !row.input.startsWith("raw")
          ? fit(row.input, inputWidth)
          : paint(fit(row.input, inputWidth), WARNING),
        row.errors === ERRORS_CELLS["catch-all-500"]
          ? paint(fit(row.errors, errorsWidth), WARNING)
          : fit(row.errors, errorsWidth),
        row.where.length > whereWidth ? `…${row.where.slice(row.where.length - whereWidth + 1)}` : row.where,
      ];
      lines.push(`  ${cells.join(" ")}`.trimEnd());
    }
    lines.push("");
  }
  if (endpoints.length === 0) lines.push("No endpoints found.");
  else if (groupByApp(endpoints).size > 1) {
    const summary = summarize(endpoints);
    lines.push(`${describeSummary(summary)}; ${describeChecks(summary)}`);
  } else lines.pop();
  return `${lines.join("\n")}\n`;
}

const escapeCell = (text: string): string => text.replaceAll("|", "\\|").replaceAll("`", "'");

/** A table per app, for a pull request's description. */
export function formatMarkdown(endpoints: readonly Endpoint[]): string {
  const lines: string[] = [];
  for (const [app, list] of groupByApp(endpoints)) {
    const summary = summarize(list);
    lines.push(
      `### \`${app}\` (${getFrameworks(list)})`,
      "",
      `${describeSummary(summary)}; ${describeChecks(summary)}; ${describeAppErrors(list, app)}.`,
      "",
    );
    lines.push("| Method | Path | Auth | Input | Errors | Defined at |", "| --- | --- | --- | --- | --- | --- |");
    for (const endpoint of list) {
      const auth = describeAuth(endpoint.auth);
      const status = auth.status === "none" ? "**none**" : auth.status;
      const path = `\`${endpoint.path.replaceAll("`", "'")}\`${endpoint.pathComplete ? "" : " (prefix unknown)"}`;
      const input =
        endpoint.input === null
          ? "handler not in view"
          : endpoint.input.length === 0
            ? "–"
            : endpoint.input
                .map((source) => (source.status === "raw" ? `**${describeInput(source)}**` : describeInput(source)))
                .join("<br>");
      const errors =
        endpoint.errors.status === "catch-all-500"
          ? `**${describeErrors(endpoint.errors)}**`
          : describeErrors(endpoint.errors);
      lines.push(
        `| ${endpoint.method} | ${path} | ${status}${auth.detail ? ` — ${escapeCell(auth.detail)}` : ""} | ${escapeCell(input)} | ${escapeCell(errors)} | \`${endpoint.file}:${endpoint.line}\` |`,
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
