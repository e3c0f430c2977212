// Every schema package by the short name that cross-package references use ("meta.ObjectMeta").

import type { SchemaPackage } from "../schema";
import { apps } from "./apps";
import { authentication } from "./authentication";
import { authorization } from "./authorization";
import { autoscalingv1, autoscalingv2 } from "./autoscaling";
import { batch } from "./batch";
import { certificates } from "./certificates";
import { core } from "./core";
import { intstr, meta, resource } from "./meta";
import { networking } from "./networking";
import { policy } from "./policy";
import { rbac } from "./rbac";
import { scheduling } from "./scheduling";

export const PACKAGES: Readonly<Record<string, SchemaPackage>> = {
  meta,
  resource,
  intstr,
  core,
  apps,
  batch,
  rbac,
  scheduling,
  networking,
  policy,
  authentication,
  authorization,
  certificates,
  autoscalingv1,
  autoscalingv2,
};
