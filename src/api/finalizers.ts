// Finalizer names with meaning to the API server itself.

/** Held by a CRD until its custom resources are deleted (upstream's name). */
export const CRD_CLEANUP_FINALIZER = "customresourcecleanup.apiextensions.k8s.io";
