import { checkQuota } from "../../api/admission/quota";
import { errors } from "../../api/errors";
import { qualifiedName } from "../../api/registry/registry";
import { builtinRegistry } from "../registry";
import { ResourceStorage } from "../storage";
import type { AdmissionPlugin } from "./chain";
import { namespaceObjects } from "./namespace-objects";

const ATTEMPTS = 5;

/**
 * ResourceQuota admission: refuses a write that would exceed a quota, and charges the quota's
 * status.used before the object is stored (the controller later corrects writes that failed).
 */
export const resourceQuota: AdmissionPlugin = {
  name: "ResourceQuota",
  async validate(req) {
    if (!req.namespace || !req.object || (req.operation !== "CREATE" && req.operation !== "UPDATE")) return;
    const quotaStorage = new ResourceStorage(req.env, builtinRegistry.byQualifiedName("resourcequotas")!);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const quotas = await namespaceObjects(req.env, "resourcequotas", req.namespace);
      if (quotas.length === 0) return;
      const { error, updates } = checkQuota(
        { operation: req.operation, resource: qualifiedName(req.def), subresource: req.subresource, name: req.name, object: req.object, oldObject: req.oldObject },
        quotas,
      );
      if (error) throw error;
      if (req.dryRun || updates.length === 0) return;
      let charged = true;
      for (const quota of updates) {
        const written = await quotaStorage.update(quota, Number(quota.metadata.resourceVersion));
        if (!written.ok) charged = false;
      }
      if (charged) return;
    }
    throw errors.conflict("", "resourcequotas", req.namespace, "quota usage changed too often; try again");
  },
};
