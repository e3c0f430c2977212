import type { KubeObject } from "../object";

// autoscaling/v1 HPAs are stored as v2. v1 can express only a CPU utilization target, so other v2
// metrics are not visible through v1 (upstream carries them in annotations; we do not yet).

interface Metric {
  type: string;
  resource?: { name: string; target?: { type: string; averageUtilization?: number }; current?: { averageUtilization?: number } };
}

const isCpu = (m: Metric) => m.type === "Resource" && m.resource?.name === "cpu";

export const hpaV1 = {
  toStorage(obj: KubeObject): KubeObject {
    const { targetCPUUtilizationPercentage, ...spec } = obj.spec ?? {};
    const metrics: Metric[] =
      targetCPUUtilizationPercentage === undefined
        ? []
        : [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: targetCPUUtilizationPercentage } } }];
    const out: KubeObject = { ...obj, apiVersion: "autoscaling/v2", spec: { ...spec, metrics } };
    if (obj.status) {
      const { currentCPUUtilizationPercentage, ...status } = obj.status;
      out.status = currentCPUUtilizationPercentage === undefined
        ? status
        : { ...status, currentMetrics: [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: currentCPUUtilizationPercentage } } }] };
    }
    return out;
  },
  fromStorage(obj: KubeObject): KubeObject {
    const { metrics = [], behavior: _b, ...spec } = obj.spec ?? {};
    const cpu = (metrics as Metric[]).find(isCpu)?.resource?.target?.averageUtilization;
    const out: KubeObject = { ...obj, spec: cpu === undefined ? spec : { ...spec, targetCPUUtilizationPercentage: cpu } };
    if (obj.status) {
      const { currentMetrics = [], conditions: _c, ...status } = obj.status;
      const current = (currentMetrics as Metric[]).find(isCpu)?.resource?.current?.averageUtilization;
      out.status = current === undefined ? status : { ...status, currentCPUUtilizationPercentage: current };
    }
    return out;
  },
};
