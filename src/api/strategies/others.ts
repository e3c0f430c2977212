// Strategies for networking, RBAC, policy, autoscaling, storage, scheduling, coordination,
// certificates and apiextensions kinds.
import type { KubeObject } from "../object";
import type { Strategy } from "../registry/types";
import * as od from "../defaults/other";
import * as misc from "../validation/cluster-misc";
import * as crd from "../validation/apiextensions";
import * as hpa from "../validation/autoscaling";
import * as ing from "../validation/networking/ingress";
import * as np from "../validation/networking/networkpolicy";
import * as pdb from "../validation/policy";
import * as rbac from "../validation/rbac";

function storageVersion(obj: KubeObject): string | undefined {
  const versions: { name?: string; storage?: boolean }[] = Array.isArray(obj.spec?.versions) ? obj.spec.versions : [];
  return versions.find((v) => v?.storage === true)?.name;
}

/** The CRD strategy records every version ever used for storage in status.storedVersions. */
function recordStoredVersion(obj: KubeObject): void {
  const v = storageVersion(obj);
  if (!v) return;
  const status = (obj.status ??= {});
  const stored: string[] = Array.isArray(status.storedVersions) ? status.storedVersions : [];
  if (!stored.includes(v)) status.storedVersions = [...stored, v];
}

export const otherStrategies: Record<string, Strategy> = {
  "ingresses.networking.k8s.io": { validate: ing.validateIngress, validateUpdate: ing.validateIngressUpdate },
  "ingressclasses.networking.k8s.io": { defaults: od.defaultIngressClass, validate: ing.validateIngressClass, validateUpdate: ing.validateIngressClassUpdate },
  "networkpolicies.networking.k8s.io": { defaults: od.defaultNetworkPolicy, validate: np.validateNetworkPolicy, validateUpdate: np.validateNetworkPolicyUpdate },
  "roles.rbac.authorization.k8s.io": { validate: rbac.validateRole, validateUpdate: rbac.validateRoleUpdate },
  "clusterroles.rbac.authorization.k8s.io": { validate: rbac.validateClusterRole, validateUpdate: rbac.validateClusterRoleUpdate },
  "rolebindings.rbac.authorization.k8s.io": { defaults: od.defaultBinding, validate: rbac.validateRoleBinding, validateUpdate: rbac.validateRoleBindingUpdate },
  "clusterrolebindings.rbac.authorization.k8s.io": {
    defaults: od.defaultBinding,
    validate: rbac.validateClusterRoleBinding,
    validateUpdate: rbac.validateClusterRoleBindingUpdate,
  },
  "poddisruptionbudgets.policy": { validate: pdb.validatePodDisruptionBudget, validateUpdate: pdb.validatePodDisruptionBudgetUpdate },
  "horizontalpodautoscalers.autoscaling": { defaults: od.defaultHPA, validate: hpa.validateHPA, validateUpdate: hpa.validateHPAUpdate },
  "storageclasses.storage.k8s.io": { defaults: od.defaultStorageClass, validate: misc.validateStorageClass, validateUpdate: misc.validateStorageClassUpdate },
  "priorityclasses.scheduling.k8s.io": { defaults: od.defaultPriorityClass, validate: misc.validatePriorityClass, validateUpdate: misc.validatePriorityClassUpdate },
  "leases.coordination.k8s.io": { validate: misc.validateLease, validateUpdate: misc.validateLeaseUpdate },
  "certificatesigningrequests.certificates.k8s.io": {
    prepareForUpdate(obj, old) {
      obj.spec = old.spec; // a CSR's request is fixed once submitted
    },
    validate: misc.validateCSR,
    validateUpdate: misc.validateCSRUpdate,
  },
  "customresourcedefinitions.apiextensions.k8s.io": {
    defaults: od.defaultCRD,
    prepareForCreate: recordStoredVersion,
    prepareForUpdate: recordStoredVersion,
    validate: crd.validateCRD,
    validateUpdate: crd.validateCRDUpdate,
  },
};
