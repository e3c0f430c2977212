import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import type { Action } from "../../../src/controllers/types";
import { VOLUME_BINDER, volumeBindingController } from "../../../src/controllers/volume-binding";
import { FakeCluster, pod } from "./fake-cluster";

const PVS = "persistentvolumes";
const PVCS = "persistentvolumeclaims";
const SCS = "storageclasses.storage.k8s.io";

function pv(name: string, size: string, opts: { cls?: string; modes?: string[]; mode?: string; labels?: Record<string, string>; policy?: string } = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: { name, ...(opts.labels ? { labels: opts.labels } : {}) },
    spec: {
      capacity: { storage: size },
      accessModes: opts.modes ?? ["ReadWriteOnce"],
      volumeMode: opts.mode ?? "Filesystem",
      persistentVolumeReclaimPolicy: opts.policy ?? "Retain",
      hostPath: { path: `/data/${name}`, type: "" },
      ...(opts.cls !== undefined ? { storageClassName: opts.cls } : {}),
    },
    status: { phase: "Pending" }, // as the API server creates it
  };
}

function pvc(name: string, size: string, opts: { cls?: string; modes?: string[]; selector?: unknown; volumeName?: string } = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: { name, namespace: "default" },
    spec: {
      accessModes: opts.modes ?? ["ReadWriteOnce"],
      resources: { requests: { storage: size } },
      volumeMode: "Filesystem",
      ...(opts.cls !== undefined ? { storageClassName: opts.cls } : {}),
      ...(opts.selector ? { selector: opts.selector } : {}),
      ...(opts.volumeName ? { volumeName: opts.volumeName } : {}),
    },
    status: { phase: "Pending" },
  };
}

const sc = (name: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: "storage.k8s.io/v1",
  kind: "StorageClass",
  metadata: { name },
  provisioner: "kubeflare.io/hostpath",
  reclaimPolicy: "Delete",
  volumeBindingMode: "Immediate",
  ...extra,
});

/** Every key of the controller, reconciled and applied, until a whole round writes nothing. */
function converge(c: FakeCluster, ctl = volumeBindingController()): Action[] {
  const all: Action[] = [];
  for (let round = 0; round < 20; round++) {
    const keys = [...c.store.list(PVS).map((v) => v.metadata.name!), ...c.store.list(PVCS).map((p) => `${p.metadata.namespace}/${p.metadata.name}`)];
    const actions = keys.flatMap((k) => {
      const a = ctl.reconcile(k, c.store, c.now).actions;
      c.applyAll(a);
      return a;
    });
    if (actions.length === 0) return all;
    all.push(...actions);
  }
  throw new Error("did not converge");
}

const events = (c: FakeCluster) => c.store.list("events").map((e) => `${e.type} ${e.reason} ${e.message}`);
const phaseOf = (c: FakeCluster, res: string, ns: string | undefined, name: string) => c.obj(res, ns, name)?.status?.phase;

describe("persistentvolume-binder", () => {
  it("binds a claim to the smallest fitting volume of its class, modes and volume mode", () => {
    const c = new FakeCluster();
    c.add(PVS, pv("too-small", "1Gi", { cls: "fast" }));
    c.add(PVS, pv("big", "10Gi", { cls: "fast" }));
    c.add(PVS, pv("fit", "5Gi", { cls: "fast" }));
    c.add(PVS, pv("other-class", "3Gi", { cls: "slow" }));
    c.add(PVS, pv("read-only", "3Gi", { cls: "fast", modes: ["ReadOnlyMany"] }));
    c.add(PVS, pv("block", "3Gi", { cls: "fast", mode: "Block" }));
    const claim = c.add(PVCS, pvc("data", "2Gi", { cls: "fast" }));
    const ctl = volumeBindingController();
    expect(ctl.name).toBe(VOLUME_BINDER);

    // Volumes become Available first; until then nothing binds.
    expect(ctl.reconcile("default/data", c.store, c.now).actions.filter((a) => a.resource !== "events")).toEqual([]);
    c.applyAll(["too-small", "big", "fit", "other-class", "read-only", "block"].flatMap((n) => ctl.reconcile(n, c.store, c.now).actions));
    // Then one write per object per pass, in upstream's order.
    const step = () => {
      const a = ctl.reconcile("default/data", c.store, c.now).actions;
      c.applyAll(a);
      return a.map((x) => `${x.verb} ${x.resource}${x.verb === "update" && x.subresource ? "/" + x.subresource : ""}`);
    };
    expect(step()).toEqual(["update persistentvolumes"]);
    expect(step()).toEqual(["update persistentvolumes/status", "update persistentvolumeclaims"]);
    expect(step()).toEqual(["update persistentvolumeclaims/status"]);
    expect(converge(c, ctl)).toEqual([]);

    const vol = c.obj(PVS, undefined, "fit")!;
    expect(vol.spec.claimRef).toEqual({ kind: "PersistentVolumeClaim", namespace: "default", name: "data", uid: claim.metadata.uid, apiVersion: "v1", resourceVersion: claim.metadata.resourceVersion });
    expect(vol.metadata.annotations).toEqual({ "pv.kubernetes.io/bound-by-controller": "yes" });
    expect(vol.status.phase).toBe("Bound");
    const bound = c.obj(PVCS, "default", "data")!;
    expect(bound.spec.volumeName).toBe("fit");
    expect(bound.metadata.annotations).toEqual({ "pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes" });
    expect(bound.status).toEqual({ phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "5Gi" } });
    for (const n of ["too-small", "big", "other-class", "read-only", "block"]) expect(phaseOf(c, PVS, undefined, n)).toBe("Available");
  });

  it('matches class "" only to volumes without a class, and honours the selector', () => {
    const c = new FakeCluster();
    c.add(PVS, pv("classed", "1Gi", { cls: "fast" }));
    c.add(PVS, pv("plain", "1Gi"));
    c.add(PVS, pv("small-unlabelled", "2Gi"));
    c.add(PVS, pv("gold", "8Gi", { labels: { tier: "gold" } }));
    c.add(PVS, pv("gold-rox", "2Gi", { labels: { tier: "gold" }, modes: ["ReadOnlyMany"] }));
    c.add(PVCS, pvc("a", "1Gi", { cls: "" }));
    c.add(PVCS, pvc("b", "1Gi", { cls: "", selector: { matchLabels: { tier: "gold" } } }));
    converge(c);
    expect(c.obj(PVCS, "default", "a")!.spec.volumeName).toBe("plain");
    expect(c.obj(PVCS, "default", "b")!.spec.volumeName).toBe("gold");
    expect(phaseOf(c, PVS, undefined, "classed")).toBe("Available");
  });

  it("leaves an unmatched claim Pending with one event", () => {
    const c = new FakeCluster();
    c.add(PVS, pv("small", "1Gi"));
    c.add(PVCS, pvc("big", "5Gi"));
    const ctl = volumeBindingController();
    converge(c, ctl);
    expect(phaseOf(c, PVCS, "default", "big")).toBe("Pending");
    expect(c.obj(PVCS, "default", "big")!.spec.volumeName).toBeUndefined();
    expect(events(c)).toEqual(["Normal FailedBinding no persistent volumes available for this claim and no storage class is set"]);
    expect(ctl.reconcile("default/big", c.store, c.now).actions).toEqual([]);
  });

  it("binds a claim that names its volume, and reports a lost volume", () => {
    const c = new FakeCluster();
    c.add(PVS, pv("mine", "10Gi"));
    c.add(PVS, pv("smaller", "1Gi"));
    c.add(PVCS, pvc("named", "1Gi", { volumeName: "mine" }));
    converge(c);
    expect(phaseOf(c, PVCS, "default", "named")).toBe("Bound");
    expect(c.obj(PVCS, "default", "named")!.metadata.annotations).toEqual({ "pv.kubernetes.io/bind-completed": "yes" });
    c.remove(PVS, undefined, "mine");
    converge(c);
    expect(phaseOf(c, PVCS, "default", "named")).toBe("Lost");
    expect(events(c)).toContain("Warning ClaimLost Bound claim has lost its PersistentVolume. Data on the volume is lost!");
  });

  it("provisions a hostPath volume, binds it, and deletes it when the claim goes (real ControlLoop)", async () => {
    const c = new FakeCluster();
    c.add(SCS, sc("local", { mountOptions: ["noatime"] }));
    const claim = c.add(PVCS, pvc("data", "3Gi", { cls: "local", modes: ["ReadWriteOnce"] }));
    await c.start([volumeBindingController()]);
    const name = `pvc-${claim.metadata.uid}`;
    const vol = c.obj(PVS, undefined, name)!;
    expect(vol.metadata.annotations).toEqual({ "pv.kubernetes.io/provisioned-by": "kubeflare.io/hostpath" });
    expect(vol.spec).toMatchObject({
      capacity: { storage: "3Gi" },
      accessModes: ["ReadWriteOnce"],
      persistentVolumeReclaimPolicy: "Delete",
      storageClassName: "local",
      volumeMode: "Filesystem",
      mountOptions: ["noatime"],
      hostPath: { path: `/var/lib/kubeflare/volumes/${name}`, type: "DirectoryOrCreate" },
      claimRef: { kind: "PersistentVolumeClaim", namespace: "default", name: "data", uid: claim.metadata.uid },
    });
    expect(vol.spec.nodeAffinity).toBeUndefined();
    expect(vol.status.phase).toBe("Bound");
    expect(c.obj(PVCS, "default", "data")).toMatchObject({ spec: { volumeName: name }, status: { phase: "Bound", capacity: { storage: "3Gi" } } });
    expect(events(c)).toEqual([`Normal ProvisioningSucceeded Successfully provisioned volume ${name}`]);
    const writes = c.log.length;
    await c.loop!.resync();
    await c.settle();
    expect(c.log.length).toBe(writes); // a full resync writes nothing

    c.remove(PVCS, "default", "data");
    await c.settle();
    expect(c.obj(PVS, undefined, name)).toBeUndefined();
    expect(c.log.slice(writes).map((a) => a.verb)).toEqual(["update", "delete"]); // Released, then deleted
  });

  it("keeps a Retain volume as Released when its claim goes", () => {
    const c = new FakeCluster();
    c.add(PVS, pv("keep", "1Gi", { policy: "Retain" }));
    c.add(PVCS, pvc("data", "1Gi"));
    const ctl = volumeBindingController();
    converge(c, ctl);
    expect(phaseOf(c, PVS, undefined, "keep")).toBe("Bound");
    c.remove(PVCS, "default", "data");
    converge(c, ctl);
    expect(phaseOf(c, PVS, undefined, "keep")).toBe("Released");
    // A new claim of the same name does not get the old data.
    c.add(PVCS, pvc("data", "1Gi"));
    converge(c, ctl);
    expect(phaseOf(c, PVCS, "default", "data")).toBe("Pending");
  });

  it("warns once about a missing class, then provisions when it appears (real ControlLoop)", async () => {
    const c = new FakeCluster();
    c.add(PVCS, pvc("data", "1Gi", { cls: "later" }));
    await c.start([volumeBindingController()]);
    await c.loop!.resync();
    await c.advance(60_000);
    expect(events(c)).toEqual(['Warning ProvisioningFailed storageclass.storage.k8s.io "later" not found']);
    expect(c.loop!.nextWake()).toBeUndefined();
    c.add(SCS, sc("later"));
    await c.settle();
    expect(phaseOf(c, PVCS, "default", "data")).toBe("Bound");
  });

  it("waits for a scheduled consumer before provisioning a WaitForFirstConsumer claim (real ControlLoop)", async () => {
    const c = new FakeCluster();
    c.add(SCS, sc("local", { volumeBindingMode: "WaitForFirstConsumer" }));
    c.add(PVCS, pvc("data", "1Gi", { cls: "local" }));
    await c.start([volumeBindingController()]);
    expect(c.store.list(PVS)).toEqual([]);
    expect(events(c)).toEqual(["Normal WaitForFirstConsumer waiting for first consumer to be created before binding"]);
    c.add("pods", pod("user", { node: "node-a", extra: { spec: { volumes: [{ name: "v", persistentVolumeClaim: { claimName: "data" } }] } } }));
    await c.settle();
    const [vol] = c.store.list(PVS);
    expect(vol!.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0]).toEqual({ key: "kubernetes.io/hostname", operator: "In", values: ["node-a"] });
    expect(phaseOf(c, PVCS, "default", "data")).toBe("Bound");
  });
});
