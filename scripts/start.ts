import path from "node:path";
import { ROOT } from "./build";
import { startCluster } from "./cluster";
import { startAgent } from "../src/node-agent";

// `npm start`: one command, a working cluster, sane defaults (PORT and KUBEFLARE_DIR override).
const dir = path.resolve(process.env.KUBEFLARE_DIR ?? path.join(ROOT, ".kubeflare"));
const port = Number(process.env.PORT ?? 8787);

console.log("kubeflare: starting a local control plane");
const cluster = await startCluster({ dir, port, log: (line) => console.log(`  ${line}`) });
await cluster.tick();
// Simulated nodes (the fake runtime) beside the control plane, so workloads run at once.
const nodeCount = Number(process.env.KUBEFLARE_NODES ?? 3);
const agent = nodeCount > 0
  ? await startAgent({ kubeconfig: cluster.kubeconfig, nodeName: "kubeflare-node", nodes: nodeCount, runtime: "fake", log: (line) => console.log(`  agent: ${line}`) })
  : undefined;
const kubeconfig = path.relative(process.cwd(), cluster.kubeconfig) || cluster.kubeconfig;
console.log(`
kubeflare is running at ${cluster.url}
  state:      ${path.join(dir, "state")}
  kubeconfig: ${cluster.kubeconfig}

Next:
  export KUBECONFIG=${kubeconfig.startsWith(".") || path.isAbsolute(kubeconfig) ? kubeconfig : `./${kubeconfig}`}
  kubectl get nodes
  kubectl create deployment web --image=nginx --replicas=3 && kubectl rollout status deploy/web

Ctrl-C stops it; objects persist across restarts.`);

const timer = setInterval(() => cluster.tick().catch((e) => console.error(`cron: ${e}`)), 60_000);
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  clearInterval(timer);
  console.log("\nkubeflare: stopping");
  await agent?.stop();
  await cluster.stop();
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
