// scheduling.k8s.io/v1 PriorityClass.
import { objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.scheduling.v1.";

export const scheduling: Descriptions = {
  [`${P}PriorityClass`]: {
    "": "Maps a name to a pod priority. Higher-priority pods are scheduled first and may preempt lower ones.",
    ...objectFields,
    description: "Free text on when this class should be used.",
    globalDefault: "Use this class for pods that name none. Only one class should set it; if several do, the " +
      "lowest value among them applies.",
    preemptionPolicy: "PreemptLowerPriority (the default) lets pods evict lower-priority pods to fit; Never " +
      "only queues them ahead.",
    value: "The priority pods of this class get; higher is more important. User classes may go up to one " +
      "billion. Immutable.",
  },
};
