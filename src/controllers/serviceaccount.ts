// The ServiceAccounts controller (upstream pkg/controller/serviceaccount): every Active namespace
// has a `default` ServiceAccount; deleting it brings it back. Terminating namespaces get nothing,
// since the namespace controller is emptying them.
import type { KubeObject } from "../api/object";
import { type Action, type Controller } from "./types";

export const SERVICEACCOUNTS = "serviceaccounts";

export interface ServiceAccountOptions {
  /** The accounts every namespace gets (kube-controller-manager's is just "default"). */
  names?: string[];
}

function isActive(ns: KubeObject | undefined): ns is KubeObject {
  return !!ns && !ns.metadata.deletionTimestamp && (ns.status?.phase ?? "Active") === "Active";
}

export function serviceAccountController(opts: ServiceAccountOptions = {}): Controller {
  const names = opts.names ?? ["default"];
  return {
    name: "serviceaccount",
    watches: [
      { resource: "namespaces", keys: (ns) => [ns.metadata.name!] },
      { resource: SERVICEACCOUNTS, keys: (sa) => (names.includes(sa.metadata.name!) ? [sa.metadata.namespace!] : []) },
    ],
    reconcile(key, cache) {
      const ns = cache.get("namespaces", undefined, key);
      if (!isActive(ns)) return { actions: [] };
      const actions: Action[] = names
        .filter((name) => !cache.get(SERVICEACCOUNTS, key, name))
        .map((name) => ({
          verb: "create",
          resource: SERVICEACCOUNTS,
          namespace: key,
          object: { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: key } },
        }));
      return { actions };
    },
  };
}
