import { readFileSync } from "node:fs";
import path from "node:path";

import { findNearestFile, getModificationTime } from "./find-nearest-file.js";

const EXPOSE = /^\s*EXPOSE\s+(.+)$/gimu;
const PORT = /^(\d+)(?:\/(?:tcp|udp))?$/iu;

const byDockerfile = new Map<string, { modified: number; ports: ReadonlySet<number> }>();

/**
 * The ports the `Dockerfile` beside the nearest `package.json` of `filename` (absolute, or relative to
 * `cwd`) exposes (`EXPOSE 3001`). An app built into that image listens on a port the image fixes and the
 * platform maps, so a literal equal to it is the image's contract, not a laptop value. Variables
 * (`EXPOSE ${PORT}`) fix nothing and are left out.
 */
export function getContainerPorts(filename: string, cwd: string): ReadonlySet<number> {
  const manifest = findNearestFile(path.dirname(path.resolve(cwd, filename)), "package.json");
  if (!manifest) return new Set();
  const dockerfile = path.join(path.dirname(manifest), "Dockerfile");
  const modified = getModificationTime(dockerfile);
  if (modified === undefined) return new Set();
  const cached = byDockerfile.get(dockerfile);
  if (cached?.modified === modified) return cached.ports;
  const ports = new Set<number>();
  let text = "";
  try {
    text = readFileSync(dockerfile, "utf8");
  } catch {
    // Unreadable: no ports, as if there were no Dockerfile.
  }
  for (const match of text.matchAll(EXPOSE)) {
    for (const word of match[1]!.split(/\s+/u)) {
      const port = PORT.exec(word);
      if (port) ports.add(Number(port[1]));
    }
  }
  byDockerfile.set(dockerfile, { modified, ports });
  return ports;
}
