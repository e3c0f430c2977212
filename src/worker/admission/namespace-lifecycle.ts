import { StatusError, errors, qualifiedResource } from "../../api/errors";
import type { KubeObject } from "../../api/object";
import { ResourceStorage, writeListeners } from "../storage";
import type { AdmissionPlugin } from "./chain";
import { namespaceDef } from "../registry";

/** Namespaces that exist from the start and may never be deleted. */
export const IMMORTAL_NAMESPACES = ["default", "kube-system", "kube-public"];

/** How long a seen-Active namespace is trusted without a store read (upstream uses an informer). */
const CACHE_MS = 2000;
const active = new Map<string, number>();

writeListeners.push((def, obj) => {
  if (def === namespaceDef) active.delete(obj.metadata.name!);
});

/**
 * NamespaceLifecycle: no new objects in a namespace that is missing or terminating, and the
 * system namespaces cannot be deleted.
 */
export const namespaceLifecycle: AdmissionPlugin = {
  name: "NamespaceLifecycle",
  async validate(req) {
    if (req.operation === "DELETE" && req.def === namespaceDef && IMMORTAL_NAMESPACES.includes(req.name ?? "")) {
      throw errors.forbidden(`namespaces "${req.name}" is forbidden: this namespace may not be deleted`);
    }
    if (req.operation !== "CREATE" || !req.def.namespaced || !req.namespace) return;
    const seen = active.get(req.namespace);
    if (seen !== undefined && Date.now() - seen < CACHE_MS) return;
    const ns = await new ResourceStorage(req.env, namespaceDef).get(undefined, req.namespace);
    if (!ns) throw errors.notFound("", "namespaces", req.namespace);
    if (isTerminating(ns)) {
      active.delete(req.namespace);
      throw new StatusError(
        403,
        "Forbidden",
        `${qualifiedResource(req.def.group, req.def.plural)} "${req.object?.metadata.name ?? ""}" is forbidden: unable to create new content in namespace ${req.namespace} because it is being terminated`,
        { name: req.object?.metadata.name, kind: req.def.plural, causes: [{ reason: "NamespaceTerminating", message: `namespace ${req.namespace} is being terminated`, field: "metadata.namespace" }] },
      );
    }
    active.set(req.namespace, Date.now());
  },
};

function isTerminating(ns: KubeObject): boolean {
  return !!ns.metadata.deletionTimestamp || ns.status?.phase === "Terminating";
}
