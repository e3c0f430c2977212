// Where OpenAPI definition names, message keys and kinds meet. A definition name is the message's proto
// package with its first two labels swapped (k8s.io.api.apps.v1.Deployment → io.k8s.api.apps.v1.Deployment);
// Go module paths spell "-" where proto packages need "_" (apiextensions-apiserver).

import { hasMessage, packageNames, protoPackage } from "../../protobuf/schema";
import { builtinResources } from "../../registry/builtin";
import type { GroupVersionKind } from "../types";

// Kinds clients only ever send (no storage, no lists); upstream publishes them with a GVK too.
const REQUEST_ONLY: readonly GroupVersionKind[] = [
  { group: "authentication.k8s.io", version: "v1", kind: "TokenRequest" },
  { group: "authentication.k8s.io", version: "v1", kind: "SelfSubjectReview" },
  { group: "authorization.k8s.io", version: "v1", kind: "SelfSubjectAccessReview" },
  { group: "authorization.k8s.io", version: "v1", kind: "SelfSubjectRulesReview" },
];

export function definitionPrefix(proto: string): string {
  return proto.replace(/^k8s\.io\./, "io.k8s.").replaceAll("_", "-");
}

/** "apps.Deployment" → "io.k8s.api.apps.v1.Deployment". */
export function definitionName(key: string): string {
  const dot = key.indexOf(".");
  return `${definitionPrefix(protoPackage(key.slice(0, dot)) ?? "")}.${key.slice(dot + 1)}`;
}

let byPrefix: Map<string, string> | undefined;

/** The message key a definition name stands for, if it names a registered message. */
export function messageKeyOf(name: string): string | undefined {
  byPrefix ??= new Map(packageNames().map((p) => [definitionPrefix(protoPackage(p) ?? ""), p]));
  const dot = name.lastIndexOf(".");
  const pkg = byPrefix.get(name.slice(0, dot));
  const key = pkg && `${pkg}.${name.slice(dot + 1)}`;
  return key && hasMessage(key) ? key : undefined;
}

/** The package holding a group/version's kinds: k8s.io.api.<first label of group>.<version>, core for "". */
export function packageFor(group: string, version: string): string | undefined {
  const label = group ? group.split(".")[0] : "core";
  return packageNames().find((p) => {
    const proto = protoPackage(p) ?? "";
    return proto === `k8s.io.api.${label}.${version}` || proto.endsWith(`.apis.${label}.${version}`);
  });
}

export interface TopLevel {
  gvk: GroupVersionKind;
  /** Whether upstream publishes a <Kind>List for it (every stored kind). */
  listed: boolean;
}

let topLevel: Map<string, TopLevel> | undefined;

/** Message key → the kind it is served as, for every built-in and request-only kind. */
export function topLevelKinds(): ReadonlyMap<string, TopLevel> {
  if (topLevel) return topLevel;
  topLevel = new Map();
  const add = (gvk: GroupVersionKind, listed: boolean) => {
    const pkg = packageFor(gvk.group, gvk.version);
    if (pkg && hasMessage(`${pkg}.${gvk.kind}`)) topLevel?.set(`${pkg}.${gvk.kind}`, { gvk, listed });
  };
  for (const r of builtinResources) add({ group: r.group, version: r.version, kind: r.kind }, true);
  for (const gvk of REQUEST_ONLY) add(gvk, false);
  return topLevel;
}
