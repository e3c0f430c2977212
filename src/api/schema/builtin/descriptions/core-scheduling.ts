// core/v1 scheduling constraints of a pod: affinity, node selector terms, tolerations, topology spread.
import type { Descriptions } from "./common";

const P = "io.k8s.api.core.v1.";

const ignoredDuringExecution = "Checked only when scheduling; a pod already running is not moved when the rule " +
  "stops holding.";

export const coreScheduling: Descriptions = {
  [`${P}Affinity`]: {
    "": "Scheduling rules that attract the pod to, or keep it away from, certain nodes and other pods.",
    nodeAffinity: "Rules about the labels of the node the pod lands on.",
    podAffinity: "Rules to place the pod in the same topology domain (node, zone…) as certain other pods.",
    podAntiAffinity: "Rules to keep the pod out of topology domains that already run certain other pods.",
  },
  [`${P}NodeAffinity`]: {
    "": "Node affinity rules: hard requirements and weighted preferences over node labels and fields.",
    preferredDuringSchedulingIgnoredDuringExecution: "Soft preferences: among nodes that fit, the scheduler " +
      "favours the one whose matching terms have the largest total weight.",
    requiredDuringSchedulingIgnoredDuringExecution: "Hard requirements: the pod only goes to a node matching at " +
      `least one of the terms. ${ignoredDuringExecution}`,
  },
  [`${P}PodAffinity`]: {
    "": "Rules to co-locate the pod with pods matching a selector.",
    preferredDuringSchedulingIgnoredDuringExecution: "Soft preferences: nodes near matching pods gain the " +
      "term's weight, and the highest total wins.",
    requiredDuringSchedulingIgnoredDuringExecution: "Hard requirements, all of which must hold for a node to be " +
      `chosen. ${ignoredDuringExecution}`,
  },
  [`${P}PodAntiAffinity`]: {
    "": "Rules to keep the pod apart from pods matching a selector, for example to spread replicas over nodes.",
    preferredDuringSchedulingIgnoredDuringExecution: "Soft preferences: nodes near matching pods lose the term's " +
      "weight, and the highest total wins.",
    requiredDuringSchedulingIgnoredDuringExecution: "Hard requirements: a node is excluded if any term finds a " +
      `matching pod in its topology domain. ${ignoredDuringExecution}`,
  },
  [`${P}PodAffinityTerm`]: {
    "": "A set of pods (by label selector and namespaces) and a topology key defining what counts as " +
      "\"near\" them.",
    labelSelector: "Which existing pods the term is about. Unset matches no pods.",
    matchLabelKeys: "Label keys whose values are copied from the incoming pod and added to labelSelector as " +
      "key in (value), for example to only consider pods of the same revision. Requires labelSelector.",
    mismatchLabelKeys: "Label keys whose values are copied from the incoming pod and added to labelSelector as " +
      "key notin (value). Requires labelSelector.",
    namespaceSelector: "Namespaces, by label, in which to look for pods; added to namespaces. An empty " +
      "selector means all namespaces.",
    namespaces: "Namespaces, by name, in which to look for pods. With this and namespaceSelector both unset, " +
      "the pod's own namespace is used.",
    topologyKey: "A node label key; nodes with the same value for it form one domain, such as " +
      "kubernetes.io/hostname (per node) or topology.kubernetes.io/zone (per zone). Required.",
  },
  [`${P}WeightedPodAffinityTerm`]: {
    "": "A pod affinity term with a weight, used for soft preferences.",
    podAffinityTerm: "The pods and topology the preference refers to.",
    weight: "How much matching this term counts, 1 to 100.",
  },
  [`${P}PreferredSchedulingTerm`]: {
    "": "A node selector term with a weight, used for soft node preferences.",
    preference: "The node requirements the preference refers to.",
    weight: "How much matching this term counts, 1 to 100.",
  },
  [`${P}NodeSelector`]: {
    "": "A node query made of terms; a node matches if any one term matches.",
    nodeSelectorTerms: "The terms, combined with OR. Required.",
  },
  [`${P}NodeSelectorTerm`]: {
    "": "Requirements on a node's labels and fields that must all hold. An empty term matches nothing.",
    matchExpressions: "Requirements on node labels.",
    matchFields: "Requirements on node fields; only metadata.name is supported.",
  },
  [`${P}NodeSelectorRequirement`]: {
    "": "One condition on a node label or field.",
    key: "The label key (or field name) tested.",
    operator: "In, NotIn, Exists, DoesNotExist, Gt or Lt.",
    values: "Values to compare with: non-empty for In and NotIn, empty for Exists and DoesNotExist, exactly one " +
      "integer for Gt and Lt.",
  },
  [`${P}Toleration`]: {
    "": "Lets the pod be scheduled on, or stay on, nodes with a matching taint.",
    effect: "The taint effect matched: NoSchedule, PreferNoSchedule or NoExecute. Empty matches every effect.",
    key: "The taint key matched. Empty matches every key, and then operator must be Exists.",
    operator: "Equal (the default) compares value; Exists matches any value.",
    tolerationSeconds: "For NoExecute taints only: how long the pod may stay after the taint appears before it " +
      "is evicted. Unset tolerates forever; zero or less evicts at once.",
    value: "The taint value matched with Equal. Must be empty with Exists.",
  },
  [`${P}TopologySpreadConstraint`]: {
    "": "Asks the scheduler to keep matching pods evenly spread across the domains of a topology, such as zones " +
      "or nodes.",
    labelSelector: "Which pods are counted in each domain; usually the pod's own labels.",
    matchLabelKeys: "Label keys whose values are copied from the incoming pod and ANDed with labelSelector, for " +
      "example pod-template-hash to count only one revision. Requires labelSelector.",
    maxSkew: "How far the count of matching pods in any domain may exceed the count in the emptiest eligible " +
      "domain. Must be at least 1.",
    minDomains: "With fewer eligible domains than this, the emptiest domain is taken to hold 0 pods, forcing " +
      "spread to new domains. Only with whenUnsatisfiable DoNotSchedule; must be above 0. Unset behaves as 1.",
    nodeAffinityPolicy: "Honor (the default) counts only nodes that match the pod's nodeSelector and node " +
      "affinity; Ignore counts all nodes.",
    nodeTaintsPolicy: "Honor counts only nodes whose taints the pod tolerates; Ignore (the default) counts all " +
      "nodes.",
    topologyKey: "The node label whose values define the domains, such as topology.kubernetes.io/zone. Nodes " +
      "without the label are left out. Required.",
    whenUnsatisfiable: "DoNotSchedule (the default) keeps the pod pending rather than increase skew beyond " +
      "maxSkew; ScheduleAnyway schedules it but prefers domains that reduce skew.",
  },
};
