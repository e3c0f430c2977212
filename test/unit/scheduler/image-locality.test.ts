import { describe, expect, it } from "vitest";
import { calculatePriority, imageLocality, normalizedImageName } from "../../../src/scheduler/plugins/image-locality";
import { makeNode, makePod, scoreAll } from "./fixtures";

const MB = 1024 * 1024;

describe("ImageLocality", () => {
  it("normalises untagged image names to :latest", () => {
    expect(normalizedImageName("nginx")).toBe("nginx:latest");
    expect(normalizedImageName("localhost:5000/app")).toBe("localhost:5000/app:latest");
    expect(normalizedImageName("nginx:1.25")).toBe("nginx:1.25");
    expect(normalizedImageName("gcr.io/x@sha256:abc")).toBe("gcr.io/x@sha256:abc");
  });

  it("scores present images by size scaled by how many nodes have them", () => {
    const nodes = [
      makeNode("a", { images: [{ names: ["gcr.io/250:latest"], sizeBytes: 250 * MB }, { names: ["gcr.io/40:latest"], sizeBytes: 40 * MB }] }),
      makeNode("b", { images: [{ names: ["gcr.io/250:latest"], sizeBytes: 250 * MB }] }),
      makeNode("c"),
    ];
    const pod = makePod("p", { image: "gcr.io/250", spec: { initContainers: [{ name: "i", image: "gcr.io/40" }] } });
    // a: 250MB·2/3 + 40MB·1/3 ≈ 180MB; b: ≈ 166.7MB; two containers → threshold 2000MB.
    const expected = (sum: number) => Math.trunc((100 * (sum - 23 * MB)) / (2000 * MB - 23 * MB));
    expect(scoreAll(imageLocality, pod, nodes)).toEqual({
      a: expected(Math.trunc((250 * MB * 2) / 3) + Math.trunc((40 * MB) / 3)),
      b: expected(Math.trunc((250 * MB * 2) / 3)),
      c: 0,
    });
    expect(calculatePriority(10 * MB, 1)).toBe(0);
    expect(calculatePriority(5000 * MB, 1)).toBe(100);
  });
});
