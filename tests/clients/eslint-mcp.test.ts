import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";

import type { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { assertPluginBuilt, copyDemoApp, ESLINT_BIN, ROOT, type DemoCopy } from "./utils/demo-app.js";
import { parseJsonResults } from "./utils/eslint-results.js";
import { PINNED_FINDINGS, PINNED_RULE } from "./utils/pinned-findings.js";
import { cleanEnv, runNode } from "./utils/run-node.js";

const MCP_BIN = path.join(ROOT, "node_modules", "@eslint", "mcp", "src", "mcp-cli.js");

interface JsonRpcResponse {
  id?: number;
  result?: { content?: { type: string; text: string }[]; tools?: { name: string }[] };
  error?: { message: string };
}

/** ESLint's MCP server over stdio, as a coding assistant starts it: one JSON-RPC message per line. */
class McpClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = "";
  private nextId = 1;
  private readonly waiting = new Map<number, (response: JsonRpcResponse) => void>();

  constructor(cwd: string) {
    this.child = spawn(process.execPath, [MCP_BIN], { cwd, env: cleanEnv() });
    this.child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      this.buffer += chunk;
      for (let end = this.buffer.indexOf("\n"); end !== -1; end = this.buffer.indexOf("\n")) {
        const line = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 1);
        if (line.trim() === "") continue;
        const response = JSON.parse(line) as JsonRpcResponse;
        if (response.id !== undefined) this.waiting.get(response.id)?.(response);
      }
    });
  }

  request(method: string, params: unknown): Promise<JsonRpcResponse> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method}: no answer from the MCP server`)), 30_000);
      this.waiting.set(id, (response) => {
        clearTimeout(timer);
        resolve(response);
      });
      this.child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
    });
  }

  notify(method: string): void {
    this.child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method })}\n`);
  }

  close(): void {
    this.child.kill();
  }
}

describe("ESLint's MCP server (@eslint/mcp) on the demo app", () => {
  let app: DemoCopy;
  let client: McpClient;

  beforeAll(async () => {
    await assertPluginBuilt();
    app = copyDemoApp();
    client = new McpClient(app.dir);
    const initialized = await client.request("initialize", {
      protocolVersion: "2025-06-18",
      capabilities: {},
      clientInfo: { name: "eslint-plugin-harden-tests", version: "1.0.0" },
    });
    expect(initialized.error).toBeUndefined();
    client.notify("notifications/initialized");
  });

  afterAll(() => {
    client.close();
    app.remove();
  });

  it("offers its lint tool", async () => {
    const listed = await client.request("tools/list", {});
    expect(listed.result?.tools?.map((tool) => tool.name)).toContain("lint-files");
  });

  it("lint-files returns the plugin's findings for a file, as the eslint command does", async () => {
    const file = path.join(app.dir, "src", "routes", "orders.ts");
    const called = await client.request("tools/call", { name: "lint-files", arguments: { filePaths: [file] } });
    expect(called.error).toBeUndefined();
    // The tool answers with a line for the assistant, then one JSON result per file, then another line.
    const results = (called.result?.content ?? [])
      .filter((item) => item.text.startsWith("{"))
      .map((item) => JSON.parse(item.text) as ESLint.LintResult);
    expect(results.map((result) => result.filePath)).toEqual([file]);
    const messages = results[0]?.messages ?? [];

    const pinned = messages
      .filter((message) => message.ruleId === PINNED_RULE)
      .map(({ line, column, endLine, endColumn, messageId }) => ({ line, column, endLine, endColumn, messageId }));
    expect(pinned).toEqual(
      PINNED_FINDINGS.filter((finding) => finding.file === "src/routes/orders.ts").map(
        ({ line, column, endLine, endColumn, messageId }) => ({ line, column, endLine, endColumn, messageId }),
      ),
    );

    const cli = await runNode([ESLINT_BIN, "--format", "json", "src/routes/orders.ts"], { cwd: app.dir });
    const [expected] = parseJsonResults(cli.stdout);
    const label = (message: ESLint.LintResult["messages"][number]) =>
      `${message.line}:${message.column} ${message.ruleId} ${message.messageId}`;
    expect(messages.map(label)).toEqual(expected?.messages.map(label));
    expect(messages.every((message) => message.ruleId?.startsWith("harden/"))).toBe(true);
  });
});
