// core/v1 security contexts, for pods and for single containers.
import type { Descriptions } from "./common";

const P = "io.k8s.api.core.v1.";

const notWindows = "Forbidden for Windows pods (spec.os.name: windows).";

export const coreSecurity: Descriptions = {
  [`${P}SecurityContext`]: {
    "": "Security settings for one container. Where a field also exists in the pod's securityContext, the " +
      "container's value wins.",
    allowPrivilegeEscalation: "Whether a process can acquire privileges beyond its parent's (the no_new_privs " +
      `flag). Always true for privileged containers or with CAP_SYS_ADMIN. ${notWindows}`,
    appArmorProfile: "The AppArmor profile for this container, overriding the pod's.",
    capabilities: `Linux capabilities to add to or drop from the runtime's default set. ${notWindows}`,
    privileged: "Run with nearly all host privileges, effectively root on the node. Defaults to false. " +
      notWindows,
    procMount: "Default (the runtime's masked and read-only /proc paths) or Unmasked. Needs the ProcMountType " +
      `feature. ${notWindows}`,
    readOnlyRootFilesystem: `Mount the container's root filesystem read-only. Defaults to false. ${notWindows}`,
    runAsGroup: `The primary group ID for the container's processes. Defaults to the runtime's. ${notWindows}`,
    runAsNonRoot: "If true, the kubelet refuses to start the container when it would run as UID 0.",
    runAsUser: `The user ID for the container's processes. Defaults to the image's user. ${notWindows}`,
    seLinuxOptions: `SELinux labels for the container. Defaults to a random label from the runtime. ${notWindows}`,
    seccompProfile: `The seccomp profile for this container, overriding the pod's. ${notWindows}`,
    windowsOptions: "Windows-specific settings; only valid when spec.os.name is windows or unset.",
  },
  [`${P}PodSecurityContext`]: {
    "": "Security settings for the whole pod, some of which act as defaults for every container.",
    appArmorProfile: "The AppArmor profile for the pod's containers. " + notWindows,
    fsGroup: "A supplemental group for all containers. Volumes that support it are chowned to this group, get " +
      `the setgid bit and group read-write access. Unset leaves volume ownership alone. ${notWindows}`,
    fsGroupChangePolicy: "When volume ownership is changed for fsGroup: Always (the default) on every mount, or " +
      `OnRootMismatch only when the volume root does not match already. ${notWindows}`,
    runAsGroup: `Default primary group ID for container processes. ${notWindows}`,
    runAsNonRoot: "If true, the kubelet refuses to start any container that would run as UID 0.",
    runAsUser: `Default user ID for container processes; defaults to each image's user. ${notWindows}`,
    seLinuxChangePolicy: "How volumes get the pod's SELinux label: MountOption (fast, via a mount option) or " +
      "Recursive (relabel every file). Needs the SELinuxChangePolicy feature. " + notWindows,
    seLinuxOptions: `Default SELinux labels for every container. ${notWindows}`,
    seccompProfile: `Default seccomp profile for every container. ${notWindows}`,
    supplementalGroups: "Extra group IDs for the first process in every container, besides its primary group " +
      `and fsGroup. ${notWindows}`,
    supplementalGroupsPolicy: "Merge (the default) adds the groups from the image's /etc/group too; Strict uses " +
      `only the groups given here. Needs the SupplementalGroupsPolicy feature. ${notWindows}`,
    sysctls: "Namespaced kernel parameters to set for the pod; a runtime that does not support one fails the " +
      `pod. ${notWindows}`,
    windowsOptions: "Default Windows-specific settings for all containers.",
  },
  [`${P}Capabilities`]: {
    "": "Linux capabilities to add or remove, named without the CAP_ prefix (for example NET_ADMIN).",
    add: "Capabilities to grant on top of the runtime's defaults.",
    drop: "Capabilities to remove; ALL drops every one.",
  },
  [`${P}SELinuxOptions`]: {
    "": "The SELinux context to apply.",
    level: "The SELinux level (MLS/MCS) label, such as s0:c123,c456.",
    role: "The SELinux role label.",
    type: "The SELinux type label.",
    user: "The SELinux user label.",
  },
  [`${P}SeccompProfile`]: {
    "": "Which seccomp profile restricts the system calls a container may make.",
    localhostProfile: "With type Localhost, the profile file relative to the kubelet's seccomp directory. Must " +
      "be empty for other types.",
    type: "RuntimeDefault (the runtime's profile), Unconfined (no filtering) or Localhost (a file on the node).",
  },
  [`${P}AppArmorProfile`]: {
    "": "Which AppArmor profile confines a container.",
    localhostProfile: "With type Localhost, the name of a profile already loaded on the node. Required exactly " +
      "when type is Localhost.",
    type: "RuntimeDefault (the runtime's profile), Unconfined (no AppArmor) or Localhost (a loaded profile).",
  },
  [`${P}WindowsSecurityContextOptions`]: {
    "": "Windows-only container settings.",
    gmsaCredentialSpec: "The full GMSA credential spec, normally filled in by the GMSA admission webhook.",
    gmsaCredentialSpecName: "Which GMSA credential spec resource to use, by name.",
    hostProcess: "Run as a HostProcess container with host access. Every container of the pod must agree, and " +
      "hostNetwork must be true.",
    runAsUserName: "The Windows user to run as. Defaults to the image's user.",
  },
  [`${P}Sysctl`]: {
    "": "One kernel parameter to set in the pod's namespaces.",
    name: "The parameter name, such as net.core.somaxconn.",
    value: "The value to set.",
  },
};
