// NetworkPolicies (networking validation): selectors, peers, ports and policy types.
import type { FieldError } from "../../errors";
import type { KubeObject } from "../../object";
import { asArray, child, errForbidden, errInvalid, errNotSupported, errRequired, index, isObj, msgs, type Obj } from "../field";
import { validateObjectMeta, validateObjectMetaUpdate } from "../meta";
import { isPortName, isPortNum, nameIsDNSSubdomain } from "../names";
import { isCIDR, validateCIDR } from "../net";
import { validateLabelSelector } from "../selector";
import { protocols } from "../core/container-parts";

function validatePort(port: Obj, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (port.protocol !== undefined && port.protocol !== null && !protocols.includes(port.protocol)) {
    errs.push(errNotSupported(child(p, "protocol"), port.protocol, ["TCP", "UDP", "SCTP"]));
  }
  const endPort = port.endPort;
  const hasEnd = endPort !== undefined && endPort !== null;
  if (typeof port.port === "number") {
    errs.push(...msgs(child(p, "port"), port.port, isPortNum(port.port)));
    if (hasEnd) {
      if (endPort < port.port) errs.push(errInvalid(child(p, "endPort"), port.port, "must be greater than or equal to `port`"));
      errs.push(...msgs(child(p, "endPort"), endPort, isPortNum(endPort)));
    }
  } else if (typeof port.port === "string") {
    if (hasEnd) errs.push(errInvalid(child(p, "endPort"), endPort, "may not be specified when `port` is non-numeric"));
    errs.push(...msgs(child(p, "port"), port.port, isPortName(port.port)));
  } else if (hasEnd) {
    errs.push(errInvalid(child(p, "endPort"), endPort, "may not be specified when `port` is not specified"));
  }
  return errs;
}

function validatePeer(peer: Obj, p: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const sel of ["podSelector", "namespaceSelector"]) {
    if (!isObj(peer[sel])) continue;
    n++;
    errs.push(...validateLabelSelector(peer[sel], child(p, sel)));
  }
  if (isObj(peer.ipBlock)) {
    n++;
    const cidr = peer.ipBlock.cidr;
    if (!cidr) errs.push(errRequired(child(p, "ipBlock", "cidr")));
    else {
      errs.push(...validateCIDR(child(p, "ipBlock", "cidr"), cidr));
      asArray(peer.ipBlock.except).forEach((e, i) => {
        const ep = index(child(p, "ipBlock", "except"), i);
        errs.push(...validateCIDR(ep, e));
        if (isCIDR(cidr) && isCIDR(e) && Number(e.split("/")[1]) <= Number(cidr.split("/")[1])) {
          errs.push(errInvalid(ep, e, "must be a strict subset of `cidr`"));
        }
      });
    }
  }
  if (n === 0) errs.push(errRequired(p, "must specify a peer"));
  else if (n > 1 && isObj(peer.ipBlock)) errs.push(errForbidden(p, "may not specify both ipBlock and another peer"));
  return errs;
}

function validateSpec(spec: Obj): FieldError[] {
  const errs = validateLabelSelector(spec.podSelector, "spec.podSelector");
  for (const [dir, peers] of [["ingress", "from"], ["egress", "to"]] as const) {
    asArray(spec[dir]).forEach((rule: Obj, i) => {
      const p = index(`spec.${dir}`, i);
      asArray(rule?.ports).forEach((port, j) => errs.push(...validatePort(port ?? {}, index(child(p, "ports"), j))));
      asArray(rule?.[peers]).forEach((peer, j) => errs.push(...validatePeer(peer ?? {}, index(child(p, peers), j))));
    });
  }
  const types = asArray(spec.policyTypes);
  if (types.length > 2) return [...errs, errInvalid("spec.policyTypes", types, "may not specify more than two policyTypes")];
  types.forEach((t, i) => {
    if (t !== "Ingress" && t !== "Egress") errs.push(errNotSupported(index("spec.policyTypes", i), t, ["Ingress", "Egress"]));
  });
  return errs;
}

export function validateNetworkPolicy(obj: KubeObject): FieldError[] {
  return [...validateObjectMeta(obj.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain }), ...validateSpec(isObj(obj.spec) ? obj.spec : {})];
}

export function validateNetworkPolicyUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateSpec(isObj(obj.spec) ? obj.spec : {})];
}
