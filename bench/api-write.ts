import path from "node:path";
import { fileURLToPath } from "node:url";
import { withCluster } from "./harness";
import { measure, report, round } from "./measure";

const CLIENTS = 16;

/** Configmap creates through the full HTTPS API beside raw writes to one store over the same listener. */
export async function benchApiWrite(quick: boolean): Promise<void> {
  const total = quick ? 600 : 4000;
  const rawWorker = {
    name: "raw-store",
    modules: true,
    scriptPath: path.join(path.dirname(fileURLToPath(import.meta.url)), "raw-store-worker.js"),
    compatibilityDate: "2026-04-26",
    routes: ["*/raw-store"],
    durableObjects: { STORE: { className: "ResourceStore", scriptName: "kubeflare", useSQLite: true } },
  };
  await withCluster({ extraWorkers: [rawWorker] }, CLIENTS, async (c) => {
    if ((await c.call("POST", "/api/v1/namespaces", { metadata: { name: "bench" } })).status !== 201) throw new Error("cannot create namespace");
    const configmap = (name: string) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "bench" }, data: { k: "v" } });
    const raw = (name: string) => c.call("POST", "/raw-store", { key: `bench/${name}`, namespace: "bench", name, value: JSON.stringify(configmap(name)) });
    // Warm both paths so isolate start-up and SQLite page-in are not measured.
    for (let i = 0; i < 50; i++) {
      await c.call("POST", "/api/v1/namespaces/bench/configmaps", configmap(`warm-${i}`));
      if ((await raw(`warm-${i}`)).status !== 201) throw new Error("raw peer is not answering");
    }
    const store = await measure(total, CLIENTS, async (i) => {
      if ((await raw(`cm-${i}`)).status !== 201) throw new Error("raw write failed");
    });
    const api = await measure(total, CLIENTS, async (i) => {
      const { status } = await c.call("POST", "/api/v1/namespaces/bench/configmaps", configmap(`cm-${i}`));
      if (status !== 201) throw new Error(`create answered ${status}`);
    });
    report({ bench: "store.raw.create", clients: CLIENTS, value: round(store.opsPerSec, 0), unit: "writes/s", p50_ms: round(store.p50), p99_ms: round(store.p99), n: total });
    report({
      bench: "api.configmaps.create",
      clients: CLIENTS,
      value: round(api.opsPerSec, 0),
      unit: "creates/s",
      p50_ms: round(api.p50),
      p99_ms: round(api.p99),
      n: total,
      peer: "store.raw.create",
      ratio: round(api.opsPerSec / store.opsPerSec, 3),
    });
  });
}
