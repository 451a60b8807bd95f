import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from "vscode-jsonrpc/node.js";

import { ESLINT_SERVER_BIN, ROOT } from "./demo-app.js";
import { cleanEnv } from "./run-node.js";

/** The slice of the LSP types these tests read (vscode-languageserver-types is not a dependency). */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface Diagnostic {
  range: Range;
  message: string;
  severity?: number;
  source?: string;
  code?: string | number;
  codeDescription?: { href: string };
}
export interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}
export interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  edit?: {
    documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
    changes?: Record<string, TextEdit[]>;
  };
  command?: Command;
}
export interface WorkspaceEdit {
  documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
  changes?: Record<string, TextEdit[]>;
}

/** Every wait on the server is bounded, so a hung server fails the test with what it logged instead of stalling. */
const REQUEST_TIMEOUT_MS = 20_000;

/**
 * What the VS Code ESLint extension (3.x) answers to `workspace/configuration` with its default settings, for a
 * workspace folder that has a flat config. ESLint 10 needs `useFlatConfig: true` and an `experimental` object.
 */
export function getExtensionSettings(workspaceFolder: string) {
  return {
    validate: "on",
    packageManager: "npm",
    useESLintClass: false,
    useFlatConfig: true,
    experimental: {},
    codeActionOnSave: { enable: true, mode: "all" },
    format: false,
    quiet: false,
    onIgnoredFiles: "off",
    options: {},
    rulesCustomizations: [],
    run: "onType",
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workingDirectory: { mode: "location" },
    workspaceFolder: { name: path.basename(workspaceFolder), uri: pathToFileURL(workspaceFolder).href },
    codeAction: {
      disableRuleComment: { enable: true, location: "separateLine", commentStyle: "line" },
      showDocumentation: { enable: true },
    },
  };
}

/**
 * The real `vscode-eslint-language-server` (from vscode-langservers-extracted) over stdio, driven the way VS Code
 * drives it: it answers the server's requests and records what the server asks the editor to do.
 */
export class EslintLanguageServer {
  readonly log: string[] = [];
  /** `workspace/applyEdit` requests: what the editor would apply after a command. */
  readonly appliedEdits: WorkspaceEdit[] = [];
  /** `eslint/openDoc` requests: the pages "Show documentation" opens. */
  readonly openedDocs: string[] = [];
  /** Requests that mean the server could not lint (no library, no config, probe failed). */
  readonly failures: string[] = [];
  private readonly process: ChildProcess;
  private readonly connection: MessageConnection;

  private constructor(private readonly workspaceFolder: string) {
    this.process = spawn(process.execPath, [ESLINT_SERVER_BIN, "--stdio"], {
      cwd: ROOT,
      env: cleanEnv(),
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.process.stderr?.setEncoding("utf8").on("data", (chunk: string) => this.log.push(`[stderr] ${chunk}`));
    this.connection = createMessageConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    const settings = getExtensionSettings(workspaceFolder);
    this.connection.onRequest("workspace/configuration", (params: { items: unknown[] }) =>
      params.items.map(() => settings),
    );
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onRequest("window/workDoneProgress/create", () => null);
    this.connection.onRequest("workspace/applyEdit", (params: { edit: WorkspaceEdit }) => {
      this.appliedEdits.push(params.edit);
      return { applied: true };
    });
    this.connection.onRequest("eslint/openDoc", (params: { url: string }) => {
      this.openedDocs.push(params.url);
      return {};
    });
    for (const method of ["eslint/noLibrary", "eslint/noConfig", "eslint/probeFailed"]) {
      this.connection.onRequest(method, (params: unknown) => {
        this.failures.push(`${method} ${JSON.stringify(params)}`);
        return {};
      });
    }
    this.connection.onRequest((method: string, params: unknown) => {
      this.log.push(`unhandled request ${method} ${JSON.stringify(params)}`);
      return null;
    });
    this.connection.onNotification("window/logMessage", (params: { message: string }) => this.log.push(params.message));
    this.connection.onNotification((method: string, params: unknown) => {
      if (method === "eslint/status" && (params as { state: number }).state !== 1)
        this.failures.push(`${method} ${JSON.stringify(params)}`);
    });
    this.connection.listen();
  }

  static async start(workspaceFolder: string): Promise<EslintLanguageServer> {
    const server = new EslintLanguageServer(workspaceFolder);
    const folderUri = pathToFileURL(workspaceFolder).href;
    await server.request("initialize", {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: path.basename(workspaceFolder) }],
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          applyEdit: true,
          didChangeConfiguration: { dynamicRegistration: true },
        },
        textDocument: {
          diagnostic: { dynamicRegistration: true },
          codeAction: {
            codeActionLiteralSupport: {
              codeActionKind: { valueSet: ["quickfix", "source", "source.fixAll", "source.fixAll.eslint"] },
            },
          },
        },
      },
    });
    await server.connection.sendNotification("initialized", {});
    return server;
  }

  /** Sends a request; rejects with the server's log if it does not answer in time. */
  async request<T>(method: string, params: unknown): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(`${method} got no answer within ${REQUEST_TIMEOUT_MS} ms. Server log:\n${this.log.join("\n")}`),
          ),
        REQUEST_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([this.connection.sendRequest<T>(method, params), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  uri(relativePath: string): string {
    return pathToFileURL(path.join(this.workspaceFolder, relativePath)).href;
  }

  /** Opens a file of the workspace as the editor does, with its text from disk; returns its text. */
  async open(relativePath: string): Promise<string> {
    const text = readFileSync(path.join(this.workspaceFolder, relativePath), "utf8");
    const uri = this.uri(relativePath);
    await this.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "typescript", version: 1, text },
    });
    return text;
  }

  /** Diagnostics are pulled (LSP 3.17 `textDocument/diagnostic`), as VS Code does with this server. */
  async diagnostics(relativePath: string): Promise<Diagnostic[]> {
    const report = await this.request<{ kind: string; items: Diagnostic[] }>("textDocument/diagnostic", {
      textDocument: { uri: this.uri(relativePath) },
    });
    if (report.kind !== "full") throw new Error(`Expected a full diagnostic report, got ${report.kind}`);
    return report.items;
  }

  /** `source.fixAll.eslint`: what `editor.codeActionsOnSave` runs on save. */
  async fixAllOnSave(relativePath: string): Promise<CodeAction[]> {
    const start = { line: 0, character: 0 };
    return this.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri: this.uri(relativePath) },
      range: { start, end: start },
      context: { diagnostics: [], only: ["source.fixAll.eslint"], triggerKind: 2 },
    });
  }

  /** The light-bulb menu for one diagnostic. */
  async quickFixes(relativePath: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return this.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri: this.uri(relativePath) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ["quickfix"], triggerKind: 1 },
    });
  }

  /** Runs a code action's command as VS Code does; the server answers with `workspace/applyEdit`. */
  async execute(command: Command): Promise<void> {
    await this.request("workspace/executeCommand", { command: command.command, arguments: command.arguments });
  }

  async stop(): Promise<void> {
    try {
      await this.request("shutdown", null);
      await this.connection.sendNotification("exit");
    } catch {
      // A server that does not shut down cleanly is killed below either way.
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}

/** Applies LSP text edits (all against the original text, as the protocol defines) to a document. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const offset = (p: Position) => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted)
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

/** The text edits a workspace edit makes to one document. */
export function getEditsFor(edit: WorkspaceEdit | CodeAction["edit"], uri: string): TextEdit[] {
  if (!edit) return [];
  const fromDocumentChanges = (edit.documentChanges ?? [])
    .filter((change) => change.textDocument.uri === uri)
    .flatMap((change) => change.edits);
  return [...fromDocumentChanges, ...(edit.changes?.[uri] ?? [])];
}
