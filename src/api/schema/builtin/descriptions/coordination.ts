// coordination.k8s.io/v1 Lease.
import { objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.coordination.v1.";

export const coordination: Descriptions = {
  [`${P}Lease`]: {
    "": "A lightweight lock with an owner and expiry, used for leader election and for node heartbeats (one " +
      "per node in kube-node-lease).",
    ...objectFields,
    spec: "Who holds the lease and when it was last renewed.",
  },
  [`${P}LeaseSpec`]: {
    "": "The state of a lease.",
    acquireTime: "When the current holder took the lease.",
    holderIdentity: "The identity of the current holder.",
    leaseDurationSeconds: "How long after renewTime others must wait before taking the lease over.",
    leaseTransitions: "How many times the lease has changed hands.",
    preferredHolder: "A candidate the holder is asked to hand over to; only with strategy set.",
    renewTime: "When the holder last renewed the lease.",
    strategy: "How a leader is picked under coordinated leader election, such as OldestEmulationVersion. Needs " +
      "the CoordinatedLeaderElection feature.",
  },
};
