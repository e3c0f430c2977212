import { describe, expect, it } from "vitest";
import { podColumns, podRowConditions } from "../../../src/api/tables/pod";
import { NOW, ago, cells, row } from "./helpers";

const meta = { name: "web-0", namespace: "default", creationTimestamp: ago(3 * 3600 + 25 * 60) };
const running = { running: { startedAt: ago(600) } };
const readyCond = { type: "Ready", status: "True" };

function pod(spec: object, status: object, extraMeta: object = {}) {
  return { metadata: { ...meta, ...extraMeta }, spec: { containers: [{ name: "app", image: "nginx" }], ...spec }, status };
}

describe("pod columns", () => {
  it("define upstream's headers, with IP/Node/Nominated Node/Readiness Gates only when wide", () => {
    expect(podColumns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ["Name", "string", 0],
      ["Ready", "string", 0],
      ["Status", "string", 0],
      ["Restarts", "string", 0],
      ["Age", "string", 0],
      ["IP", "string", 1],
      ["Node", "string", 1],
      ["Nominated Node", "string", 1],
      ["Readiness Gates", "string", 1],
    ]);
    expect(podColumns[0]!.format).toBe("name");
  });

  it("prints a healthy two-container pod", () => {
    const p = pod(
      { containers: [{ name: "app" }, { name: "log" }], nodeName: "node-1" },
      {
        phase: "Running",
        podIP: "10.244.1.7",
        podIPs: [{ ip: "10.244.1.7" }, { ip: "fd00::7" }],
        containerStatuses: [
          { name: "app", ready: true, restartCount: 0, state: running },
          { name: "log", ready: true, restartCount: 0, state: running },
        ],
      },
    );
    expect(cells(podColumns, p)).toEqual(["web-0", "2/2", "Running", "0", "3h25m", "10.244.1.7", "node-1", "<none>", "<none>"]);
  });

  it("shows CrashLoopBackOff with restarts and when the last one happened", () => {
    const p = pod(
      {},
      {
        phase: "Running",
        containerStatuses: [
          {
            name: "app",
            ready: false,
            restartCount: 5,
            state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 2m40s restarting failed container" } },
            lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: ago(130) } },
          },
        ],
      },
    );
    expect(row(podColumns, p)).toMatchObject({ READY: "0/1", STATUS: "CrashLoopBackOff", RESTARTS: "5 (2m10s ago)", IP: "<none>", NODE: "<none>" });
  });

  it("prints restarts without a time when no termination was recorded", () => {
    const p = pod({}, { phase: "Running", containerStatuses: [{ name: "app", ready: true, restartCount: 4, state: running }] });
    expect(row(podColumns, p).RESTARTS).toBe("4");
  });

  describe("init containers", () => {
    const inits = { initContainers: [{ name: "a" }, { name: "b" }, { name: "c" }] };
    const done = { name: "a", state: { terminated: { exitCode: 0, reason: "Completed" } } };
    const status = (second: object) => ({ phase: "Pending", initContainerStatuses: [done, { name: "b", ...second }, { name: "c", state: { waiting: { reason: "PodInitializing" } } }] });

    it.each([
      ["a running init container as Init:i/n", { state: running }, "Init:1/3"],
      ["a waiting reason", { state: { waiting: { reason: "CrashLoopBackOff" } } }, "Init:CrashLoopBackOff"],
      ["a failure reason", { state: { terminated: { exitCode: 1, reason: "Error" } } }, "Init:Error"],
      ["an exit code without reason", { state: { terminated: { exitCode: 2 } } }, "Init:ExitCode:2"],
      ["a signal without reason", { state: { terminated: { exitCode: 137, signal: 9 } } }, "Init:Signal:9"],
      ["PodInitializing as progress", { state: { waiting: { reason: "PodInitializing" } } }, "Init:1/3"],
    ])("shows %s", (_, second, want) => {
      const p = pod(inits, { ...status(second), containerStatuses: [{ name: "app", state: { waiting: { reason: "PodInitializing" } } }] });
      expect(row(podColumns, p)).toMatchObject({ READY: "0/1", STATUS: want });
    });

    it("counts init-container restarts while initializing", () => {
      const p = pod(inits, status({ restartCount: 3, state: { waiting: { reason: "CrashLoopBackOff" } }, lastState: { terminated: { exitCode: 1, finishedAt: ago(50) } } }));
      expect(row(podColumns, p).RESTARTS).toBe("3 (50s ago)");
    });
  });

  it("counts a started sidecar as a ready container and its restarts", () => {
    const p = pod(
      { initContainers: [{ name: "proxy", restartPolicy: "Always" }] },
      {
        phase: "Running",
        conditions: [{ type: "Initialized", status: "True" }, readyCond],
        initContainerStatuses: [
          { name: "proxy", started: true, ready: true, restartCount: 1, state: running, lastState: { terminated: { exitCode: 1, finishedAt: ago(600) } } },
        ],
        containerStatuses: [
          { name: "app", ready: true, restartCount: 2, state: running, lastState: { terminated: { exitCode: 1, finishedAt: ago(60) } } },
        ],
      },
    );
    expect(row(podColumns, p)).toMatchObject({ READY: "2/2", STATUS: "Running", RESTARTS: "3 (60s ago)" });
  });

  it("shows Completed for a succeeded pod and marks the row completed", () => {
    const p = pod(
      {},
      { phase: "Succeeded", containerStatuses: [{ name: "app", ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } }] },
    );
    expect(row(podColumns, p)).toMatchObject({ READY: "0/1", STATUS: "Completed" });
    expect(podRowConditions(p as never)).toEqual([{ type: "Completed", status: "True", reason: "Succeeded", message: "The pod has completed successfully." }]);
  });

  it("keeps a pod Running (or NotReady) while another container still runs after one completed", () => {
    const statuses = [
      { name: "app", ready: true, state: running },
      { name: "job", ready: false, state: { terminated: { exitCode: 0, reason: "Completed" } } },
    ];
    const spec = { containers: [{ name: "app" }, { name: "job" }] };
    expect(row(podColumns, pod(spec, { phase: "Running", conditions: [readyCond], containerStatuses: statuses })).STATUS).toBe("Running");
    const reversed = [statuses[1], statuses[0]];
    expect(row(podColumns, pod(spec, { phase: "Running", conditions: [readyCond], containerStatuses: reversed })).STATUS).toBe("Running");
    expect(row(podColumns, pod(spec, { phase: "Running", containerStatuses: reversed })).STATUS).toBe("NotReady");
  });

  it("reads a terminated container without reason as its exit code or signal", () => {
    const term = (t: object) => pod({}, { phase: "Running", containerStatuses: [{ name: "app", state: { terminated: t } }] });
    expect(row(podColumns, term({ exitCode: 137 })).STATUS).toBe("ExitCode:137");
    expect(row(podColumns, term({ exitCode: 0, signal: 15 })).STATUS).toBe("Signal:15");
  });

  it("shows Terminating while a deleted pod is not finished, Unknown when its node is lost", () => {
    const deleting = { deletionTimestamp: ago(5) };
    const st = { phase: "Running", containerStatuses: [{ name: "app", ready: true, state: running }] };
    expect(row(podColumns, pod({}, st, deleting)).STATUS).toBe("Terminating");
    expect(row(podColumns, pod({}, { ...st, reason: "NodeLost" }, deleting)).STATUS).toBe("Unknown");
    expect(row(podColumns, pod({}, { ...st, reason: "NodeLost" })).STATUS).toBe("NodeLost");
    expect(row(podColumns, pod({}, { phase: "Succeeded" }, deleting)).STATUS).toBe("Succeeded");
  });

  it("uses the pod's reason or phase when containers say nothing", () => {
    expect(row(podColumns, pod({}, { phase: "Failed", reason: "Evicted", message: "low on memory" })).STATUS).toBe("Evicted");
    expect(row(podColumns, pod({}, { phase: "Pending" })).STATUS).toBe("Pending");
    const creating = { phase: "Pending", containerStatuses: [{ name: "app", state: { waiting: { reason: "ContainerCreating" } } }] };
    expect(row(podColumns, pod({ nodeName: "n1" }, creating))).toMatchObject({ STATUS: "ContainerCreating", NODE: "n1" });
    const gated = { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }] };
    expect(row(podColumns, pod({ schedulingGates: [{ name: "x" }] }, gated)).STATUS).toBe("SchedulingGated");
  });

  it("prints wide columns: IP from podIP when podIPs is absent, nominated node, readiness gates", () => {
    const p = pod(
      { readinessGates: [{ conditionType: "example.com/lb" }, { conditionType: "example.com/dns" }] },
      {
        phase: "Pending",
        podIP: "10.0.0.9",
        nominatedNodeName: "node-2",
        conditions: [
          { type: "example.com/lb", status: "True" },
          { type: "example.com/dns", status: "False" },
        ],
      },
    );
    expect(row(podColumns, p)).toMatchObject({ IP: "10.0.0.9", NODE: "<none>", "NOMINATED NODE": "node-2", "READINESS GATES": "1/2" });
  });

  it("ages with the supplied clock", () => {
    const later = new Date(NOW.getTime() + 2 * 86400 * 1000);
    expect(row(podColumns, pod({}, { phase: "Running" }), later).AGE).toBe("2d3h");
  });
});
