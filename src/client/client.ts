// A small typed Kubernetes client over any fetch-like function, so the same code runs in Node (undici
// with the cluster's CA) and in Workers (global fetch, or a function that calls the app in-process).
import type { KubeList, KubeObject } from "../api/object";
import { ApiError } from "./errors";
import { resourcePath, queryString, apiVersionOf, type ResourceRef } from "./paths";
import { watchEvents, type WatchOptions } from "./watch";
import type { WatchEvent } from "./lines";

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** Base URL of the API server, e.g. https://127.0.0.1:8787. */
  server: string;
  fetch?: FetchLike;
  /** Bearer token sent on every request. */
  token?: string;
  userAgent?: string;
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
}

export interface WriteOptions {
  /** Defaults to the object's metadata.namespace. */
  namespace?: string;
  fieldManager?: string;
  dryRun?: boolean;
  subresource?: string;
}

export type PatchType = "merge" | "json" | "strategic" | "apply";

const PATCH_TYPES: Record<PatchType, string> = {
  merge: "application/merge-patch+json",
  json: "application/json-patch+json",
  strategic: "application/strategic-merge-patch+json",
  apply: "application/apply-patch+yaml",
};

export interface PatchOptions extends WriteOptions {
  type?: PatchType;
  /** Server-side apply only: take over fields other managers own. */
  force?: boolean;
}

export interface DeleteOptions {
  namespace?: string;
  gracePeriodSeconds?: number;
  propagationPolicy?: "Background" | "Foreground" | "Orphan";
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface RequestOptions {
  body?: string;
  contentType?: string;
  signal?: AbortSignal;
}

export class KubeClient {
  private readonly server: string;
  private readonly doFetch: FetchLike;

  constructor(private readonly opts: ClientOptions) {
    this.server = opts.server.replace(/\/+$/, "");
    this.doFetch = opts.fetch ?? ((url, init) => fetch(url, init));
  }

  /** One HTTP round trip; any non-2xx answer becomes an ApiError with the server's Status. */
  async request(method: string, path: string, ro: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.opts.token) headers.authorization = `Bearer ${this.opts.token}`;
    if (this.opts.userAgent) headers["user-agent"] = this.opts.userAgent;
    if (ro.body !== undefined) headers["content-type"] = ro.contentType ?? "application/json";
    const res = await this.doFetch(this.server + path, { method, headers, body: ro.body, signal: ro.signal });
    if (!res.ok) throw ApiError.fromBody(res.status, await res.text().catch(() => ""));
    return res;
  }

  private async json<T>(method: string, path: string, ro?: RequestOptions): Promise<T> {
    const res = await this.request(method, path, ro);
    return (await res.json()) as T;
  }

  get<T extends KubeObject = KubeObject>(ref: ResourceRef, name: string, namespace?: string): Promise<T> {
    return this.json("GET", resourcePath(ref, { namespace, name }));
  }

  list<T extends KubeObject = KubeObject>(ref: ResourceRef, lo: ListOptions = {}): Promise<KubeList<T>> {
    const { namespace, ...query } = lo;
    return this.json("GET", resourcePath(ref, { namespace }) + queryString({ ...query }));
  }

  create<T extends KubeObject = KubeObject>(ref: ResourceRef, obj: T, wo: WriteOptions = {}): Promise<T> {
    const namespace = wo.namespace ?? obj.metadata.namespace;
    const name = wo.subresource ? obj.metadata.name : undefined;
    const path = resourcePath(ref, { namespace, name, subresource: wo.subresource }) + writeQuery(wo);
    return this.json("POST", path, { body: JSON.stringify(withType(ref, obj)) });
  }

  /** PUT; a metadata.resourceVersion makes it conditional (409 Conflict when stale). */
  update<T extends KubeObject = KubeObject>(ref: ResourceRef, obj: T, wo: WriteOptions = {}): Promise<T> {
    const namespace = wo.namespace ?? obj.metadata.namespace;
    const path = resourcePath(ref, { namespace, name: obj.metadata.name ?? "", subresource: wo.subresource }) + writeQuery(wo);
    return this.json("PUT", path, { body: JSON.stringify(withType(ref, obj)) });
  }

  patch<T extends KubeObject = KubeObject>(ref: ResourceRef, name: string, patch: unknown, po: PatchOptions = {}): Promise<T> {
    const type = po.type ?? "merge";
    const query = { fieldManager: po.fieldManager, dryRun: po.dryRun ? "All" : undefined, force: po.force || undefined };
    const path = resourcePath(ref, { namespace: po.namespace, name, subresource: po.subresource }) + queryString(query);
    const body = typeof patch === "string" ? patch : JSON.stringify(patch);
    return this.json("PATCH", path, { body, contentType: PATCH_TYPES[type] });
  }

  /** Answers the object when it lingers (finalizers, a pod's grace period) or, for some kinds, a Status. */
  delete<T extends KubeObject = KubeObject>(ref: ResourceRef, name: string, d: DeleteOptions = {}): Promise<T> {
    const { namespace, ...options } = d;
    const body = JSON.stringify({ kind: "DeleteOptions", apiVersion: "v1", ...options });
    return this.json("DELETE", resourcePath(ref, { namespace, name }), { body });
  }

  /**
   * Events from a resourceVersion on, resumed across dropped streams and server timeouts; BOOKMARKs
   * are yielded too (they advance the resume point). Throws ApiError 410 when the point was
   * compacted away: the caller must re-list (Informer does).
   */
  watch<T extends KubeObject = KubeObject>(ref: ResourceRef, wo: WatchOptions = {}): AsyncGenerator<WatchEvent<T>, void> {
    return watchEvents<T>(this, ref, wo);
  }
}

function writeQuery(wo: WriteOptions): string {
  return queryString({ fieldManager: wo.fieldManager, dryRun: wo.dryRun ? "All" : undefined });
}

/** The server needs apiVersion/kind in bodies; callers may leave them out. */
function withType<T extends KubeObject>(ref: ResourceRef, obj: T): T {
  if (obj.apiVersion && (obj.kind || !ref.kind)) return obj;
  return { ...obj, apiVersion: obj.apiVersion ?? apiVersionOf(ref), kind: obj.kind ?? ref.kind };
}
