import { describe, expect, it } from "vitest";
import { KeyQueue } from "../../../src/node-agent/queue";

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("KeyQueue", () => {
  it("runs a key once however often it is queued before it starts", async () => {
    const runs: string[] = [];
    const q = new KeyQueue(async (k) => void runs.push(k), 1);
    q.add("a");
    q.add("b");
    q.add("b");
    await q.idle();
    expect(runs).toEqual(["a", "b"]);
  });

  it("never runs one key twice at once, and runs it again if it was queued meanwhile", async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    let release!: () => void;
    const q = new KeyQueue(async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      runs++;
      if (runs === 1) await new Promise<void>((r) => (release = r));
      active--;
    }, 4);
    q.add("a");
    await tick();
    q.add("a");
    q.add("a");
    release();
    await q.idle();
    expect(runs).toBe(2);
    expect(maxActive).toBe(1);
  });

  it("survives a failing worker and drops work after stop", async () => {
    const runs: string[] = [];
    const q = new KeyQueue(async (k) => {
      runs.push(k);
      if (k === "bad") throw new Error("boom");
    });
    q.add("bad");
    q.add("good");
    await q.stop();
    q.add("late");
    await q.idle();
    expect(runs).toEqual(["bad", "good"]);
  });
});
