import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Agent, request } from "undici";
import { startCluster, type ClusterOptions } from "../scripts/cluster";
import { servingCertPem } from "../scripts/tls";

export interface BenchCluster {
  url: string;
  kubeconfig: string;
  call(method: string, p: string, body?: unknown, contentType?: string): Promise<{ status: number; body: any }>;
}

/** A fresh cluster per benchmark (as `npm start` runs it), torn down afterwards. */
export async function withCluster<T>(opts: Partial<ClusterOptions>, clients: number, fn: (c: BenchCluster) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), "kubeflare-bench-"));
  const cluster = await startCluster({ dir, port: 0, ...opts });
  await cluster.tick();
  const dispatcher = new Agent({ connect: { ca: servingCertPem(dir) }, connections: clients });
  const call = async (method: string, p: string, body?: unknown, contentType = "application/json") => {
    const res = await request(`${cluster.url}${p}`, {
      method: method as "GET",
      headers: { authorization: `Bearer ${cluster.token}`, "content-type": contentType },
      body: body === undefined ? undefined : JSON.stringify(body),
      dispatcher,
    });
    const text = await res.body.text();
    return { status: res.statusCode, body: text ? JSON.parse(text) : undefined };
  };
  try {
    return await fn({ url: cluster.url, kubeconfig: cluster.kubeconfig, call });
  } finally {
    await dispatcher.close();
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Polls until `done` or the timeout. */
export async function until(what: string, done: () => Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
