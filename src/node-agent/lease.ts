// The node Lease, kubelet-style: one per node in kube-node-lease, renewed every renew interval. The
// decisions are pure functions of `now`, as in kwok's node_lease_controller.
import type { KubeObject } from "../api/object";
import { microTime } from "./clock";

export const LEASE_NAMESPACE = "kube-node-lease";

export interface LeaseOwner {
  name: string;
  uid?: string;
}

/** The lease as the node writes it on each renewal; the Node owns it so deleting the Node removes it. */
export function leaseFor(node: LeaseOwner, durationSeconds: number, now: number, current?: KubeObject): KubeObject {
  const lease: KubeObject = current ? structuredClone(current) : { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: node.name, namespace: LEASE_NAMESPACE } };
  if (node.uid && !lease.metadata.ownerReferences?.some((r) => r.uid === node.uid)) {
    lease.metadata.ownerReferences = [{ apiVersion: "v1", kind: "Node", name: node.name, uid: node.uid }];
  }
  lease.spec = { ...lease.spec, holderIdentity: node.name, leaseDurationSeconds: durationSeconds, renewTime: microTime(now) };
  return lease;
}

/** Renew when never renewed or when the renew interval has passed (kubelet: a quarter of the duration). */
export function shouldRenew(now: number, lastRenew: number | undefined, renewIntervalMs: number): boolean {
  return lastRenew === undefined || now - lastRenew >= renewIntervalMs;
}

/** After a failed renewal, retry sooner than a full interval so the lease does not lapse. */
export function nextRenewDelay(renewIntervalMs: number, failures: number): number {
  if (failures === 0) return renewIntervalMs;
  return Math.min(renewIntervalMs, 200 * 2 ** Math.min(failures - 1, 10));
}

/** Whether others may consider the holder gone (what the node-lifecycle controller asks). */
export function leaseExpired(lease: KubeObject, now: number): boolean {
  const renew = Date.parse(lease.spec?.renewTime ?? "");
  const seconds = lease.spec?.leaseDurationSeconds;
  if (Number.isNaN(renew) || typeof seconds !== "number") return true;
  return now > renew + seconds * 1000;
}
