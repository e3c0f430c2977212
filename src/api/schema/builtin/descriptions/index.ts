// Field descriptions for built-in kinds, served in OpenAPI and printed by `kubectl explain`.
// Keyed by upstream definition name, then json field name; "" describes the type itself.
// The facts follow upstream Kubernetes; the wording is kubeflare's own.

import { apiextensions } from "./apiextensions";
import { appsDeployment } from "./apps-deployment";
import { appsSets } from "./apps-sets";
import { autoscaling } from "./autoscaling";
import { batch } from "./batch";
import { certificates } from "./certificates";
import type { Descriptions } from "./common";
import { coordination } from "./coordination";
import { coreConfig } from "./core-config";
import { coreContainer } from "./core-container";
import { coreMisc } from "./core-misc";
import { coreNode } from "./core-node";
import { corePod } from "./core-pod";
import { corePodStatus } from "./core-pod-status";
import { coreProbe } from "./core-probe";
import { coreScheduling } from "./core-scheduling";
import { coreSecurity } from "./core-security";
import { coreService } from "./core-service";
import { coreStorage } from "./core-storage";
import { coreVolume } from "./core-volume";
import { discovery } from "./discovery";
import { events } from "./events";
import { meta } from "./meta";
import { networking } from "./networking";
import { node } from "./node";
import { policy } from "./policy";
import { rbac } from "./rbac";
import { scheduling } from "./scheduling";
import { storage } from "./storage";

export type { Descriptions } from "./common";

/** Every file's table, kept separate so a test can tell that no definition is described twice. */
export const descriptionTables: readonly Descriptions[] = [
  meta,
  corePod, coreContainer, coreVolume, coreProbe, coreSecurity, coreScheduling, corePodStatus,
  coreService, coreConfig, coreMisc, coreNode, coreStorage,
  appsDeployment, appsSets, batch, networking, autoscaling, policy, rbac, coordination, apiextensions,
  certificates, discovery, events, node, scheduling, storage,
];

export const descriptions: Descriptions = Object.assign({}, ...descriptionTables);
