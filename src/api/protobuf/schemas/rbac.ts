// rbac.authorization.k8s.io/v1 roles and bindings.

import type { SchemaPackage } from "../schema";

export const rbac: SchemaPackage = {
  proto: "k8s.io.api.rbac.v1",
  messages: {
    Role: { 1: "metadata:meta.ObjectMeta", 2: "rules[]:PolicyRule =atomic" },
    RoleBinding: { 1: "metadata:meta.ObjectMeta", 2: "subjects[]:Subject =atomic", 3: "roleRef!:RoleRef" },
    ClusterRole: { 1: "metadata:meta.ObjectMeta", 2: "rules[]:PolicyRule =atomic",
      3: "aggregationRule*:AggregationRule" },
    ClusterRoleBinding: { 1: "metadata:meta.ObjectMeta", 2: "subjects[]:Subject =atomic", 3: "roleRef!:RoleRef" },
    PolicyRule: { 1: "verbs[]! =atomic", 2: "apiGroups[] =atomic", 3: "resources[] =atomic",
      4: "resourceNames[] =atomic", 5: "nonResourceURLs[] =atomic" },
    Subject: { 0: "=atomic", 1: "kind!", 2: "apiGroup", 3: "name!", 4: "namespace" },
    RoleRef: { 0: "=atomic", 1: "apiGroup!", 2: "kind!", 3: "name!" },
    AggregationRule: { 1: "clusterRoleSelectors[]:meta.LabelSelector =atomic" },
  },
};
