// Strategies for core/v1 kinds: defaults + validation, plus the kind-specific parts of
// PrepareForCreate / PrepareForUpdate (generic status/generation handling lives elsewhere).
import type { KubeObject } from "../object";
import type { Strategy } from "../registry/types";
import * as d from "../defaults/core";
import { defaultPod } from "../defaults/pod";
import * as cfg from "../validation/core/config";
import * as cl from "../validation/core/cluster";
import * as ctl from "../validation/core/controller";
import * as pod from "../validation/core/pod";
import * as quota from "../validation/core/quota";
import * as svc from "../validation/core/service";
import * as st from "../validation/core/storage";
import { computeQOS } from "./qos";
import { prepareServiceCreate, prepareServiceUpdate } from "./service";

// What the Priority admission plugin stores for pods without a class it would have to look up.
const systemPriorities: Record<string, number> = { "system-node-critical": 2000001000, "system-cluster-critical": 2000000000 };

function preparePodCreate(obj: KubeObject): void {
  const spec = (obj.spec ??= {});
  const cls = typeof spec.priorityClassName === "string" ? spec.priorityClassName : "";
  if (typeof spec.priority !== "number" && (!cls || cls in systemPriorities)) {
    spec.priority = cls ? systemPriorities[cls] : 0;
    spec.preemptionPolicy ??= "PreemptLowerPriority";
  }
  obj.status = { phase: "Pending", qosClass: computeQOS(spec) };
  if (Array.isArray(spec.schedulingGates) && spec.schedulingGates.length > 0) {
    obj.status.conditions = [
      { type: "PodScheduled", status: "False", reason: "SchedulingGated", message: "Scheduling is blocked due to non-empty scheduling gates", lastProbeTime: null, lastTransitionTime: null },
    ];
  }
}

function prepareNamespaceCreate(obj: KubeObject): void {
  obj.status = { phase: "Active" };
  const spec = (obj.spec ??= {});
  const finalizers: string[] = Array.isArray(spec.finalizers) ? spec.finalizers : [];
  // The namespace controller's finalizer is always present on create; only /finalize removes it.
  if (!finalizers.includes("kubernetes")) spec.finalizers = [...finalizers, "kubernetes"];
}

export const coreStrategies: Record<string, Strategy> = {
  pods: {
    defaults: defaultPod,
    prepareForCreate: preparePodCreate,
    validate: pod.validatePod,
    validateUpdate: pod.validatePodUpdate,
  },
  podtemplates: { defaults: d.defaultPodTemplateKind, validate: pod.validatePodTemplate, validateUpdate: pod.validatePodTemplateUpdate },
  replicationcontrollers: {
    defaults: d.defaultReplicationController,
    validate: ctl.validateReplicationController,
    validateUpdate: ctl.validateReplicationControllerUpdate,
  },
  services: {
    defaults: d.defaultService,
    prepareForCreate: prepareServiceCreate,
    prepareForUpdate: prepareServiceUpdate,
    validate: svc.validateService,
    validateUpdate: svc.validateServiceUpdate,
  },
  endpoints: { defaults: d.defaultEndpoints, validate: cl.validateEndpoints, validateUpdate: cl.validateEndpointsUpdate },
  configmaps: { validate: cfg.validateConfigMap, validateUpdate: cfg.validateConfigMapUpdate },
  secrets: { defaults: d.defaultSecret, validate: cfg.validateSecret, validateUpdate: cfg.validateSecretUpdate },
  namespaces: {
    defaults: d.defaultNamespace,
    prepareForCreate: prepareNamespaceCreate,
    prepareForUpdate(obj, old) {
      (obj.spec ??= {}).finalizers = old.spec?.finalizers;
    },
    validate: cl.validateNamespace,
    validateUpdate: cl.validateNamespaceUpdate,
  },
  nodes: { defaults: d.defaultNode, validate: cl.validateNode, validateUpdate: cl.validateNodeUpdate },
  events: { validate: cl.validateEvent, validateUpdate: cl.validateEventUpdate },
  serviceaccounts: { validate: cl.validateServiceAccount, validateUpdate: cl.validateServiceAccountUpdate },
  persistentvolumes: {
    defaults: d.defaultPV,
    prepareForCreate(obj) {
      obj.status = { phase: "Pending" };
    },
    validate: st.validatePV,
    validateUpdate: st.validatePVUpdate,
  },
  persistentvolumeclaims: {
    defaults: d.defaultPVC,
    prepareForCreate(obj) {
      obj.status = { phase: "Pending" };
    },
    validate: st.validatePVC,
    validateUpdate: st.validatePVCUpdate,
  },
  resourcequotas: { defaults: d.defaultResourceQuota, validate: quota.validateResourceQuota, validateUpdate: quota.validateResourceQuotaUpdate },
  limitranges: { defaults: d.defaultLimitRange, validate: quota.validateLimitRange, validateUpdate: quota.validateLimitRangeUpdate },
};
