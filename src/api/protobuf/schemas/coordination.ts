// coordination.k8s.io/v1 Lease (leader election, node heartbeats).

import type { SchemaPackage } from "../schema";

export const coordination: SchemaPackage = {
  proto: "k8s.io.api.coordination.v1",
  messages: {
    Lease: { 1: "metadata:meta.ObjectMeta", 2: "spec:LeaseSpec" },
    LeaseSpec: { 1: "holderIdentity*", 2: "leaseDurationSeconds*:int32", 3: "acquireTime*:meta.MicroTime",
      4: "renewTime*:meta.MicroTime", 5: "leaseTransitions*:int32", 6: "strategy*", 7: "preferredHolder*" },
  },
};
