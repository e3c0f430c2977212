// Printed columns per resource, keyed by qualified resource name ("pods", "deployments.apps").
// Mirrors which kinds have a printer in kube-apiserver 1.32; the ones mapped to defaultColumns have
// none upstream, and anything absent here should also get the default table.
import type { ColumnDef } from "../registry/types";
import * as adm from "./admission";
import * as apps from "./apps";
import { horizontalPodAutoscalerColumns } from "./autoscaling";
import { cronJobColumns, jobColumns } from "./batch";
import * as core from "./core";
import { eventColumns } from "./event";
import * as misc from "./misc";
import * as net from "./networking";
import { nodeColumns } from "./node";
import { podColumns } from "./pod";
import { clusterRoleBindingColumns, roleBindingColumns } from "./rbac";
import { endpointsColumns, serviceColumns } from "./service";
import * as storage from "./storage";
import { defaultColumns } from "./table";

export { toTable, defaultColumns } from "./table";
export type { IncludeObject, TableOptions } from "./table";

export const printColumns: Record<string, ColumnDef[]> = {
  // core
  pods: podColumns,
  podtemplates: core.podTemplateColumns,
  replicationcontrollers: core.replicationControllerColumns,
  services: serviceColumns,
  endpoints: endpointsColumns,
  nodes: nodeColumns,
  namespaces: core.namespaceColumns,
  events: eventColumns,
  configmaps: core.configMapColumns,
  secrets: core.secretColumns,
  serviceaccounts: core.serviceAccountColumns,
  persistentvolumes: core.persistentVolumeColumns,
  persistentvolumeclaims: core.persistentVolumeClaimColumns,
  resourcequotas: core.resourceQuotaColumns,
  componentstatuses: core.componentStatusColumns,
  limitranges: defaultColumns,
  // apps
  "deployments.apps": apps.deploymentColumns,
  "replicasets.apps": apps.replicaSetColumns,
  "statefulsets.apps": apps.statefulSetColumns,
  "daemonsets.apps": apps.daemonSetColumns,
  "controllerrevisions.apps": apps.controllerRevisionColumns,
  // batch, autoscaling, policy
  "jobs.batch": jobColumns,
  "cronjobs.batch": cronJobColumns,
  "horizontalpodautoscalers.autoscaling": horizontalPodAutoscalerColumns,
  "poddisruptionbudgets.policy": misc.podDisruptionBudgetColumns,
  // networking, discovery
  "ingresses.networking.k8s.io": net.ingressColumns,
  "ingressclasses.networking.k8s.io": net.ingressClassColumns,
  "networkpolicies.networking.k8s.io": net.networkPolicyColumns,
  "endpointslices.discovery.k8s.io": net.endpointSliceColumns,
  // rbac
  "roles.rbac.authorization.k8s.io": defaultColumns,
  "clusterroles.rbac.authorization.k8s.io": defaultColumns,
  "rolebindings.rbac.authorization.k8s.io": roleBindingColumns,
  "clusterrolebindings.rbac.authorization.k8s.io": clusterRoleBindingColumns,
  // storage
  "storageclasses.storage.k8s.io": storage.storageClassColumns,
  "csidrivers.storage.k8s.io": storage.csiDriverColumns,
  "csinodes.storage.k8s.io": storage.csiNodeColumns,
  "volumeattachments.storage.k8s.io": storage.volumeAttachmentColumns,
  "csistoragecapacities.storage.k8s.io": storage.csiStorageCapacityColumns,
  // the rest
  "events.events.k8s.io": eventColumns,
  "leases.coordination.k8s.io": misc.leaseColumns,
  "priorityclasses.scheduling.k8s.io": misc.priorityClassColumns,
  "certificatesigningrequests.certificates.k8s.io": misc.certificateSigningRequestColumns,
  "runtimeclasses.node.k8s.io": misc.runtimeClassColumns,
  "apiservices.apiregistration.k8s.io": misc.apiServiceColumns,
  "customresourcedefinitions.apiextensions.k8s.io": defaultColumns,
  "mutatingwebhookconfigurations.admissionregistration.k8s.io": adm.mutatingWebhookColumns,
  "validatingwebhookconfigurations.admissionregistration.k8s.io": adm.validatingWebhookColumns,
  "validatingadmissionpolicies.admissionregistration.k8s.io": adm.validatingAdmissionPolicyColumns,
  "validatingadmissionpolicybindings.admissionregistration.k8s.io": adm.validatingAdmissionPolicyBindingColumns,
  "flowschemas.flowcontrol.apiserver.k8s.io": adm.flowSchemaColumns,
  "prioritylevelconfigurations.flowcontrol.apiserver.k8s.io": adm.priorityLevelColumns,
};
