// ImageLocality: prefers nodes that already hold the pod's images, weighted by image size and
// scaled by how many nodes have the image (so a ubiquitous image doesn't herd pods onto nodes).

import { MaxNodeScore, type Plugin } from "../framework";

export const ImageLocalityName = "ImageLocality";

const mb = 1024 * 1024;
// Below this sum nothing counts (tiny images); above the per-container cap the score saturates.
const minThreshold = 23 * mb;
const maxContainerThreshold = 1000 * mb;

/** Adds ":latest" to an image reference with no tag, as the node reports tagged names. */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(":") <= name.lastIndexOf("/") ? `${name}:latest` : name;
}

export function calculatePriority(sum: number, numContainers: number): number {
  const maxThreshold = maxContainerThreshold * numContainers;
  const clamped = Math.min(Math.max(sum, minThreshold), maxThreshold);
  return Math.trunc((MaxNodeScore * (clamped - minThreshold)) / (maxThreshold - minThreshold));
}

const stateKey = "PreScore" + ImageLocalityName;

interface State {
  /** Per container image: its size-independent spread factor (nodes having it / all nodes). */
  images: { name: string; spread: number }[];
}

export const imageLocality: Plugin = {
  name: ImageLocalityName,
  events: [],
  preScore(pod, _feasible, snapshot, state) {
    const spec = pod.pod.spec ?? {};
    const total = snapshot.list().length;
    const images = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((c: { image?: string }) => {
      const name = normalizedImageName(c.image ?? "");
      return { name, spread: total ? snapshot.imageSpread(name) / total : 0 };
    });
    state.write(stateKey, { images } satisfies State);
    return undefined;
  },
  score(_pod, node, state) {
    const { images } = state.read<State>(stateKey)!;
    if (images.length === 0) return 0;
    let sum = 0;
    for (const image of images) {
      const size = node.images.get(image.name);
      if (size !== undefined) sum += Math.trunc(size * image.spread);
    }
    return calculatePriority(sum, images.length);
  },
};
