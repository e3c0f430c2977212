// rbac.authorization.k8s.io/v1 roles and bindings (kubectl create role, clusterrole, *binding).

import type { SchemaPackage } from "../schema";

export const rbac: SchemaPackage = {
  proto: "k8s.io.api.rbac.v1",
  messages: {
    Role: { 1: "metadata:meta.ObjectMeta", 2: "rules[]:PolicyRule" },
    RoleBinding: { 1: "metadata:meta.ObjectMeta", 2: "subjects[]:Subject", 3: "roleRef:RoleRef" },
    ClusterRole: { 1: "metadata:meta.ObjectMeta", 2: "rules[]:PolicyRule",
      3: "aggregationRule*:AggregationRule" },
    ClusterRoleBinding: { 1: "metadata:meta.ObjectMeta", 2: "subjects[]:Subject", 3: "roleRef:RoleRef" },
    PolicyRule: { 1: "verbs[]", 2: "apiGroups[]", 3: "resources[]", 4: "resourceNames[]",
      5: "nonResourceURLs[]" },
    Subject: { 1: "kind", 2: "apiGroup", 3: "name", 4: "namespace" },
    RoleRef: { 1: "apiGroup", 2: "kind", 3: "name" },
    AggregationRule: { 1: "clusterRoleSelectors[]:meta.LabelSelector" },
  },
};
