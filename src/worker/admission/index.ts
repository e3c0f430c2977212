import type { AdmissionPlugin } from "./chain";
import { namespaceLifecycle } from "./namespace-lifecycle";

/** The admission chain, in order. Quota, LimitRanger, ServiceAccount, PodSecurity and NodeRestriction join here. */
export const admissionPlugins: AdmissionPlugin[] = [namespaceLifecycle];
