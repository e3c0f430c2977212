// rbac.authorization.k8s.io: bindings print their role and, when wide, their subjects. Roles and
// cluster roles have no printer upstream and get the default Name/Created At table.
import type { ColumnDef } from "../registry/types";
import type { KubeObject } from "../object";
import { DOC } from "./descriptions";
import { ageColumn, arr, col, nameColumn } from "./format";

/** Subjects of one kind, "namespace/name" for service accounts, joined as upstream does. */
function subjects(kind: string) {
  return (o: KubeObject): string =>
    arr(o.subjects)
      .filter((s) => s?.kind === kind)
      .map((s) => (kind === "ServiceAccount" ? `${s.namespace ?? ""}/${s.name ?? ""}` : (s.name ?? "")))
      .join(", ");
}

function bindingColumns(roleRefDoc: string, noun: string): ColumnDef[] {
  return [
    nameColumn,
    col("Role", roleRefDoc, (o) => `${o.roleRef?.kind ?? ""}/${o.roleRef?.name ?? ""}`),
    ageColumn,
    col("Users", `Users in the ${noun}`, subjects("User"), { priority: 1 }),
    col("Groups", `Groups in the ${noun}`, subjects("Group"), { priority: 1 }),
    col("ServiceAccounts", `ServiceAccounts in the ${noun}`, subjects("ServiceAccount"), { priority: 1 }),
  ];
}

export const roleBindingColumns = bindingColumns(DOC["RoleBinding.roleRef"], "roleBinding");
export const clusterRoleBindingColumns = bindingColumns(DOC["ClusterRoleBinding.roleRef"], "clusterRoleBinding");
