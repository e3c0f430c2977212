// Probes, lifecycle handlers and container security contexts (core validation).
import type { FieldError } from "../../errors";
import { asArray, child, errForbidden, errInvalid, errNotSupported, errRequired, isObj, msgs, nonNegative, str, type Obj } from "../field";
import { isHTTPHeaderName, isPortName, isPortNum, isValidUserOrGroupID } from "../names";
import { validateLocalDescendingPath } from "./container-parts";

/** ValidatePortNumOrName for an intstr: numbers are port numbers, strings IANA service names. */
export function validatePortNumOrName(port: unknown, field: string): FieldError[] {
  if (typeof port === "number") return msgs(field, port, isPortNum(port));
  if (typeof port === "string") return msgs(field, port, isPortName(port));
  return msgs(field, 0, isPortNum(0));
}

const handlerKinds = ["exec", "httpGet", "tcpSocket", "grpc", "sleep"] as const;

function validateHandler(h: Obj, grace: number | undefined, field: string, allowed: readonly string[]): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of handlerKinds) {
    const v = h[kind];
    if (!allowed.includes(kind) || !isObj(v)) continue;
    const p = child(field, kind);
    if (count > 0) {
      errs.push(errForbidden(p, "may not specify more than 1 handler type"));
      continue;
    }
    count++;
    if (kind === "exec" && asArray(v.command).length === 0) errs.push(errRequired(child(p, "command")));
    if (kind === "httpGet") {
      if (!str(v.path)) errs.push(errRequired(child(p, "path")));
      errs.push(...validatePortNumOrName(v.port, child(p, "port")));
      if (!["HTTP", "HTTPS"].includes(v.scheme)) errs.push(errNotSupported(child(p, "scheme"), v.scheme ?? "", ["HTTP", "HTTPS"]));
      for (const hdr of asArray(v.httpHeaders)) errs.push(...msgs(child(p, "httpHeaders"), str(hdr?.name), isHTTPHeaderName(str(hdr?.name))));
    }
    if (kind === "tcpSocket") errs.push(...validatePortNumOrName(v.port, child(p, "port")));
    if (kind === "grpc") errs.push(...validatePortNumOrName(typeof v.port === "number" ? v.port : 0, child(p, "port")));
    if (kind === "sleep" && grace !== undefined && (v.seconds < 0 || v.seconds > grace)) {
      errs.push(errInvalid(p, v.seconds, `must be non-negative and less than terminationGracePeriodSeconds (${grace})`));
    }
  }
  if (count === 0) errs.push(errRequired(field, "must specify a handler type"));
  return errs;
}

function validateProbe(probe: Obj, grace: number | undefined, field: string): FieldError[] {
  const errs = validateHandler(probe, grace, field, ["exec", "httpGet", "tcpSocket", "grpc"]);
  for (const f of ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"]) {
    errs.push(...nonNegative(probe[f], child(field, f)));
  }
  const tgps = probe.terminationGracePeriodSeconds;
  if (typeof tgps === "number" && tgps <= 0) errs.push(errInvalid(child(field, "terminationGracePeriodSeconds"), tgps, "must be greater than 0"));
  return errs;
}

/** Liveness, readiness and startup probes plus lifecycle hooks of one container. */
export function validateProbesAndLifecycle(c: Obj, grace: number | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isObj(c.lifecycle)) {
    for (const hook of ["postStart", "preStop"]) {
      if (isObj(c.lifecycle[hook])) {
        errs.push(...validateHandler(c.lifecycle[hook], grace, child(field, "lifecycle", hook), ["exec", "httpGet", "tcpSocket", "sleep"]));
      }
    }
  }
  for (const kind of ["livenessProbe", "readinessProbe", "startupProbe"]) {
    const probe = c[kind];
    if (!isObj(probe)) continue;
    const p = child(field, kind);
    errs.push(...validateProbe(probe, grace, p));
    if (kind !== "readinessProbe" && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
      errs.push(errInvalid(child(p, "successThreshold"), probe.successThreshold, "must be 1"));
    }
    if (kind === "readinessProbe" && probe.terminationGracePeriodSeconds !== undefined && probe.terminationGracePeriodSeconds !== null) {
      errs.push(errInvalid(child(p, "terminationGracePeriodSeconds"), probe.terminationGracePeriodSeconds, "must not be set for readinessProbes"));
    }
  }
  return errs;
}

const seccompTypes = ["Localhost", "RuntimeDefault", "Unconfined"];

export function validateSeccompProfile(sp: unknown, field: string): FieldError[] {
  if (!isObj(sp)) return [];
  const errs: FieldError[] = [];
  if (!sp.type) errs.push(errRequired(child(field, "type"), "type is required when seccompProfile is set"));
  else if (!seccompTypes.includes(sp.type)) errs.push(errNotSupported(child(field, "type"), sp.type, seccompTypes));
  if (sp.type === "Localhost") {
    if (sp.localhostProfile === undefined || sp.localhostProfile === null) {
      errs.push(errRequired(child(field, "localhostProfile"), "must be set when seccomp type is Localhost"));
    } else errs.push(...validateLocalDescendingPath(str(sp.localhostProfile), child(field, "localhostProfile")));
  } else if (sp.localhostProfile !== undefined && sp.localhostProfile !== null) {
    errs.push(errInvalid(child(field, "localhostProfile"), sp, "can only be set when seccomp type is Localhost"));
  }
  return errs;
}

export function validateSecurityContext(sc: unknown, field: string, hostUsers: boolean): FieldError[] {
  if (!isObj(sc)) return [];
  const errs: FieldError[] = [];
  for (const f of ["runAsUser", "runAsGroup"]) {
    if (typeof sc[f] === "number") errs.push(...msgs(child(field, f), sc[f], isValidUserOrGroupID(sc[f])));
  }
  if (sc.procMount !== undefined && sc.procMount !== null) {
    if (!["Default", "Unmasked"].includes(sc.procMount)) {
      errs.push(errNotSupported(child(field, "procMount"), sc.procMount, ["Default", "Unmasked"]));
    } else if (hostUsers && sc.procMount === "Unmasked") {
      errs.push(errInvalid(child(field, "procMount"), sc.procMount, "`hostUsers` must be false to use `Unmasked`"));
    }
  }
  errs.push(...validateSeccompProfile(sc.seccompProfile, child(field, "seccompProfile")));
  if (sc.allowPrivilegeEscalation === false) {
    if (sc.privileged === true) errs.push(errInvalid(field, sc, "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"));
    if (asArray(sc.capabilities?.add).includes("CAP_SYS_ADMIN")) {
      errs.push(errInvalid(field, sc, "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"));
    }
  }
  return errs;
}
