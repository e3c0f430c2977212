// A fetch for the shared client that trusts the cluster's own CA (kubeflare's local cluster uses a
// self-signed certificate) and keeps watch streams open: undici's body timeout is off because the
// client's idle timer already reopens silent watches.
import { Agent, fetch as undiciFetch } from "undici";
import type { FetchLike } from "../client";
import type { Connection } from "./kubeconfig";

export interface NodeFetch {
  fetch: FetchLike;
  close(): Promise<void>;
}

export function nodeFetch(conn: Connection): NodeFetch {
  const dispatcher = new Agent({
    connect: { ca: conn.ca, cert: conn.cert, key: conn.key, rejectUnauthorized: !conn.insecure },
    bodyTimeout: 0,
    headersTimeout: 60_000,
    // Many simulated nodes share one process: allow enough parallel connections for their watches and writes.
    connections: 64,
  });
  const fetch: FetchLike = (url, init) =>
    undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher }) as unknown as Promise<Response>;
  return { fetch, close: () => dispatcher.close() };
}
