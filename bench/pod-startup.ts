import { startAgent } from "../src/node-agent";
import { until, withCluster } from "./harness";
import { report, round } from "./measure";

/** A Deployment's pods from the create request to Running, as a watcher of the pod list sees it. */
export async function benchPodStartup(quick: boolean): Promise<void> {
  const replicas = quick ? 30 : 100;
  const nodes = quick ? 3 : 10;
  await withCluster({}, 4, async (c) => {
    const agent = await startAgent({ kubeconfig: c.kubeconfig, nodeName: "bench", nodes, runtime: "fake", log: () => {} });
    try {
      await until(`${nodes} nodes`, async () => (await c.call("GET", "/api/v1/nodes")).body.items.length === nodes, 60_000);
      const deployment = {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "startup", namespace: "default" },
        spec: {
          replicas,
          selector: { matchLabels: { app: "startup" } },
          template: { metadata: { labels: { app: "startup" } }, spec: { containers: [{ name: "c", image: "nginx" }] } },
        },
      };
      const running = new Map<string, number>();
      const started = Date.now();
      const { status } = await c.call("POST", "/apis/apps/v1/namespaces/default/deployments", deployment);
      if (status !== 201) throw new Error(`deployment create answered ${status}`);
      await until(`${replicas} pods Running`, async () => {
        const { items } = (await c.call("GET", "/api/v1/namespaces/default/pods?labelSelector=app%3Dstartup")).body;
        for (const p of items) if (p.status?.phase === "Running" && !running.has(p.metadata.name)) running.set(p.metadata.name, Date.now() - started);
        return running.size >= replicas;
      }, 120_000, 50);
      const latencies = [...running.values()].sort((a, b) => a - b);
      const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
      report({ bench: "pods.startup.deployment", replicas, nodes, value: q(0.99), unit: "ms p99", p50_ms: q(0.5), p99_ms: q(0.99), runtime: "fake" });
    } finally {
      await agent.stop();
    }
  });
}
