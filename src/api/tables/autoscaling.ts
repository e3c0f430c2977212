// autoscaling: HorizontalPodAutoscaler TARGETS such as "cpu: 45%/80%, memory: 200Mi/1Gi + 1 more...".
// Objects may be in autoscaling/v2 shape (spec.metrics) or v1 shape (targetCPUUtilizationPercentage);
// upstream converts v1 into the same CPU-utilization metric before printing.
import type { ColumnDef } from "../registry/types";
import type { KubeObject } from "../object";
import { DOC } from "./descriptions";
import { ageColumn, arr, col, nameColumn } from "./format";
import { formatQuantity } from "./quantity";

const UNKNOWN = "<unknown>";
/** A *Quantity: Go prints a nil one as "<nil>". */
const qty = (v: unknown): string => (v === undefined || v === null ? "<nil>" : formatQuantity(v));
const has = (v: unknown): boolean => v !== undefined && v !== null;

function metricsOf(o: KubeObject): { specs: any[]; statuses: any[] } {
  if (Array.isArray(o.spec?.metrics) || !has(o.spec?.targetCPUUtilizationPercentage)) {
    return { specs: arr(o.spec?.metrics), statuses: arr(o.status?.currentMetrics) };
  }
  const specs = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: o.spec.targetCPUUtilizationPercentage } } }];
  const current = o.status?.currentCPUUtilizationPercentage;
  const statuses = has(current) ? [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: current } } }] : [];
  return { specs, statuses };
}

/** "current/target", "(avg)" for average-value targets on external and object metrics. */
function valueMetric(spec: any, status: any): string {
  if (has(spec?.target?.averageValue)) {
    const current = has(status?.current?.averageValue) ? qty(status.current.averageValue) : UNKNOWN;
    return `${current}/${qty(spec.target.averageValue)} (avg)`;
  }
  const current = status ? qty(status.current?.value) : UNKNOWN;
  return `${current}/${qty(spec?.target?.value)}`;
}

/** "name: current/target" for (container) resource metrics, as a value or a utilization. */
function resourceMetric(spec: any, status: any): string {
  const name = spec?.name ?? "";
  if (has(spec?.target?.averageValue)) {
    const current = status ? qty(status.current?.averageValue) : UNKNOWN;
    return `${name}: ${current}/${qty(spec.target.averageValue)}`;
  }
  const current = has(status?.current?.averageUtilization) ? `${status.current.averageUtilization}%` : UNKNOWN;
  const target = has(spec?.target?.averageUtilization) ? `${spec.target.averageUtilization}%` : "<auto>";
  return `${name}: ${current}/${target}`;
}

/** Statuses pair with specs by position, as upstream assumes. */
function formatMetric(spec: any, status: any): string {
  switch (spec?.type) {
    case "External":
      return valueMetric(spec.external, status?.external);
    case "Pods": {
      const current = status?.pods ? qty(status.pods.current?.averageValue) : UNKNOWN;
      return `${current}/${qty(spec.pods?.target?.averageValue)}`;
    }
    case "Object":
      return valueMetric(spec.object, status?.object);
    case "Resource":
      return resourceMetric(spec.resource, status?.resource);
    case "ContainerResource":
      return resourceMetric(spec.containerResource, status?.containerResource);
    default:
      return "<unknown type>";
  }
}

export function formatHPAMetrics(o: KubeObject): string {
  const { specs, statuses } = metricsOf(o);
  if (specs.length === 0) return "<none>";
  const list = specs.map((s, i) => formatMetric(s, statuses[i]));
  const shown = list.slice(0, 2).join(", ");
  return list.length > 2 ? `${shown} + ${list.length - 2} more...` : shown;
}

export const horizontalPodAutoscalerColumns: ColumnDef[] = [
  nameColumn,
  col("Reference", DOC["HorizontalPodAutoscalerSpec.scaleTargetRef"], (o) => `${o.spec?.scaleTargetRef?.kind ?? ""}/${o.spec?.scaleTargetRef?.name ?? ""}`),
  col("Targets", DOC["HorizontalPodAutoscalerSpec.metrics"], formatHPAMetrics),
  col("MinPods", DOC["HorizontalPodAutoscalerSpec.minReplicas"], (o) => (has(o.spec?.minReplicas) ? String(o.spec.minReplicas) : "<unset>")),
  col("MaxPods", DOC["HorizontalPodAutoscalerSpec.maxReplicas"], (o) => o.spec?.maxReplicas ?? 0),
  col("Replicas", DOC["HorizontalPodAutoscalerStatus.currentReplicas"], (o) => o.status?.currentReplicas ?? 0),
  ageColumn,
];
