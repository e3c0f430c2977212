// rbac.authorization.k8s.io/v1 roles, bindings and their parts.
import { objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.rbac.v1.";

const roleRef = "The Role or ClusterRole granted. Immutable: delete and recreate the binding to change it.";
const subjects = "Who is granted the role: users, groups or service accounts.";

export const rbac: Descriptions = {
  [`${P}Role`]: {
    "": "A set of permissions within one namespace, granted to subjects through RoleBindings. Permissions only " +
      "add up; there are no deny rules.",
    ...objectFields,
    rules: "The permissions the role grants.",
  },
  [`${P}ClusterRole`]: {
    "": "A set of permissions that can be granted cluster-wide with a ClusterRoleBinding, or within one " +
      "namespace with a RoleBinding. Can also cover cluster-scoped resources and non-resource URLs.",
    ...objectFields,
    aggregationRule: "Build the rules from other ClusterRoles chosen by label; the controller then owns rules " +
      "and overwrites manual edits.",
    rules: "The permissions the role grants.",
  },
  [`${P}PolicyRule`]: {
    "": "Permission to perform some verbs on some resources, or on some non-resource URLs.",
    apiGroups: "API groups of the resources; \"\" is the core group and \"*\" any group.",
    nonResourceURLs: "URL paths such as /healthz or /api/*, with * allowed only as the last segment. Only " +
      "meaningful in ClusterRoles bound by ClusterRoleBindings; not combinable with resources.",
    resourceNames: "Restrict the rule to objects with these names. Empty allows every name.",
    resources: "Resource names such as pods, or subresources such as pods/log; \"*\" for all.",
    verbs: "Allowed verbs such as get, list, watch, create, update, patch and delete; \"*\" for all. Required.",
  },
  [`${P}AggregationRule`]: {
    "": "How an aggregated ClusterRole finds the roles whose rules it collects.",
    clusterRoleSelectors: "ClusterRoles matching any of these label selectors contribute their rules.",
  },
  [`${P}RoleBinding`]: {
    "": "Grants a Role, or a ClusterRole limited to this namespace, to a set of subjects.",
    ...objectFields,
    roleRef,
    subjects,
  },
  [`${P}ClusterRoleBinding`]: {
    "": "Grants a ClusterRole to a set of subjects across the whole cluster.",
    ...objectFields,
    roleRef,
    subjects,
  },
  [`${P}Subject`]: {
    "": "A user, group or service account that a binding applies to.",
    apiGroup: "Empty for ServiceAccount subjects; users and groups use rbac.authorization.k8s.io, filled in " +
      "when omitted.",
    kind: "User, Group or ServiceAccount.",
    name: "The user name, group name or service account name.",
    namespace: "The service account's namespace. Must be empty for users and groups.",
  },
  [`${P}RoleRef`]: {
    "": "Points at the role a binding grants.",
    apiGroup: "Always rbac.authorization.k8s.io.",
    kind: "Role or ClusterRole.",
    name: "The role's name.",
  },
};
