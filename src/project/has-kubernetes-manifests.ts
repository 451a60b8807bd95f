import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { getProjectRoot, isListingCurrent, listProjectFiles } from "./get-importers.js";
import { isSingleRun } from "./is-single-run.js";

/** What makes a YAML file a Kubernetes workload: a probe that routes traffic, or a workload kind. */
const KUBERNETES = /^\s*readinessProbe\s*:|^kind\s*:\s*(?:Deployment|StatefulSet|DaemonSet)\b/mu;
const YAML = /\.ya?ml$/u;
const MAX_DEPTH = 5;
const MAX_FILES = 2000;
const MAX_SIZE = 256 * 1024;

const listings = new Map<string, { files: string[]; listedAt: number }>();
const verdicts = new Map<string, { mtimeMs: number; size: number; kubernetes: boolean }>();

/** The repository a project belongs to (the folder with `.git`, a few levels above it at most), or the project. */
function getRepositoryRoot(project: string): string {
  let current = project;
  for (let depth = 0; depth < 4; depth++) {
    if (existsSync(path.join(current, ".git"))) return current;
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return project;
}

function listYaml(root: string): string[] {
  const known = listings.get(root);
  if (known && isListingCurrent(known.listedAt)) return known.files;
  const files = listProjectFiles(root, (name) => YAML.test(name), { maxFiles: MAX_FILES, maxDepth: MAX_DEPTH });
  listings.set(root, { files, listedAt: Date.now() });
  return files;
}

function isKubernetesFile(file: string): boolean {
  const known = verdicts.get(file);
  if (known && isSingleRun()) return known.kubernetes;
  let status;
  try {
    status = statSync(file);
  } catch {
    return false;
  }
  if (known && known.mtimeMs === status.mtimeMs && known.size === status.size) return known.kubernetes;
  let kubernetes = false;
  if (status.size <= MAX_SIZE) {
    try {
      kubernetes = KUBERNETES.test(readFileSync(file, "utf8"));
    } catch {
      // Unreadable: not evidence of anything.
    }
  }
  verdicts.set(file, { mtimeMs: status.mtimeMs, size: status.size, kubernetes });
  return kubernetes;
}

/**
 * Whether the project of `file`, or the repository it is in, deploys to Kubernetes: a YAML manifest or chart template with a
 * `readinessProbe`, or a `Deployment` / `StatefulSet` / `DaemonSet` (`k8s/`, `kubernetes/`, `deploy/`,
 * `charts/*\/templates/`). Kubernetes sends traffic only to pods whose readiness probe passes; most other
 * platforms (Docker Compose, a PaaS health check) use one health route for everything.
 */
export function hasKubernetesManifests(file: string): boolean {
  const project = getProjectRoot(file) ?? path.dirname(file);
  if (listYaml(project).some(isKubernetesFile)) return true;
  const repository = getRepositoryRoot(project);
  return repository !== project && listYaml(repository).some(isKubernetesFile);
}
