// Reads what the agent needs from a kubeconfig: the current context's server, CA and credentials
// (token, token file or client certificate), the way kubectl resolves them.
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { parse } from "yaml";

export interface Connection {
  server: string;
  ca?: string;
  cert?: string;
  key?: string;
  token?: string;
  insecure?: boolean;
}

type Named<T> = { name: string } & T;

/** --kubeconfig, else $KUBECONFIG (first entry), else .kubeflare/kubeconfig, else ~/.kube/config. */
export function defaultKubeconfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.KUBECONFIG?.split(path.delimiter).find(Boolean);
  if (fromEnv) return fromEnv;
  const local = path.resolve(".kubeflare/kubeconfig");
  return existsSync(local) ? local : path.join(homedir(), ".kube", "config");
}

export function loadKubeconfig(file: string, context?: string): Connection {
  return parseKubeconfig(readFileSync(file, "utf8"), path.dirname(path.resolve(file)), context);
}

/** `dir` resolves relative certificate/token file paths, as kubectl does (relative to the kubeconfig). */
export function parseKubeconfig(text: string, dir: string, context?: string): Connection {
  const doc = (parse(text) ?? {}) as Record<string, any>;
  const find = <T>(list: unknown, name: string, what: string): T => {
    const hit = (Array.isArray(list) ? (list as Named<T>[]) : []).find((x) => x?.name === name);
    if (!hit) throw new Error(`kubeconfig: ${what} "${name}" not found`);
    return hit;
  };
  const ctxName = context ?? doc["current-context"];
  if (!ctxName) throw new Error("kubeconfig: no current-context");
  const ctx = find<{ context: { cluster: string; user?: string } }>(doc.contexts, ctxName, "context").context;
  const cluster = find<{ cluster: Record<string, any> }>(doc.clusters, ctx.cluster, "cluster").cluster;
  const user = ctx.user ? find<{ user: Record<string, any> }>(doc.users, ctx.user, "user").user ?? {} : {};
  const file = (p: string) => readFileSync(path.resolve(dir, p), "utf8");
  const b64 = (s: string) => Buffer.from(s, "base64").toString("utf8");
  const pick = (data: unknown, fileName: unknown): string | undefined =>
    typeof data === "string" ? b64(data) : typeof fileName === "string" ? file(fileName) : undefined;
  if (typeof cluster.server !== "string") throw new Error(`kubeconfig: cluster "${ctx.cluster}" has no server`);
  const conn: Connection = { server: cluster.server };
  const ca = pick(cluster["certificate-authority-data"], cluster["certificate-authority"]);
  if (ca) conn.ca = ca;
  if (cluster["insecure-skip-tls-verify"] === true) conn.insecure = true;
  const token = typeof user.token === "string" ? user.token : typeof user.tokenFile === "string" ? file(user.tokenFile).trim() : undefined;
  if (token) conn.token = token;
  const cert = pick(user["client-certificate-data"], user["client-certificate"]);
  const key = pick(user["client-key-data"], user["client-key"]);
  if (cert && key) Object.assign(conn, { cert, key });
  return conn;
}
