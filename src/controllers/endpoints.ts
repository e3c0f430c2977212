// The Endpoints controller (upstream pkg/controller/endpoint): for each Service with a selector,
// one core/v1 Endpoints of the same name listing the selected pods' addresses, ready or not,
// grouped by the ports they serve. Written only when the content changed.
import type { KubeObject } from "../api/object";
import { semanticEqual, type Obj } from "../api/validation/field";
import {
  PODS,
  SERVICES,
  canonical,
  endpointPorts,
  hostnameFor,
  isHeadless,
  isManagedService,
  isPodReady,
  podIPs,
  podRef,
  selectedPods,
  serviceFamilies,
  servicesSelecting,
  shouldPodBeInEndpoints,
} from "./service-pods";
import { keyOf, splitKey, type Action, type Cache, type Controller } from "./types";

export const ENDPOINTS = "endpoints";
const HEADLESS_LABEL = "service.kubernetes.io/headless";
const OVER_CAPACITY = "endpoints.kubernetes.io/over-capacity";
/** Endpoints beyond this are truncated (EndpointSlices carry the full set). */
const MAX_ADDRESSES = 1000;

/** Code-point order: the same in every runtime, unlike localeCompare. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byIP = (a: Obj, b: Obj) => cmp(canonical([a.ip, a.targetRef?.uid]), canonical([b.ip, b.targetRef?.uid]));

/** The subsets upstream's syncService + RepackSubsets produce: one subset per distinct port set. */
export function desiredSubsets(svc: KubeObject, pods: KubeObject[]): Obj[] {
  const tolerate = svc.spec?.publishNotReadyAddresses === true;
  const family = serviceFamilies(svc)[0]!;
  const portless = (svc.spec?.ports ?? []).length === 0;
  // Only a headless Service may have no ports; it then lists bare addresses.
  if (portless && svc.spec?.clusterIP !== "None") return [];
  const groups = new Map<string, { ports: Obj[]; addresses: Obj[]; notReadyAddresses: Obj[] }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerate)) continue;
    const ip = podIPs(pod, family)[0];
    if (!ip) continue;
    const address: Obj = { ip };
    const hostname = hostnameFor(pod, svc);
    if (hostname) address.hostname = hostname;
    if (pod.spec?.nodeName) address.nodeName = pod.spec.nodeName;
    address.targetRef = podRef(pod);
    // v1.EndpointPort omits an empty name.
    const ports = portless ? [] : endpointPorts(svc, pod).map(({ name, ...rest }) => (name ? { name, ...rest } : rest));
    if (!portless && ports.length === 0) continue;
    const key = canonical(ports);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports, addresses: [], notReadyAddresses: [] }));
    (tolerate || isPodReady(pod) ? group.addresses : group.notReadyAddresses).push(address);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([, g]) => {
      const subset: Obj = {};
      if (g.addresses.length) subset.addresses = g.addresses.sort(byIP);
      if (g.notReadyAddresses.length) subset.notReadyAddresses = g.notReadyAddresses.sort(byIP);
      if (g.ports.length) subset.ports = [...g.ports].sort((a, b) => cmp(canonical(a), canonical(b)));
      return subset;
    });
}

/** Keeps at most MAX_ADDRESSES, not-ready ones dropped first; true when anything was cut. */
function truncate(subsets: Obj[]): boolean {
  const count = (field: string) => subsets.reduce((n, s) => n + (s[field]?.length ?? 0), 0);
  let excess = count("addresses") + count("notReadyAddresses") - MAX_ADDRESSES;
  if (excess <= 0) return false;
  for (const field of ["notReadyAddresses", "addresses"]) {
    for (const s of [...subsets].reverse()) {
      const cut = Math.min(excess, s[field]?.length ?? 0);
      if (cut > 0) s[field] = s[field].slice(0, s[field].length - cut);
      if (s[field]?.length === 0) delete s[field];
      excess -= cut;
    }
  }
  return true;
}

function desiredLabels(svc: KubeObject): Record<string, string> {
  const labels = { ...(svc.metadata.labels ?? {}) };
  if (isHeadless(svc)) labels[HEADLESS_LABEL] = "";
  else delete labels[HEADLESS_LABEL];
  return labels;
}

function reconcile(key: string, cache: Cache): Action[] {
  const { namespace, name } = splitKey(key);
  if (namespace === "default" && name === "kubernetes") return [];
  const svc = cache.get(SERVICES, namespace, name);
  const current = cache.get(ENDPOINTS, namespace, name);
  if (!svc) {
    // The Service is gone: so are its endpoints (upstream deletes on the Service's delete event).
    if (!current || current.metadata.deletionTimestamp) return [];
    return [{ verb: "delete", resource: ENDPOINTS, namespace, name, preconditions: { uid: current.metadata.uid } }];
  }
  if (!isManagedService(svc)) return [];
  const subsets = desiredSubsets(svc, selectedPods(cache, svc));
  const truncated = truncate(subsets);
  const labels = desiredLabels(svc);
  if (!current) {
    const metadata: Obj = { name, namespace };
    if (Object.keys(labels).length) metadata.labels = labels;
    if (truncated) metadata.annotations = { [OVER_CAPACITY]: "truncated" };
    const object: KubeObject = { apiVersion: "v1", kind: "Endpoints", metadata, ...(subsets.length ? { subsets } : {}) };
    return [{ verb: "create", resource: ENDPOINTS, namespace, object }];
  }
  const annotations = { ...(current.metadata.annotations ?? {}) };
  if (truncated) annotations[OVER_CAPACITY] = "truncated";
  else delete annotations[OVER_CAPACITY];
  const same =
    semanticEqual(current.subsets, subsets) && semanticEqual(current.metadata.labels, labels) && semanticEqual(current.metadata.annotations, annotations);
  if (same) return [];
  const object = structuredClone(current);
  object.metadata.labels = labels;
  object.metadata.annotations = annotations;
  if (subsets.length) object.subsets = subsets;
  else delete object.subsets;
  return [{ verb: "update", resource: ENDPOINTS, object }];
}

/** Managed Services whose current Endpoints list the pod (so a pod that stopped matching leaves). */
function servicesListing(cache: Cache, pod: KubeObject): string[] {
  const uid = pod.metadata.uid;
  const lists = (ep: KubeObject) =>
    (ep.subsets ?? []).some((s: Obj) => [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])].some((a: Obj) => a?.targetRef?.uid === uid));
  return cache
    .list(ENDPOINTS, pod.metadata.namespace)
    .filter((ep) => lists(ep) && isManagedService(cache.get(SERVICES, ep.metadata.namespace, ep.metadata.name!)))
    .map(keyOf);
}

export const endpointsController: Controller = {
  name: "endpoints",
  watches: [
    { resource: SERVICES, keys: (svc) => [keyOf(svc)] },
    { resource: PODS, keys: (pod, cache) => [...new Set([...servicesSelecting(cache, pod), ...servicesListing(cache, pod)])] },
    // Someone else's edit (or deletion) of managed Endpoints is repaired; others' Endpoints are left alone.
    { resource: ENDPOINTS, keys: (ep, cache) => (isManagedService(cache.get(SERVICES, ep.metadata.namespace, ep.metadata.name!)) ? [keyOf(ep)] : []) },
  ],
  reconcile: (key, cache) => ({ actions: reconcile(key, cache) }),
};
