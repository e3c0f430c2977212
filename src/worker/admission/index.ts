import type { AdmissionPlugin } from "./chain";
import { limitRanger } from "./limit-ranger";
import { namespaceLifecycle } from "./namespace-lifecycle";
import { resourceQuota } from "./quota";
import { serviceAllocation } from "./service-allocation";
import { defaultStorageClass } from "./default-storage-class";

/**
 * The admission chain, in upstream's order (ResourceQuota last, after everything that may change
 * what is charged). ServiceAccount, PodSecurity and NodeRestriction join here.
 */
export const admissionPlugins: AdmissionPlugin[] = [namespaceLifecycle, serviceAllocation, defaultStorageClass, limitRanger, resourceQuota];
