// PodSpec validation (core ValidatePodSpec) shared by Pods and every pod template.
import type { FieldError } from "../../errors";
import { asArray, child, errForbidden, errInvalid, errNotSupported, errRequired, index, isObj, msgs, str, type Obj } from "../field";
import { validateAnnotations, validateLabels } from "../meta";
import { inclusiveRangeError, isQualifiedName, isValidUserOrGroupID, nameIsDNSLabel, nameIsDNSSubdomain } from "../names";
import { validateIP } from "../net";
import { validateAffinity, validateTolerations } from "./scheduling";
import { validateContainers, validateInitContainers } from "./container";
import { validateSeccompProfile } from "./probes";
import { validateVolumes } from "./volumes";

const restartPolicies = ["Always", "OnFailure", "Never"];
const dnsPolicies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];

function enumCheck(v: unknown, field: string, valid: string[]): FieldError[] {
  if (v === undefined || v === null || v === "") return [errRequired(field)];
  return valid.includes(v as string) ? [] : [errNotSupported(field, v, valid)];
}

function validatePodSecurityContext(sc: unknown, field: string): FieldError[] {
  if (!isObj(sc)) return [];
  const errs: FieldError[] = [];
  for (const f of ["fsGroup", "runAsUser", "runAsGroup"]) {
    if (typeof sc[f] === "number") errs.push(...msgs(child(field, f), sc[f], isValidUserOrGroupID(sc[f])));
  }
  asArray(sc.supplementalGroups).forEach((g, i) => errs.push(...msgs(index(child(field, "supplementalGroups"), i), g, isValidUserOrGroupID(g))));
  if (sc.fsGroupChangePolicy !== undefined && sc.fsGroupChangePolicy !== null && !["Always", "OnRootMismatch"].includes(sc.fsGroupChangePolicy)) {
    errs.push(errNotSupported(child(field, "fsGroupChangePolicy"), sc.fsGroupChangePolicy, ["Always", "OnRootMismatch"]));
  }
  errs.push(...validateSeccompProfile(sc.seccompProfile, child(field, "seccompProfile")));
  return errs;
}

function validateDNSConfig(cfg: unknown, policy: unknown, field: string): FieldError[] {
  if (policy === "None") {
    if (!isObj(cfg)) return [errRequired(field, "must provide `dnsConfig` when `dnsPolicy` is None")];
    if (asArray(cfg.nameservers).length === 0) {
      return [errRequired(child(field, "nameservers"), "must provide at least one DNS nameserver when `dnsPolicy` is None")];
    }
  }
  if (!isObj(cfg)) return [];
  const errs: FieldError[] = [];
  const ns = asArray(cfg.nameservers);
  if (ns.length > 3) errs.push(errInvalid(child(field, "nameservers"), ns, "must not have more than 3 nameservers"));
  ns.forEach((n, i) => errs.push(...validateIP(index(child(field, "nameservers"), i), str(n))));
  const searches = asArray(cfg.searches);
  if (searches.length > 32) errs.push(errInvalid(child(field, "searches"), searches, "must not have more than 32 search paths"));
  asArray(cfg.options).forEach((o, i) => {
    if (!str(o?.name)) errs.push(errRequired(index(child(field, "options"), i), "must not be empty"));
  });
  return errs;
}

export interface PodSpecOptions {
  /** The spec belongs to a Pod (not a template): hostPort must equal containerPort on hostNetwork. */
  isPod?: boolean;
}

export function validatePodSpec(spec: Obj, field: string, opts: PodSpecOptions = {}): FieldError[] {
  const errs: FieldError[] = [];
  const grace = spec.terminationGracePeriodSeconds;
  if (grace === undefined || grace === null) errs.push(errRequired(child(field, "terminationGracePeriodSeconds")));
  const hostUsers = spec.hostUsers !== false;
  const vols = validateVolumes(spec.volumes, child(field, "volumes"));
  errs.push(...vols.errs);
  const ctx = { volumes: vols.names, grace: typeof grace === "number" ? grace : undefined, hostUsers };
  errs.push(...validateContainers(spec.containers, ctx, child(field, "containers")));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, ctx, child(field, "initContainers")));
  if (spec.hostNetwork === true) {
    asArray(spec.containers).forEach((c: Obj, ci) =>
      asArray(c?.ports).forEach((port: Obj, pi) => {
        const hp = port?.hostPort ?? 0;
        if ((opts.isPod || hp !== 0) && hp !== port?.containerPort) {
          const p = child(index(child(index(child(field, "containers"), ci), "ports"), pi), "hostPort");
          errs.push(errInvalid(p, hp, "must match `containerPort` when `hostNetwork` is true"));
        }
      }),
    );
  }
  errs.push(...enumCheck(spec.restartPolicy, child(field, "restartPolicy"), restartPolicies));
  errs.push(...enumCheck(spec.dnsPolicy, child(field, "dnsPolicy"), dnsPolicies));
  errs.push(...validateLabels(spec.nodeSelector, child(field, "nodeSelector")));
  errs.push(...validatePodSecurityContext(spec.securityContext, child(field, "securityContext")));
  asArray(spec.imagePullSecrets).forEach((ref, i) => {
    if (!isObj(ref) || Object.keys(ref).some((k) => k !== "name")) {
      errs.push(errInvalid(index(child(field, "imagePullSecrets"), i), ref, "only name may be set"));
    }
  });
  errs.push(...validateAffinity(spec.affinity, child(field, "affinity")));
  errs.push(...validateDNSConfig(spec.dnsConfig, spec.dnsPolicy, child(field, "dnsConfig")));
  asArray(spec.readinessGates).forEach((g, i) => {
    const p = child(index(child(field, "readinessGates"), i), "conditionType");
    errs.push(...msgs(p, str(g?.conditionType), isQualifiedName(str(g?.conditionType))));
  });
  const named: [string, (v: string) => string[]][] = [
    ["serviceAccountName", (v) => nameIsDNSSubdomain(v, false)],
    ["nodeName", (v) => nameIsDNSSubdomain(v, false)],
  ];
  for (const [f, check] of named) if (str(spec[f])) errs.push(...msgs(child(field, f), spec[f], check(spec[f])));
  const ads = spec.activeDeadlineSeconds;
  if (typeof ads === "number" && (ads < 1 || ads > 2147483647)) {
    errs.push(errInvalid(child(field, "activeDeadlineSeconds"), ads, inclusiveRangeError(1, 2147483647)));
  }
  for (const f of ["hostname", "subdomain"]) if (str(spec[f])) errs.push(...msgs(child(field, f), spec[f], nameIsDNSLabel(spec[f], false)));
  errs.push(...validateTolerations(spec.tolerations, child(field, "tolerations")));
  asArray(spec.hostAliases).forEach((a, i) => {
    const p = index(child(field, "hostAliases"), i);
    errs.push(...validateIP(child(p, "ip"), str(a?.ip)));
    asArray(a?.hostnames).forEach((h, j) => errs.push(...msgs(index(child(p, "hostnames"), j), h, nameIsDNSSubdomain(str(h), false))));
  });
  if (str(spec.priorityClassName)) {
    errs.push(...msgs(child(field, "priorityClassName"), spec.priorityClassName, nameIsDNSSubdomain(spec.priorityClassName, false)));
  }
  if (spec.runtimeClassName !== undefined && spec.runtimeClassName !== null) {
    errs.push(...msgs(child(field, "runtimeClassName"), spec.runtimeClassName, nameIsDNSSubdomain(str(spec.runtimeClassName), false)));
  }
  if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== null) {
    errs.push(...enumCheck(spec.preemptionPolicy, child(field, "preemptionPolicy"), ["PreemptLowerPriority", "Never"]));
  }
  if (isObj(spec.os) && !["linux", "windows"].includes(spec.os.name)) {
    errs.push(errNotSupported(child(field, "os", "name"), spec.os.name ?? "", ["linux", "windows"]));
  }
  return errs;
}

/** ValidatePodTemplateSpec: template labels/annotations plus the embedded pod spec. */
export function validatePodTemplateSpec(tpl: unknown, field: string): FieldError[] {
  const t = isObj(tpl) ? tpl : {};
  const meta = isObj(t.metadata) ? t.metadata : {};
  const spec = isObj(t.spec) ? t.spec : {};
  const errs = [
    ...validateLabels(meta.labels, child(field, "labels")),
    ...validateAnnotations(meta.annotations, child(field, "annotations")),
    ...validatePodSpec(spec, child(field, "spec")),
  ];
  if (asArray(spec.ephemeralContainers).length > 0) {
    errs.push(errForbidden(child(field, "spec", "ephemeralContainers"), "ephemeral containers not allowed in pod template"));
  }
  return errs;
}
