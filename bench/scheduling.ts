import { startAgent } from "../src/node-agent";
import { until, withCluster } from "./harness";
import { measure, report, round } from "./measure";

const CLIENTS = 16;

/** Bare pods created through the API onto fake nodes: how fast they are bound. */
export async function benchScheduling(quick: boolean): Promise<void> {
  const nodes = quick ? 50 : 1000;
  const pods = quick ? 500 : 10_000;
  await withCluster({}, CLIENTS, async (c) => {
    const agent = await startAgent({ kubeconfig: c.kubeconfig, nodeName: "bench", nodes, runtime: "fake", log: () => {} });
    try {
      await until(`${nodes} nodes`, async () => (await c.call("GET", "/api/v1/nodes")).body.items.length === nodes, 300_000, 1000);
      const pod = (i: number) => ({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: `p-${i}`, namespace: "default" },
        spec: { containers: [{ name: "c", image: "pause", resources: { requests: { cpu: "10m", memory: "16Mi" } } }] },
      });
      const started = Date.now();
      const created = await measure(pods, CLIENTS, async (i) => {
        const { status } = await c.call("POST", "/api/v1/namespaces/default/pods", pod(i));
        if (status !== 201) throw new Error(`pod create answered ${status}`);
      });
      const bound = async () => (await c.call("GET", "/api/v1/namespaces/default/pods?fieldSelector=spec.nodeName%21%3D")).body.items.length;
      await until(`${pods} pods bound`, async () => (await bound()) === pods, 600_000, 500);
      const seconds = (Date.now() - started) / 1000;
      report({ bench: "scheduler.pods_bound", nodes, pods, value: round(pods / seconds, 0), unit: "pods/s", seconds: round(seconds, 1), create_rate: round(created.opsPerSec, 0) });
    } finally {
      await agent.stop();
    }
  });
}
