import { Miniflare, type WorkerOptions } from "miniflare";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { buildWorker } from "./build";
import { servingCert } from "./tls";

export interface ClusterOptions {
  /** Holds state/, the admin token and the kubeconfig. */
  dir: string;
  port: number;
  host?: string;
  /** Extra worker bindings (tests shorten heartbeats or compaction with these). */
  bindings?: Record<string, string>;
  /** More workers beside the control plane (benchmarks add a raw-store peer), reached by their routes. */
  extraWorkers?: WorkerOptions[];
  log?: (line: string) => void;
}

export interface Cluster {
  url: string;
  token: string;
  kubeconfig: string;
  mf: Miniflare;
  /** Runs the cron trigger once, as Cloudflare would every minute. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/** The admin token is generated once per cluster directory and kept, so kubeconfigs stay valid. */
function adminToken(dir: string): string {
  const file = path.join(dir, "admin-token");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const token = randomBytes(32).toString("hex");
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

export function kubeconfigYaml(url: string, token: string, caPem: string): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "- name: kubeflare",
    "  cluster:",
    `    server: ${url}`,
    `    certificate-authority-data: ${Buffer.from(caPem).toString("base64")}`,
    "users:",
    "- name: kubeflare-admin",
    "  user:",
    `    token: ${token}`,
    "contexts:",
    "- name: kubeflare",
    "  context:",
    "    cluster: kubeflare",
    "    user: kubeflare-admin",
    "    namespace: default",
    "current-context: kubeflare",
    "",
  ].join("\n");
}

/** Builds the worker and runs the control plane on Miniflare with persisted Durable Objects. */
export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const log = opts.log ?? (() => {});
  const host = opts.host ?? "127.0.0.1";
  mkdirSync(opts.dir, { recursive: true });
  let t = Date.now();
  const script = await buildWorker(path.join(opts.dir, "build", "worker.js"));
  log(`built the worker (${Date.now() - t} ms)`);
  t = Date.now();
  const token = adminToken(opts.dir);
  const tls = await servingCert(opts.dir);
  const mf = new Miniflare({
    workers: [
      {
        name: "kubeflare",
        modules: true,
        scriptPath: script,
        modulesRoot: path.dirname(script),
        compatibilityDate: "2026-04-26",
        durableObjects: {
          STORE: { className: "ResourceStore", useSQLite: true },
          CONTROLLERS: { className: "ControllerManager", useSQLite: true },
          SCHEDULER: { className: "Scheduler", useSQLite: true },
        },
        bindings: { ADMIN_TOKEN: token, ...opts.bindings },
      },
      ...(opts.extraWorkers ?? []),
    ],
    durableObjectsPersist: path.join(opts.dir, "state"),
    host,
    port: opts.port,
    https: true,
    httpsKey: tls.key,
    httpsCert: tls.cert,
    cf: false,
  });
  const url = (await mf.ready).toString().replace(/\/$/, "");
  log(`control plane is up (${Date.now() - t} ms)`);
  const kubeconfig = path.join(opts.dir, "kubeconfig");
  writeFileSync(kubeconfig, kubeconfigYaml(url, token, tls.cert), { mode: 0o600 });
  const worker = await mf.getWorker("kubeflare");
  return {
    url,
    token,
    kubeconfig,
    mf,
    tick: async () => {
      await worker.scheduled({ cron: "* * * * *", scheduledTime: new Date() });
    },
    stop: () => mf.dispose(),
  };
}
