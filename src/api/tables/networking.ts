// networking.k8s.io (ingresses, ingress classes, network policies) and discovery.k8s.io
// (endpoint slices).
import type { ColumnDef } from "../registry/types";
import type { KubeObject } from "../object";
import { DOC } from "./descriptions";
import { ageColumn, arr, col, formatLabelSelector, listWithMore, loadBalancerIngress, nameColumn } from "./format";

/** Up to three hosts; the "+ N more" counts remaining rules, with or without a host. */
function ingressHosts(o: KubeObject): string {
  const rules = arr(o.spec?.rules);
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === 3) more = true;
    if (!more && rule?.host) hosts.push(rule.host);
  }
  if (hosts.length === 0) return "*";
  return more ? `${hosts.join(",")} + ${rules.length - 3} more...` : hosts.join(",");
}

export const ingressColumns: ColumnDef[] = [
  nameColumn,
  col("Class", "The name of the IngressClass resource that should be used for additional configuration", (o) => o.spec?.ingressClassName ?? "<none>"),
  col("Hosts", "Hosts that incoming requests are matched against before the ingress rule", ingressHosts),
  col("Address", "Address is a list containing ingress points for the load-balancer", (o) => loadBalancerIngress(o.status?.loadBalancer)),
  // Upstream does not look at the ports actually served: TLS means 443 as well.
  col("Ports", "Ports of TLS configurations that open", (o) => (arr(o.spec?.tls).length ? "80, 443" : "80")),
  ageColumn,
];

/** "Kind.apiGroup/name" of the parameters reference; the group only when set. */
function ingressClassParameters(o: KubeObject): string {
  const p = o.spec?.parameters;
  if (!p) return "<none>";
  const kind = p.apiGroup !== undefined && p.apiGroup !== null ? `${p.kind ?? ""}.${p.apiGroup}` : (p.kind ?? "");
  return `${kind}/${p.name ?? ""}`;
}

export const ingressClassColumns: ColumnDef[] = [
  nameColumn,
  col("Controller", "Controller that is responsible for handling this class", (o) => o.spec?.controller ?? ""),
  col("Parameters", "A reference to a resource with additional parameters", ingressClassParameters),
  ageColumn,
];

export const networkPolicyColumns: ColumnDef[] = [
  nameColumn,
  // podSelector is a value, not a pointer: absent means empty, which selects every pod.
  col("Pod-Selector", DOC["NetworkPolicySpec.podSelector"], (o) => formatLabelSelector(o.spec?.podSelector ?? {})),
  ageColumn,
];

function slicePorts(o: KubeObject): string {
  const ports = arr(o.ports).map((p) =>
    p?.port !== undefined && p?.port !== null ? String(p.port) : p?.name !== undefined && p?.name !== null ? String(p.name) : "*",
  );
  return listWithMore(ports, 3, "<unset>");
}

function sliceEndpoints(o: KubeObject): string {
  return listWithMore(
    arr(o.endpoints).flatMap((e) => arr(e?.addresses).map(String)),
    3,
    "<unset>",
  );
}

export const endpointSliceColumns: ColumnDef[] = [
  nameColumn,
  col("AddressType", DOC["EndpointSlice.addressType"], (o) => o.addressType ?? ""),
  col("Ports", DOC["EndpointSlice.ports"], slicePorts),
  col("Endpoints", DOC["EndpointSlice.endpoints"], sliceEndpoints),
  ageColumn,
];
