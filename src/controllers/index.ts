import { createDisruptionController } from "./disruption";
import { deploymentController } from "./deployment";
import { createNodeLifecycleController } from "./node-lifecycle";
import { replicaSetController, replicationControllerController } from "./replicaset";
import { createResourceQuotaController } from "./resourcequota";
import { createTaintEvictionController } from "./taint-eviction";
import type { Controller } from "./types";
import { endpointsController } from "./endpoints";
import { endpointSliceController } from "./endpointslice";
import { garbageCollector } from "./garbage-collector";
import { nodeIpamController } from "./node-ipam";
import { builtinResourceNames, kindResolver } from "./owner-kinds";
import { podGCController } from "./podgc";
import { serviceAccountController } from "./serviceaccount";
import { jobController } from "./job";
import { cronJobController } from "./cronjob";
import { daemonSetController } from "./daemonset";
import { statefulSetController } from "./statefulset";
import { namespaceController } from "./namespace";
import { volumeBindingController } from "./volume-binding";

/**
 * Events are left out of the cached set: nothing reconciles them, stores do not announce them, and
 * they would only grow the cache (a namespace's events go with the API server's own sweep).
 */
const isEvents = (r: string) => r === "events" || r === "events.events.k8s.io";

/** Every controller the ControllerManager runs; the scheduler runs in its own host. */
export function controllerManagerControllers(): Controller[] {
  return [
    deploymentController,
    replicaSetController,
    replicationControllerController,
    createNodeLifecycleController(),
    createTaintEvictionController(),
    createDisruptionController(),
    createResourceQuotaController(),
    endpointsController,
    endpointSliceController(),
    serviceAccountController(),
    nodeIpamController(),
    podGCController(),
    garbageCollector({ resources: builtinResourceNames().filter((r) => !isEvents(r)), resolve: kindResolver() }),
    jobController,
    cronJobController,
    daemonSetController,
    statefulSetController,
    volumeBindingController(),
    // Finishes a terminating namespace once its content is gone (custom resources are deleted by
    // the API server's own sweep when the namespace is deleted).
    namespaceController({ resources: builtinResourceNames({ namespaced: true }).filter((r) => !isEvents(r)) }),
  ];
}
