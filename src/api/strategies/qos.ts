// A pod's QoS class (core/helper/qos.ComputePodQOS), which the Pod strategy stores at creation.
import { addQuantity, cmpQuantity, isZero, parseQuantity, type Quantity } from "../validation/quantity";

type Obj = Record<string, any>;
const qosResources = ["cpu", "memory"];

function sumInto(into: Map<string, Quantity>, list: unknown, found?: Set<string>): void {
  if (typeof list !== "object" || list === null) return;
  for (const [name, v] of Object.entries(list as Obj)) {
    if (!qosResources.includes(name)) continue;
    const q = parseQuantity(v);
    if (typeof q === "string" || isZero(q)) continue;
    found?.add(name);
    const prev = into.get(name);
    into.set(name, prev ? addQuantity(prev, q) : q);
  }
}

export function computeQOS(spec: Obj | undefined): "Guaranteed" | "Burstable" | "BestEffort" {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const containers = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])] as Obj[];
  for (const c of containers) {
    sumInto(requests, c?.resources?.requests);
    const found = new Set<string>();
    sumInto(limits, c?.resources?.limits, found);
    if (!qosResources.every((r) => found.has(r))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || cmpQuantity(lim, req) !== 0) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}
