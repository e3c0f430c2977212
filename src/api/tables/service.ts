// Services and Endpoints: cluster/external IPs, "80:30080/TCP" port lists and the
// "ip:port,... + N more..." endpoint summary.
import type { ColumnDef } from "../registry/types";
import type { KubeObject } from "../object";
import { DOC } from "./descriptions";
import { ageColumn, arr, col, formatLabels, joinHostPort, listWithMore, loadBalancerIngress, nameColumn } from "./format";

function clusterIP(o: KubeObject): string {
  // v1 objects may carry only clusterIP; upstream's conversion fills clusterIPs from it.
  const ip = arr(o.spec?.clusterIPs)[0] ?? o.spec?.clusterIP;
  return typeof ip === "string" && ip !== "" ? ip : "<none>";
}

/** Server-side tables are always generated wide, so load-balancer lists are never clipped. */
function externalIP(o: KubeObject): string {
  const externalIPs: string[] = arr(o.spec?.externalIPs);
  switch (o.spec?.type) {
    case "ClusterIP":
    case "NodePort":
      return externalIPs.length ? externalIPs.join(",") : "<none>";
    case "LoadBalancer": {
      const lb = loadBalancerIngress(o.status?.loadBalancer);
      if (externalIPs.length) return [...(lb ? lb.split(",") : []), ...externalIPs].join(",");
      return lb || "<pending>";
    }
    case "ExternalName":
      return o.spec?.externalName ?? "";
    default:
      return "<unknown>";
  }
}

function ports(o: KubeObject): string {
  const text = arr(o.spec?.ports)
    .map((p) => (p?.nodePort > 0 ? `${p.port ?? 0}:${p.nodePort}/${p.protocol ?? ""}` : `${p?.port ?? 0}/${p?.protocol ?? ""}`))
    .join(",");
  return text || "<none>";
}

export const serviceColumns: ColumnDef[] = [
  nameColumn,
  col("Type", DOC["ServiceSpec.type"], (o) => o.spec?.type ?? ""),
  col("Cluster-IP", DOC["ServiceSpec.clusterIP"], clusterIP),
  col("External-IP", DOC["ServiceSpec.externalIPs"], externalIP),
  col("Port(s)", DOC["ServiceSpec.ports"], ports),
  ageColumn,
  col("Selector", DOC["ServiceSpec.selector"], (o) => formatLabels(o.spec?.selector), { priority: 1 }),
];

/** Every ready address, paired with every port of its subset (bare IPs for port-less subsets). */
function formatEndpoints(o: KubeObject): string {
  const subsets = arr(o.subsets);
  if (subsets.length === 0) return "<none>";
  const all: string[] = [];
  for (const ss of subsets) {
    const addrs = arr(ss?.addresses).map((a) => String(a?.ip ?? ""));
    const ps = arr(ss?.ports);
    if (ps.length === 0) all.push(...addrs);
    for (const p of ps) all.push(...addrs.map((ip) => joinHostPort(ip, p?.port ?? 0)));
  }
  return listWithMore(all, 3, "");
}

export const endpointsColumns: ColumnDef[] = [
  nameColumn,
  col("Endpoints", DOC["Endpoints.subsets"], formatEndpoints),
  ageColumn,
];
