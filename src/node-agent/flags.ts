// Command-line flags → AgentOptions. Pure, so it is tested without starting anything.
import { parseDuration } from "./clock";
import type { AgentOptions } from "./agent";

export const USAGE = `kubeflare-agent: run a kubeflare node (or N simulated ones) against a cluster

  --kubeconfig PATH        cluster and credentials (default $KUBECONFIG, .kubeflare/kubeconfig, ~/.kube/config)
  --node-name NAME         node name (default: the hostname)
  --nodes N                simulate N nodes named NAME-0 … NAME-(N-1)
  --runtime fake           container runtime (only "fake" so far)
  --allocate-pod-cidr      give new nodes a free 10.244.<n>.0/24 when no IPAM controller does
  --job-duration 1s        how long containers of Never/OnFailure pods run before exiting 0
  --max-grace 1s           cap on a deleted pod's simulated shutdown (its grace period, at most this)
  --lease-seconds 40       Lease duration
  --heartbeat 10s          Lease renewal interval
  --node-status-report 1m  post unchanged node status this often (changes are posted at once)
  --capacity k=v,…         node capacity (default cpu=8,memory=32Gi,pods=110,ephemeral-storage=100Gi)
  --node-ip 10.0.0.1       InternalIP of the first node; others count up
`;

const positiveInt = (flag: string, v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag}: want a positive integer, got "${v}"`);
  return n;
};

/** Throws with a readable message on unknown flags or bad values; `help` asks for the usage text. */
export function parseFlags(argv: string[]): AgentOptions & { help?: boolean } {
  const o: AgentOptions & { help?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf("=");
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "-h":
      case "--help": o.help = true; break;
      case "--kubeconfig": o.kubeconfig = value(); break;
      case "--node-name": o.nodeName = value(); break;
      case "--nodes": o.nodes = positiveInt(flag, value()); break;
      case "--runtime": {
        const r = value();
        if (r !== "fake") throw new Error(`--runtime: only "fake" is supported, got "${r}"`);
        o.runtime = r;
        break;
      }
      case "--allocate-pod-cidr": o.allocatePodCidr = true; break;
      case "--job-duration": o.jobDurationMs = parseDuration(value()); break;
      case "--max-grace": o.maxGraceMs = parseDuration(value()); break;
      case "--lease-seconds": o.leaseSeconds = positiveInt(flag, value()); break;
      case "--heartbeat": o.heartbeatMs = parseDuration(value()); break;
      case "--node-status-report": o.statusReportMs = parseDuration(value()); break;
      case "--node-ip": o.nodeIP = value(); break;
      case "--capacity": {
        o.capacity = {};
        for (const pair of value().split(",").filter(Boolean)) {
          const [k, v] = pair.split("=");
          if (!k || !v) throw new Error(`--capacity: want name=quantity, got "${pair}"`);
          o.capacity[k] = v;
        }
        break;
      }
      default: throw new Error(`unknown flag ${flag} (see --help)`);
    }
  }
  if (o.heartbeatMs !== undefined && o.heartbeatMs <= 0) throw new Error("--heartbeat must be positive");
  return o;
}
