// Defaulting for networking, rbac, storage, scheduling, autoscaling/v2 and apiextensions kinds.
import { canonicalQuantity } from "../validation/quantity";
import { ensure, isObj, list, type Obj } from "./util";

export function defaultNetworkPolicy(np: Obj): void {
  const spec = ensure(np, "spec");
  for (const dir of ["ingress", "egress"]) {
    for (const rule of list(spec[dir])) for (const port of list(rule.ports)) port.protocol ||= "TCP";
  }
  // No policyTypes means Ingress, plus Egress when egress rules are given.
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    spec.policyTypes = Array.isArray(spec.egress) && spec.egress.length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
  }
}

export function defaultIngressClass(ic: Obj): void {
  const params = ic.spec?.parameters;
  if (isObj(params) && (params.scope === undefined || params.scope === null)) params.scope = "Cluster";
}

const rbacGroup = "rbac.authorization.k8s.io";

export function defaultBinding(b: Obj): void {
  if (isObj(b.roleRef)) b.roleRef.apiGroup ||= rbacGroup;
  for (const s of list(b.subjects)) {
    if (s.apiGroup) continue;
    if (s.kind === "User" || s.kind === "Group") s.apiGroup = rbacGroup;
    else if (s.kind === "ServiceAccount") s.apiGroup = "";
  }
}

export function defaultStorageClass(sc: Obj): void {
  sc.reclaimPolicy ||= "Delete";
  sc.volumeBindingMode ||= "Immediate";
}

export function defaultPriorityClass(pc: Obj): void {
  pc.preemptionPolicy ||= "PreemptLowerPriority";
}

function scalingRules(rules: unknown, defaults: Obj): Obj {
  const r: Obj = isObj(rules) ? rules : {};
  const out: Obj = { ...structuredClone(defaults) };
  for (const k of ["selectPolicy", "stabilizationWindowSeconds", "policies", "tolerance"]) {
    if (r[k] !== undefined && r[k] !== null) out[k] = r[k];
  }
  return out;
}

/** autoscaling/v2 SetDefaults_HorizontalPodAutoscaler. */
export function defaultHPA(hpa: Obj): void {
  const spec = ensure(hpa, "spec");
  if (typeof spec.minReplicas !== "number") spec.minReplicas = 1;
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
    spec.metrics = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }];
  }
  if (isObj(spec.behavior)) {
    spec.behavior.scaleUp = scalingRules(spec.behavior.scaleUp, {
      stabilizationWindowSeconds: 0,
      selectPolicy: "Max",
      policies: [
        { type: "Pods", value: 4, periodSeconds: 15 },
        { type: "Percent", value: 100, periodSeconds: 15 },
      ],
    });
    // Scale-down keeps no default window: the controller's flag decides it.
    spec.behavior.scaleDown = scalingRules(spec.behavior.scaleDown, {
      selectPolicy: "Max",
      policies: [{ type: "Percent", value: 100, periodSeconds: 15 }],
    });
  }
  for (const m of list(spec.metrics)) {
    for (const src of ["resource", "containerResource", "pods", "object", "external"]) {
      const t = m[src]?.target;
      if (!isObj(t)) continue;
      for (const k of ["value", "averageValue"]) if (t[k] !== undefined && t[k] !== null) t[k] = canonicalQuantity(t[k]);
    }
  }
}

export function defaultCRD(crd: Obj): void {
  const spec = ensure(crd, "spec");
  const names = ensure(spec, "names");
  if (!names.singular && typeof names.kind === "string") names.singular = names.kind.toLowerCase();
  if (!names.listKind && names.kind) names.listKind = `${names.kind}List`;
  if (!isObj(spec.conversion)) spec.conversion = { strategy: "None" };
  const svc = spec.conversion.webhook?.clientConfig?.service;
  if (isObj(svc) && typeof svc.port !== "number") svc.port = 443;
}
