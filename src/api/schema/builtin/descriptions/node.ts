// node.k8s.io/v1 RuntimeClass.
import { objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.node.v1.";

export const node: Descriptions = {
  [`${P}RuntimeClass`]: {
    "": "A named container runtime configuration, such as a sandboxed runtime, that pods choose through " +
      "spec.runtimeClassName.",
    ...objectFields,
    handler: "The CRI runtime handler on the nodes that runs pods of this class, such as runc. A lowercase DNS " +
      "label, assumed to exist on every node. Immutable.",
    overhead: "Resources the runtime itself costs per pod; added to the pod's requests for scheduling and quota.",
    scheduling: "Node selector and tolerations merged into pods of this class so they land on nodes that " +
      "support it.",
  },
};
