// node.k8s.io/v1 RuntimeClass.

import type { SchemaPackage } from "../schema";

export const node: SchemaPackage = {
  proto: "k8s.io.api.node.v1",
  messages: {
    RuntimeClass: { 1: "metadata:meta.ObjectMeta", 2: "handler!", 3: "overhead*:Overhead",
      4: "scheduling*:Scheduling" },
    Overhead: { 1: "podFixed:{resource.Quantity}" },
    Scheduling: { 1: "nodeSelector:{string} =atomic", 2: "tolerations[]:core.Toleration =atomic" },
  },
};
