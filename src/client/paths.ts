// URL paths and query strings, built from (group, version, resource, namespace) the way client-go's
// REST client does: the core group lives under /api, every other group under /apis/<group>.

export interface ResourceRef {
  /** "" for the core group. */
  group: string;
  version: string;
  /** The plural resource name, e.g. "pods". */
  resource: string;
  namespaced: boolean;
  /** Filled into bodies that leave it out. */
  kind?: string;
}

export interface PathParts {
  namespace?: string;
  name?: string;
  subresource?: string;
}

export function groupVersionPath(group: string, version: string): string {
  return group === "" ? `/api/${version}` : `/apis/${group}/${version}`;
}

export function apiVersionOf(ref: ResourceRef): string {
  return ref.group === "" ? ref.version : `${ref.group}/${ref.version}`;
}

/** `namespace` is ignored for cluster-scoped resources; without it a namespaced ref lists all namespaces. */
export function resourcePath(ref: ResourceRef, parts: PathParts = {}): string {
  const segs = [groupVersionPath(ref.group, ref.version)];
  if (ref.namespaced && parts.namespace) segs.push("namespaces", encodeURIComponent(parts.namespace));
  segs.push(ref.resource);
  if (parts.name !== undefined) {
    if (parts.name === "") throw new Error(`a ${ref.resource} name must not be empty`);
    segs.push(encodeURIComponent(parts.name));
    if (parts.subresource) segs.push(parts.subresource);
  } else if (parts.subresource) {
    throw new Error(`subresource ${parts.subresource} needs a name`);
  }
  return segs.join("/");
}

export type QueryValue = string | number | boolean | undefined;

/** Drops undefined values so optional options never reach the wire as "undefined". */
export function queryString(params: Record<string, QueryValue>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}
