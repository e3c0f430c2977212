// The only list of plugins: kube-scheduler 1.32's default profile, in its order (filters run in
// this order and a node's first rejection is the one reported) with its default score weights.
// Volume plugins, scheduling gates (handled by the controller) and preemption are not here.

import type { Plugin, WeightedPlugin } from "./framework";
import { balancedAllocation } from "./plugins/balanced-allocation";
import { imageLocality } from "./plugins/image-locality";
import { interPodAffinity } from "./plugins/inter-pod-affinity";
import { nodeAffinity } from "./plugins/node-affinity";
import { nodeName } from "./plugins/node-name";
import { nodePorts } from "./plugins/node-ports";
import { nodeResourcesFit } from "./plugins/node-resources-fit";
import { nodeUnschedulable } from "./plugins/node-unschedulable";
import { podTopologySpread } from "./plugins/pod-topology-spread";
import { taintToleration } from "./plugins/taint-toleration";

const table: [Plugin, number][] = [
  [nodeUnschedulable, 0],
  [nodeName, 0],
  [taintToleration, 3],
  [nodeAffinity, 2],
  [nodePorts, 0],
  [nodeResourcesFit, 1],
  [podTopologySpread, 2],
  [interPodAffinity, 2],
  [balancedAllocation, 1],
  [imageLocality, 1],
];

export const defaultPlugins: readonly WeightedPlugin[] = table.map(([plugin, weight]) => ({ ...plugin, weight }));

export function pluginByName(name: string): WeightedPlugin | undefined {
  return defaultPlugins.find((p) => p.name === name);
}
