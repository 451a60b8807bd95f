import { spawn } from "node:child_process";

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment a client starts with: no colours, and none of the switches the demo and `debug` read. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };
  delete env.HARDEN_CONFIG;
  delete env.DEBUG;
  delete env.NODE_OPTIONS;
  // Whether a run is one-time is inferred from these (see src/project/is-single-run.ts): as on a user's machine.
  delete env.CI;
  delete env.TSESTREE_SINGLE_RUN;
  return { ...env, ...extra };
}

/** Runs `node <args>` and collects its output; killed (and reported as such) after `timeoutMs`. */
export function runNode(
  args: readonly string[],
  { cwd, env = cleanEnv(), timeoutMs = 30_000 }: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`node ${args.join(" ")} did not finish within ${timeoutMs} ms.\n${stderr}`));
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
