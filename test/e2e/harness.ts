import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startCluster, type Cluster } from "../../scripts/cluster";

export const KUBECTL = process.env.KUBECTL ?? "/usr/bin/kubectl";

/** Missing kubectl fails the suite (never skips it): the e2e tests are about the real client. */
export function requireKubectl(): void {
  if (!existsSync(KUBECTL)) throw new Error(`kubectl not found at ${KUBECTL}: install it or set KUBECTL`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export class TestCluster {
  readonly dir = mkdtempSync(path.join(tmpdir(), "kubeflare-e2e-"));
  readonly cacheDir = path.join(this.dir, "kubectl-cache");
  cluster!: Cluster;
  port!: number;

  async start(): Promise<void> {
    this.port ??= await freePort();
    this.cluster = await startCluster({ dir: this.dir, port: this.port });
    await this.cluster.tick();
  }

  async stop(): Promise<void> {
    await this.cluster?.stop();
  }

  kubectl(args: string[], input?: string): Promise<Run> {
    return this.kubectlEnv(args, {}, input);
  }

  /** kubectl with extra environment (e.g. EDITOR for `kubectl edit`). */
  kubectlEnv(args: string[], env: Record<string, string>, input?: string): Promise<Run> {
    const full = ["--kubeconfig", this.cluster.kubeconfig, "--cache-dir", this.cacheDir, ...args];
    const options = { timeout: 60_000, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, ...env } };
    return new Promise((resolve) => {
      const child = execFile(KUBECTL, full, options, (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
      if (input !== undefined) child.stdin!.end(input);
    });
  }

  /** Runs kubectl and fails with its stderr unless it succeeds. */
  async ok(args: string[], input?: string): Promise<string> {
    const r = await this.kubectl(args, input);
    if (r.code !== 0) throw new Error(`kubectl ${args.join(" ")} exited ${r.code}:\n${r.stderr}${r.stdout}`);
    return r.stdout;
  }

  file(name: string, content: string): string {
    const p = path.join(this.dir, name);
    writeFileSync(p, content);
    return p;
  }
}

/** Polls `fn` until it returns something truthy, or fails after `timeoutMs` with the last error. */
export async function eventually<T>(
  what: string,
  fn: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
