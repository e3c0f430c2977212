import { builtinRegistry } from "../registry";
import { ResourceStorage } from "../storage";
import type { AdmissionPlugin } from "./chain";

const DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";

/** DefaultStorageClass: a claim created without a class gets the default one, as upstream. */
export const defaultStorageClass: AdmissionPlugin = {
  name: "DefaultStorageClass",
  async mutate(req) {
    if (req.operation !== "CREATE" || req.def.kind !== "PersistentVolumeClaim" || req.subresource || !req.object) return;
    const spec = (req.object.spec ??= {});
    // Only an absent class is defaulted: "" explicitly asks for no class.
    if (spec.storageClassName !== undefined && spec.storageClassName !== null) return;
    const storage = new ResourceStorage(req.env, builtinRegistry.byQualifiedName("storageclasses.storage.k8s.io")!);
    const { items } = await storage.list(storage.selection(undefined, {}));
    const defaults = items.filter((c) => c.metadata.annotations?.[DEFAULT_CLASS] === "true");
    // Upstream picks the newest default when several are marked.
    defaults.sort((a, b) => String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp)));
    if (defaults[0]) spec.storageClassName = defaults[0].metadata.name;
  },
};
