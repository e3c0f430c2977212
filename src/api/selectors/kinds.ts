// Per-kind selectable fields beyond metadata.name/namespace. A kind is listed here only when
// upstream registers a field label conversion for its served version (pkg/apis/<group>/<v>/
// conversion.go); the getters render values as its strategy's ToSelectableFields does
// (pkg/registry/...). Kinds not listed, including everything in apps/v1 (replicasets.apps
// rejects status.replicas upstream), get the metadata-only default.

import type { KubeObject } from "../object";
import type { FieldGetter } from "./fields";
import { goQuote } from "./validation";

/** Go copies string fields verbatim; a missing one is "". */
const str = (v: unknown): string => (typeof v === "string" ? v : "");
/** strconv.FormatBool of a field that defaults to false. */
const bool = (v: unknown): string => String(v === true);
/** strconv.Itoa of an int32 that defaults to 0. */
const int = (v: unknown): string => String(typeof v === "number" ? v : 0);

const nodeName: FieldGetter = (o) => str(o.spec?.nodeName);

const pods: Record<string, FieldGetter> = {
  "spec.nodeName": nodeName,
  // Accepted for old clients and rewritten to spec.nodeName before matching.
  "spec.host": nodeName,
  "spec.restartPolicy": (o) => str(o.spec?.restartPolicy),
  "spec.schedulerName": (o) => str(o.spec?.schedulerName),
  // v1's deprecated serviceAccount fills serviceAccountName when that is empty.
  "spec.serviceAccountName": (o) => str(o.spec?.serviceAccountName) || str(o.spec?.serviceAccount),
  "spec.hostNetwork": (o) => bool(o.spec?.hostNetwork),
  "status.phase": (o) => str(o.status?.phase),
  // The primary IP, i.e. podIPs[0]; conversion fills podIPs from a lone podIP.
  "status.podIP": (o) => str(o.status?.podIPs?.[0]?.ip) || str(o.status?.podIP),
  // Accepted by the conversion but never put in the field set, so it only ever equals "".
  "status.podIPs": () => undefined,
  "status.nominatedNodeName": (o) => str(o.status?.nominatedNodeName),
};

/** The object an event is about: `involvedObject` in v1, `regarding` in events.k8s.io/v1. */
const about = (o: KubeObject): Record<string, unknown> => o.involvedObject ?? o.regarding ?? {};
const aboutField = (f: string): FieldGetter => (o) => str(about(o)[f]);
const refFields = ["kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath"];
/** Reporting component under either API's spelling. */
const reporter = (o: KubeObject) => str(o.reportingComponent) || str(o.reportingController);

const coreEvents: Record<string, FieldGetter> = {
  ...Object.fromEntries(refFields.map((f) => [`involvedObject.${f}`, aboutField(f)])),
  reason: (o) => str(o.reason),
  reportingComponent: reporter,
  // source.component, falling back to the reporting controller.
  source: (o) => str((o.source ?? o.deprecatedSource)?.component) || reporter(o),
  type: (o) => str(o.type),
};

// events.k8s.io/v1 names the same stored fields regarding.* and reportingController; the core
// spellings are not accepted there.
const newEvents: Record<string, FieldGetter> = {
  ...Object.fromEntries(refFields.map((f) => [`regarding.${f}`, aboutField(f)])),
  reason: coreEvents.reason!,
  reportingController: reporter,
  source: coreEvents.source!,
  type: coreEvents.type!,
};

export const kindFieldSelectors: Record<string, Record<string, FieldGetter>> = {
  pods,
  events: coreEvents,
  "events.events.k8s.io": newEvents,
  secrets: { type: (o) => str(o.type) },
  services: {
    "spec.clusterIP": (o) => str(o.spec?.clusterIP),
    "spec.type": (o) => str(o.spec?.type),
  },
  namespaces: { "status.phase": (o) => str(o.status?.phase) },
  nodes: { "spec.unschedulable": (o) => bool(o.spec?.unschedulable) },
  replicationcontrollers: { "status.replicas": (o) => int(o.status?.replicas) },
  // The label says "successful"; the value is status.succeeded.
  "jobs.batch": { "status.successful": (o) => int(o.status?.succeeded) },
  "certificatesigningrequests.certificates.k8s.io": { "spec.signerName": (o) => str(o.spec?.signerName) },
};

/** Kinds whose conversion refuses a label with its own wording instead of the usual one. */
export const kindFieldLabelRejections: Record<string, (label: string) => string> = {
  "jobs.batch": (label) => `field label ${goQuote(label)} not supported for Job`,
};
