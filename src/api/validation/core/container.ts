// Container lists of a pod spec: common container rules, regular vs init container rules, and
// host-port conflicts (core validation's validateContainers / validateInitContainers).
import type { FieldError } from "../../errors";
import { asArray, child, errDuplicate, errForbidden, errInvalid, errNotSupported, errRequired, index, msgs, str, type Obj } from "../field";
import { nameIsDNSLabel } from "../names";
import { validateContainerPorts, validateEnv, validateEnvFrom, validateVolumeMounts } from "./container-parts";
import { validateProbesAndLifecycle, validateSecurityContext } from "./probes";
import { validateResourceRequirements } from "./resources";

export interface ContainerContext {
  volumes: Set<string>;
  grace: number | undefined;
  hostUsers: boolean;
}

const pullPolicies = ["Always", "IfNotPresent", "Never"];
const terminationPolicies = ["File", "FallbackToLogsOnError"];

function validateContainerCommon(c: Obj, ctx: ContainerContext, p: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(c.name);
  if (!name) errs.push(errRequired(child(p, "name")));
  else errs.push(...msgs(child(p, "name"), name, nameIsDNSLabel(name, false)));
  if (!str(c.image)) errs.push(errRequired(child(p, "image")));
  if (!c.terminationMessagePolicy) errs.push(errRequired(child(p, "terminationMessagePolicy")));
  else if (!terminationPolicies.includes(c.terminationMessagePolicy)) {
    errs.push(errNotSupported(child(p, "terminationMessagePolicy"), c.terminationMessagePolicy, terminationPolicies));
  }
  errs.push(...validateContainerPorts(c.ports, child(p, "ports")));
  errs.push(...validateEnv(c.env, child(p, "env")));
  errs.push(...validateEnvFrom(c.envFrom, child(p, "envFrom")));
  errs.push(...validateVolumeMounts(c.volumeMounts, ctx.volumes, c, child(p, "volumeMounts")));
  if (!c.imagePullPolicy) errs.push(errRequired(child(p, "imagePullPolicy")));
  else if (!pullPolicies.includes(c.imagePullPolicy)) errs.push(errNotSupported(child(p, "imagePullPolicy"), c.imagePullPolicy, pullPolicies));
  errs.push(...validateResourceRequirements(c.resources, child(p, "resources")));
  errs.push(...validateSecurityContext(c.securityContext, child(p, "securityContext"), ctx.hostUsers));
  return errs;
}

/** checkHostPortConflicts: protocol/hostIP/hostPort triples must be unique. */
function hostPortConflicts(containers: Obj[], field: string, seen = new Set<string>()): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((c, ci) => {
    asArray(c?.ports).forEach((port: Obj, pi) => {
      if (!port?.hostPort) return;
      const k = `${str(port.protocol)}/${str(port.hostIP)}/${port.hostPort}`;
      if (seen.has(k)) errs.push(errDuplicate(child(index(child(index(field, ci), "ports"), pi), "hostPort"), k));
      else seen.add(k);
    });
  });
  return errs;
}

export function validateContainers(list: unknown, ctx: ContainerContext, field: string): FieldError[] {
  const containers = asArray(list);
  if (containers.length === 0) return [errRequired(field)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c: Obj, i) => {
    const p = index(field, i);
    errs.push(...validateContainerCommon(c ?? {}, ctx, p));
    if (names.has(str(c?.name))) errs.push(errDuplicate(child(p, "name"), str(c?.name)));
    else names.add(str(c?.name));
    errs.push(...validateProbesAndLifecycle(c ?? {}, ctx.grace, p));
    if (c?.restartPolicy !== undefined && c?.restartPolicy !== null) {
      errs.push(errForbidden(child(p, "restartPolicy"), "may not be set for non-init containers"));
    }
  });
  errs.push(...hostPortConflicts(containers, field));
  return errs;
}

const initOnly = "may not be set for init containers without restartPolicy=Always";

export function validateInitContainers(list: unknown, regular: unknown, ctx: ContainerContext, field: string): FieldError[] {
  const errs: FieldError[] = [];
  // Names are unique across regular and init containers.
  const names = new Set(asArray(regular).map((c) => str(c?.name)));
  asArray(list).forEach((c: Obj, i) => {
    const p = index(field, i);
    errs.push(...validateContainerCommon(c ?? {}, ctx, p));
    let restartAlways = false;
    if (c?.restartPolicy !== undefined && c?.restartPolicy !== null) {
      if (c.restartPolicy !== "Always") errs.push(errNotSupported(child(p, "restartPolicy"), c.restartPolicy, ["Always"]));
      restartAlways = c.restartPolicy === "Always";
    }
    const name = str(c?.name);
    if (names.has(name)) errs.push(errDuplicate(child(p, "name"), name));
    else if (name) names.add(name);
    // Init containers run one at a time, so host ports only conflict within one container.
    errs.push(...hostPortConflicts([c], field));
    if (restartAlways) errs.push(...validateProbesAndLifecycle(c, ctx.grace, p));
    else {
      for (const f of ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"]) {
        if (c?.[f] !== undefined && c?.[f] !== null) errs.push(errForbidden(child(p, f), initOnly));
      }
    }
  });
  return errs;
}

/** validateContainerOnlyForPod: a real pod's images may not carry stray whitespace. */
export function validateImagesForPod(list: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  asArray(list).forEach((c: Obj, i) => {
    const image = str(c?.image);
    if (image.trim() !== image) errs.push(errInvalid(child(index(field, i), "image"), image, "must not have leading or trailing whitespace"));
  });
  return errs;
}
