import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Agent, request } from "undici";
import { startCluster } from "../scripts/cluster";
import { servingCertPem } from "../scripts/tls";
import { measure, report, round } from "./measure";

// `npm run bench [-- --quick]`: the API write path beside a raw single-store write, in one run on one
// cluster, so the ratio between them is meaningful on a shared, noisy machine.

const quick = process.argv.includes("--quick");
const TOTAL = quick ? 600 : 4000;
const CLIENTS = 16;

const dir = mkdtempSync(path.join(tmpdir(), "kubeflare-bench-"));
const cluster = await startCluster({
  dir,
  port: 0,
  extraWorkers: [
    {
      name: "raw-store",
      modules: true,
      scriptPath: path.join(path.dirname(fileURLToPath(import.meta.url)), "raw-store-worker.js"),
      compatibilityDate: "2026-04-26",
      routes: ["*/raw-store"],
      durableObjects: { STORE: { className: "ResourceStore", scriptName: "kubeflare", useSQLite: true } },
    },
  ],
});
await cluster.tick();
const dispatcher = new Agent({ connect: { ca: servingCertPem(dir) }, connections: CLIENTS });
const auth = { authorization: `Bearer ${cluster.token}`, "content-type": "application/json" };

async function post(p: string, body: unknown, headers: Record<string, string> = auth): Promise<number> {
  const res = await request(`${cluster.url}${p}`, { method: "POST", headers, body: JSON.stringify(body), dispatcher });
  await res.body.dump();
  return res.statusCode;
}
/** The raw peer has its own route on the same listener, TLS and connections as the API. */
const rawWrite = (key: string, name: string, value: unknown) =>
  post("/raw-store", { key, namespace: "bench", name, value: JSON.stringify(value) });

try {
  if ((await post("/api/v1/namespaces", { metadata: { name: "bench" } })) !== 201) throw new Error("cannot create namespace");
  const configmap = (name: string) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "bench" }, data: { k: "v" } });

  // Warm both paths so isolate start-up and SQLite page-in are not measured.
  for (let i = 0; i < 50; i++) {
    await post("/api/v1/namespaces/bench/configmaps", configmap(`warm-${i}`));
    if ((await rawWrite(`bench/warm-${i}`, `warm-${i}`, configmap(`warm-${i}`))) !== 201) throw new Error("raw peer is not answering");
  }
  const store = await measure(TOTAL, CLIENTS, async (i) => {
    if ((await rawWrite(`bench/cm-${i}`, `cm-${i}`, configmap(`cm-${i}`))) !== 201) throw new Error("raw write failed");
  });
  const apiRun = await measure(TOTAL, CLIENTS, async (i) => {
    const code = await post("/api/v1/namespaces/bench/configmaps", configmap(`cm-${i}`));
    if (code !== 201) throw new Error(`create answered ${code}`);
  });

  report({ bench: "store.raw.create", clients: CLIENTS, value: round(store.opsPerSec, 0), unit: "writes/s", p50_ms: round(store.p50), p99_ms: round(store.p99), n: TOTAL });
  report({
    bench: "api.configmaps.create",
    clients: CLIENTS,
    value: round(apiRun.opsPerSec, 0),
    unit: "creates/s",
    p50_ms: round(apiRun.p50),
    p99_ms: round(apiRun.p99),
    n: TOTAL,
    peer: "store.raw.create",
    ratio: round(apiRun.opsPerSec / store.opsPerSec, 3),
  });
} finally {
  await dispatcher.close();
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
