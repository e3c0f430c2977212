// The EndpointSlice controller (upstream pkg/controller/endpointslice + staging endpointslice
// reconciler): a Service's selected pods as discovery.k8s.io/v1 EndpointSlices, one set per
// address family, at most `maxEndpointsPerSlice` endpoints each, grouped by the ports the pods
// serve. Existing slices are kept and edited in place (endpoints stay where they are, new ones
// fill free room) so a pod's change rewrites one slice, not all. A Service with no endpoints keeps
// one empty placeholder slice, as upstream. Deleting the slices of a deleted Service is left to
// the garbage collector, through their ownerReference.
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
  type Family,
} from "./service-pods";
import { keyOf, splitKey, type Action, type Cache, type Controller } from "./types";

export const ENDPOINTSLICES = "endpointslices.discovery.k8s.io";
export const LABEL_SERVICE_NAME = "kubernetes.io/service-name";
export const LABEL_MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
export const CONTROLLER_NAME = "endpointslice-controller.k8s.io";
const LABEL_HEADLESS = "service.kubernetes.io/headless";
const LABEL_ZONE = "topology.kubernetes.io/zone";

export interface EndpointSliceOptions {
  maxEndpointsPerSlice?: number;
}

/** Service labels minus the reserved ones, plus the reserved ones as this controller sets them. */
function sliceLabels(svc: KubeObject): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) {
    if (k !== LABEL_SERVICE_NAME && k !== LABEL_MANAGED_BY && k !== LABEL_HEADLESS) labels[k] = v;
  }
  if (isHeadless(svc)) labels[LABEL_HEADLESS] = "";
  labels[LABEL_SERVICE_NAME] = svc.metadata.name!;
  labels[LABEL_MANAGED_BY] = CONTROLLER_NAME;
  return labels;
}

/** podToEndpoint: "ready" is never true while terminating, unless the Service publishes not-ready addresses. */
function toEndpoint(pod: KubeObject, svc: KubeObject, family: Family, cache: Cache): Obj | undefined {
  const addresses = podIPs(pod, family);
  if (addresses.length === 0) return undefined;
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = svc.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const ep: Obj = { addresses, conditions: { ready, serving, terminating } };
  const hostname = hostnameFor(pod, svc);
  if (hostname) ep.hostname = hostname;
  ep.targetRef = podRef(pod);
  const nodeName = pod.spec?.nodeName;
  if (nodeName) ep.nodeName = nodeName;
  const zone = nodeName ? cache.get("nodes", undefined, nodeName)?.metadata.labels?.[LABEL_ZONE] : undefined;
  if (zone) ep.zone = zone;
  return ep;
}

const endpointId = (ep: Obj): string => ep.targetRef?.uid ?? ep.targetRef?.name ?? canonical(ep.addresses);

interface Plan {
  slice?: KubeObject;
  ports: Obj[];
  endpoints: Obj[];
}

/** The slices of one address family: which to update, create and delete. */
function reconcileFamily(svc: KubeObject, family: Family, pods: KubeObject[], existing: KubeObject[], cache: Cache, max: number): Action[] {
  const groups = new Map<string, { ports: Obj[]; endpoints: Map<string, Obj> }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ep = toEndpoint(pod, svc, family, cache);
    if (!ep) continue;
    const ports = endpointPorts(svc, pod);
    const key = canonical(ports);
    if (!groups.has(key)) groups.set(key, { ports, endpoints: new Map() });
    groups.get(key)!.endpoints.set(endpointId(ep), ep);
  }
  // Keep every still-wanted endpoint in the slice that has it, with its current content.
  const placed = new Set<string>();
  const plans: Plan[] = existing.map((slice) => {
    const group = groups.get(canonical(slice.ports ?? []));
    const endpoints: Obj[] = [];
    for (const old of slice.endpoints ?? []) {
      const id = endpointId(old);
      const want = group?.endpoints.get(id);
      if (!want || placed.has(id)) continue;
      endpoints.push(want);
      placed.add(id);
    }
    return { slice, ports: group ? group.ports : (slice.ports ?? []), endpoints };
  });
  // New endpoints fill free room in slices with the same ports (those changing anyway first, to
  // save writes), then slices left empty (a placeholder, say), and only then new slices.
  const changing = new Set(plans.filter((p) => !semanticEqual(p.slice?.endpoints, p.endpoints)));
  const order = [...plans].sort((a, b) => Number(changing.has(b)) - Number(changing.has(a)));
  for (const [key, group] of groups) {
    const rest = [...group.endpoints].filter(([id]) => !placed.has(id)).map(([, ep]) => ep);
    for (const plan of order) if (canonical(plan.ports) === key) plan.endpoints.push(...rest.splice(0, Math.max(0, max - plan.endpoints.length)));
    for (const plan of order) {
      if (rest.length && plan.endpoints.length === 0) Object.assign(plan, { ports: group.ports, endpoints: rest.splice(0, max) });
    }
    while (rest.length) plans.push({ ports: group.ports, endpoints: rest.splice(0, max) });
  }
  const labels = sliceLabels(svc);
  const actions: Action[] = [];
  const wanted = plans.filter((p) => p.endpoints.length > 0);
  // No endpoints at all: one empty placeholder slice stays (reusing an existing one if any).
  if (wanted.length === 0) wanted.push(plans[0] ? { ...plans[0], ports: [], endpoints: [] } : { ports: [], endpoints: [] });
  for (const plan of plans) {
    if (plan.slice && !wanted.some((w) => w.slice === plan.slice)) actions.push(deleteSlice(plan.slice));
  }
  for (const plan of wanted) {
    const { slice } = plan;
    if (!slice) {
      const metadata = { generateName: `${svc.metadata.name}-`, namespace: svc.metadata.namespace, labels, ownerReferences: [ownerRef(svc)] };
      const object = { apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", metadata, addressType: family, endpoints: plan.endpoints, ports: plan.ports };
      actions.push({ verb: "create", resource: ENDPOINTSLICES, namespace: svc.metadata.namespace, object });
    } else if (!semanticEqual(slice.endpoints, plan.endpoints) || !semanticEqual(slice.ports, plan.ports) || !semanticEqual(slice.metadata.labels, labels)) {
      const object = structuredClone(slice);
      Object.assign(object, { endpoints: plan.endpoints, ports: plan.ports });
      object.metadata.labels = labels;
      actions.push({ verb: "update", resource: ENDPOINTSLICES, object });
    }
  }
  return actions;
}

function ownerRef(svc: KubeObject) {
  return { apiVersion: "v1", kind: "Service", name: svc.metadata.name!, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

function deleteSlice(slice: KubeObject): Action {
  const { namespace, name, uid } = slice.metadata;
  return { verb: "delete", resource: ENDPOINTSLICES, namespace, name: name!, preconditions: { uid } };
}

/** Slices this controller manages for the Service name (whatever Service uid they belong to). */
function managedSlices(cache: Cache, namespace: string | undefined, service: string): KubeObject[] {
  return cache
    .list(ENDPOINTSLICES, namespace)
    .filter((s) => s.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME && s.metadata.labels?.[LABEL_SERVICE_NAME] === service)
    .filter((s) => !s.metadata.deletionTimestamp)
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
}

function reconcile(key: string, cache: Cache, max: number): Action[] {
  const { namespace, name } = splitKey(key);
  const svc = cache.get(SERVICES, namespace, name);
  if (!isManagedService(svc)) return [];
  const families = serviceFamilies(svc);
  const mine = (s: KubeObject) => (s.metadata.ownerReferences ?? []).some((o) => o.uid === svc.metadata.uid && o.kind === "Service");
  const slices = managedSlices(cache, namespace, name);
  // Slices of an older Service of this name, or of a family the Service no longer has, go.
  const actions = slices.filter((s) => !mine(s) || !families.includes(s.addressType)).map(deleteSlice);
  const pods = selectedPods(cache, svc);
  for (const family of families) {
    actions.push(...reconcileFamily(svc, family, pods, slices.filter((s) => mine(s) && s.addressType === family), cache, max));
  }
  return actions;
}

/** Services whose slices list the pod, so a pod that stopped matching is taken out. */
function servicesListing(cache: Cache, pod: KubeObject): string[] {
  return cache
    .list(ENDPOINTSLICES, pod.metadata.namespace)
    .filter((s) => s.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME)
    .filter((s) => (s.endpoints ?? []).some((e: Obj) => e?.targetRef?.uid === pod.metadata.uid))
    .map((s) => `${s.metadata.namespace}/${s.metadata.labels![LABEL_SERVICE_NAME]}`);
}

export function endpointSliceController(opts: EndpointSliceOptions = {}): Controller {
  const max = opts.maxEndpointsPerSlice ?? 100;
  return {
    name: "endpointslice",
    watches: [
      { resource: SERVICES, keys: (svc) => [keyOf(svc)] },
      { resource: PODS, keys: (pod, cache) => [...new Set([...servicesSelecting(cache, pod), ...servicesListing(cache, pod)])] },
      {
        resource: ENDPOINTSLICES,
        keys: (s) => (s.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME && s.metadata.labels[LABEL_SERVICE_NAME] ? [`${s.metadata.namespace}/${s.metadata.labels[LABEL_SERVICE_NAME]}`] : []),
      },
      // Nodes only feed endpoints' zones; a zone change shows at the next resync.
      { resource: "nodes", keys: () => [] },
    ],
    reconcile: (key, cache) => ({ actions: reconcile(key, cache, max) }),
  };
}
