// The ResourceStore's RPC contract. Plain serialisable types only: objects travel as JSON text, so
// the store never re-encodes what it does not need to read, and RPC types stay shallow.

/** What a list or watch filters on. The store evaluates selectors itself so it never ships rows it drops. */
export interface Selection {
  /** Qualified resource name ("pods", "deployments.apps"): picks the kind's selectable fields. */
  resource: string;
  namespaced: boolean;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface ListRequest extends Selection {
  limit?: number;
  continue?: string;
  resourceVersion?: string;
  resourceVersionMatch?: "Exact" | "NotOlderThan";
}

export interface ListResult {
  items: string[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export type WriteResult =
  | { ok: true; value: string; rv: number }
  | { ok: false; reason: "AlreadyExists" | "NotFound" | "Conflict"; current?: string };

export interface WatchRequest extends Selection {
  resourceVersion?: string;
  allowWatchBookmarks?: boolean;
  sendInitialEvents?: boolean;
  timeoutSeconds?: number;
  /** apiVersion and kind for BOOKMARK objects. */
  apiVersion: string;
  kind: string;
}

/** Keys sort as upstream's etcd keys do: by namespace, then name. */
export function storeKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}
