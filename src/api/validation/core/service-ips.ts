// Service clusterIP(s) / ipFamilies / ipFamilyPolicy consistency, on create and on update.
import type { FieldError } from "../../errors";
import { asArray, errDuplicate, errInvalid, errNotSupported, errRequired, str, type Obj } from "../field";
import { isIP, isIPv6String, validateIP } from "../net";

export function clusterIPsOf(spec: Obj): string[] {
  const ips = asArray(spec.clusterIPs).map(str);
  return ips.length === 0 && str(spec.clusterIP) ? [spec.clusterIP] : ips;
}

export const isHeadless = (spec: Obj): boolean => {
  const ips = clusterIPsOf(spec);
  return ips.length === 1 && ips[0] === "None";
};

export function validateClusterIPs(spec: Obj): FieldError[] {
  if (spec.type === "ExternalName") return [];
  const errs: FieldError[] = [];
  const ips = asArray(spec.clusterIPs).map(str);
  if (str(spec.clusterIP)) {
    if (ips.length === 0) errs.push(errRequired("spec.clusterIPs"));
    else if (ips[0] !== spec.clusterIP) errs.push(errInvalid("spec.clusterIPs", ips, "first value must match `clusterIP`"));
  } else if (ips.length !== 0) {
    errs.push(errInvalid("spec.clusterIPs", ips, "must be empty when `clusterIP` is not specified"));
  }
  const families = asArray(spec.ipFamilies).map(str);
  const seen = new Set<string>();
  families.forEach((f, i) => {
    if (f !== "IPv4" && f !== "IPv6") errs.push(errNotSupported(`spec.ipFamilies[${i}]`, f, ["IPv4", "IPv6"]));
    if (seen.has(f)) errs.push(errDuplicate(`spec.ipFamilies[${i}]`, f));
    seen.add(f);
  });
  const policy = spec.ipFamilyPolicy;
  const policies = ["PreferDualStack", "RequireDualStack", "SingleStack"];
  if (policy !== undefined && policy !== null && !policies.includes(policy)) errs.push(errNotSupported("spec.ipFamilyPolicy", policy, policies));
  let invalidIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === "None") {
      if (ips.length > 1) {
        invalidIPs = true;
        errs.push(errInvalid("spec.clusterIPs", ips, "'None' must be the first and only value"));
      }
      return;
    }
    const bad = validateIP(`spec.clusterIPs[${i}]`, ip);
    if (bad.length) invalidIPs = true;
    errs.push(...bad);
  });
  if (ips.length > 2) errs.push(errInvalid("spec.clusterIPs", ips, "may only hold up to 2 values"));
  if (invalidIPs) return errs;
  if (ips.length > 1 && isIPv6String(ips[0]!) === isIPv6String(ips[1]!)) {
    errs.push(errInvalid("spec.clusterIPs", ips, "may specify no more than one IP for each IP family"));
  }
  if (!isHeadless(spec)) {
    ips.forEach((ip, i) => {
      const fam = families[i];
      if (fam === "IPv4" && isIP(ip) && isIPv6String(ip)) {
        errs.push(errInvalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      }
      if (fam === "IPv6" && !isIPv6String(ip)) {
        errs.push(errInvalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
      }
    });
  }
  return errs;
}

/** validateUpgradeDowngradeClusterIPs / IPFamilies: the primary IP and family never change. */
export function validateClusterIPsUpdate(spec: Obj, old: Obj): FieldError[] {
  if (spec.type === "ExternalName" || old.type === "ExternalName") return [];
  const errs: FieldError[] = [];
  const ips = asArray(spec.clusterIPs).map(str);
  const oldIPs = asArray(old.clusterIPs).map(str);
  const bothHeadless = isHeadless(spec) && isHeadless(old);
  if (!bothHeadless) {
    if (oldIPs.length === ips.length) {
      oldIPs.forEach((ip, i) => {
        if (ip !== ips[i]) errs.push(errInvalid(`spec.clusterIPs[${i}]`, ips, "may not change once set"));
      });
    } else if (oldIPs.length > ips.length) {
      if (ips.length === 0) errs.push(errInvalid("spec.clusterIPs[0]", ips, "primary clusterIP can not be unset"));
      if (oldIPs.length > 0 && ips.length > 0 && ips[0] !== oldIPs[0]) errs.push(errInvalid("spec.clusterIPs[0]", ips, "may not change once set"));
      if (ips.length === 1 && spec.ipFamilyPolicy !== "SingleStack") {
        errs.push(errInvalid("spec.ipFamilyPolicy", spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
      }
    } else if (oldIPs.length > 0 && ips[0] !== oldIPs[0]) {
      errs.push(errInvalid("spec.clusterIPs[0]", ips, "may not change once set"));
    }
  }
  if (isHeadless(spec) !== isHeadless(old) || isHeadless(spec)) return errs;
  const fams = asArray(spec.ipFamilies).map(str);
  const oldFams = asArray(old.ipFamilies).map(str);
  if (fams.length === oldFams.length) {
    if (oldFams.some((f, i) => f !== fams[i])) errs.push(errInvalid("spec.ipFamilies[0]", fams, "may not change once set"));
  } else if (oldFams.length > fams.length) {
    if (fams.length > 0 && fams[0] !== oldFams[0]) errs.push(errInvalid("spec.ipFamilies[0]", ips, "may not change once set"));
    if (fams.length === 1 && spec.ipFamilyPolicy !== "SingleStack") {
      errs.push(errInvalid("spec.ipFamilyPolicy", spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary ipFamily"));
    }
  } else if (oldFams.length > 0 && fams.length > 0 && fams[0] !== oldFams[0]) {
    errs.push(errInvalid("spec.ipFamilies[0]", ips, "may not change once set"));
  }
  return errs;
}
