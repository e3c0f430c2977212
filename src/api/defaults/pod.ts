// Pod and pod-template defaulting after core/v1's SetDefaults_PodSpec, _Container, _Probe, _Volume
// and friends. SetDefaults_Pod (requests from limits, enableServiceLinks, host-network ports)
// applies to Pods only, as upstream; templates get the PodSpec-level defaults.
import { canonicalizeResourceList, dflt, ensure, isObj, list, type Obj } from "./util";

/** Upstream's ParseImageName: the tag, "latest" when neither tag nor digest is given. */
export function imageTag(image: string): string {
  let ref = image;
  const at = ref.indexOf("@");
  const digest = at >= 0;
  if (digest) ref = ref.slice(0, at);
  const colon = ref.lastIndexOf(":");
  if (colon > ref.lastIndexOf("/")) return ref.slice(colon + 1);
  return digest ? "" : "latest";
}

function defaultHandler(h: unknown): void {
  if (!isObj(h) || !isObj(h.httpGet)) return;
  dflt(h.httpGet, "path", "/");
  dflt(h.httpGet, "scheme", "HTTP");
}

function defaultProbe(p: unknown): void {
  if (!isObj(p)) return;
  defaultHandler(p);
  for (const [k, v] of [["timeoutSeconds", 1], ["periodSeconds", 10], ["successThreshold", 1], ["failureThreshold", 3]] as const) {
    if (!p[k]) p[k] = v;
  }
}

function defaultFieldRef(ref: unknown): void {
  if (isObj(ref)) dflt(ref, "apiVersion", "v1");
}

export function defaultContainer(c: Obj): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(String(c.image ?? "")) === "latest" ? "Always" : "IfNotPresent";
  dflt(c, "terminationMessagePath", "/dev/termination-log");
  dflt(c, "terminationMessagePolicy", "File");
  for (const port of list(c.ports)) dflt(port, "protocol", "TCP");
  for (const ev of list(c.env)) defaultFieldRef(ev.valueFrom?.fieldRef);
  const resources = ensure(c, "resources");
  canonicalizeResourceList(resources.limits);
  canonicalizeResourceList(resources.requests);
  for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) defaultProbe(c[probe]);
  if (isObj(c.lifecycle)) for (const hook of ["postStart", "preStop"]) defaultHandler(c.lifecycle[hook]);
}

const sourceKeys = [
  "emptyDir", "hostPath", "gitRepo", "gcePersistentDisk", "awsElasticBlockStore", "secret", "nfs", "iscsi", "glusterfs",
  "flocker", "persistentVolumeClaim", "rbd", "cinder", "cephfs", "quobyte", "downwardAPI", "fc", "flexVolume", "configMap",
  "azureFile", "vsphereVolume", "photonPersistentDisk", "portworxVolume", "azureDisk", "storageos", "projected", "scaleIO",
  "csi", "ephemeral", "image",
];

function defaultVolume(v: Obj): void {
  // A volume with no source is an emptyDir.
  if (!sourceKeys.some((k) => isObj(v[k]))) v.emptyDir = {};
  for (const k of ["secret", "configMap", "downwardAPI", "projected"]) {
    if (isObj(v[k])) dflt(v[k], "defaultMode", 0o644);
  }
  if (isObj(v.hostPath)) dflt(v.hostPath, "type", "");
  for (const item of list(v.downwardAPI?.items)) defaultFieldRef(item.fieldRef);
  for (const src of list(v.projected?.sources)) {
    if (isObj(src.serviceAccountToken)) dflt(src.serviceAccountToken, "expirationSeconds", 3600);
    for (const item of list(src.downwardAPI?.items)) defaultFieldRef(item.fieldRef);
  }
  if (isObj(v.ephemeral?.volumeClaimTemplate?.spec)) dflt(v.ephemeral.volumeClaimTemplate.spec, "volumeMode", "Filesystem");
  if (isObj(v.image)) dflt(v.image, "pullPolicy", imageTag(String(v.image.reference ?? "")) === "latest" ? "Always" : "IfNotPresent");
}

export function defaultPodSpec(spec: Obj): void {
  dflt(spec, "dnsPolicy", "ClusterFirst");
  dflt(spec, "restartPolicy", "Always");
  if (!isObj(spec.securityContext)) spec.securityContext = {};
  if (typeof spec.terminationGracePeriodSeconds !== "number") spec.terminationGracePeriodSeconds = 30;
  dflt(spec, "schedulerName", "default-scheduler");
  for (const c of [...list(spec.containers), ...list(spec.initContainers), ...list(spec.ephemeralContainers)]) defaultContainer(c);
  for (const v of list(spec.volumes)) defaultVolume(v);
  canonicalizeResourceList(spec.overhead);
}

/** The PodSpec defaults inside a workload's pod template. */
export function defaultPodTemplate(tpl: unknown): void {
  if (!isObj(tpl)) return;
  defaultPodSpec(ensure(tpl, "spec"));
}

export function defaultPod(pod: Obj): void {
  const spec = ensure(pod, "spec");
  for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
    // Requests default to limits on Pods (not on templates).
    const res = c.resources;
    if (!isObj(res) || !isObj(res.limits)) continue;
    const requests = ensure(res, "requests");
    for (const [k, v] of Object.entries(res.limits)) if (!(k in requests)) requests[k] = v;
  }
  if (typeof spec.enableServiceLinks !== "boolean") spec.enableServiceLinks = true;
  if (spec.hostNetwork === true) {
    for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
      for (const port of list(c.ports)) if (!port.hostPort) port.hostPort = port.containerPort;
    }
  }
  defaultPodSpec(spec);
}
