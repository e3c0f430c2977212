// Every schema package by the short name that cross-package references use ("meta.ObjectMeta").

import type { SchemaPackage } from "../schema";
import { apiextensions } from "./apiextensions";
import { apps } from "./apps";
import { authentication } from "./authentication";
import { authorization } from "./authorization";
import { autoscalingv1, autoscalingv2 } from "./autoscaling";
import { batch } from "./batch";
import { certificates } from "./certificates";
import { coordination } from "./coordination";
import { core } from "./core";
import { discovery } from "./discovery";
import { events } from "./events";
import { intstr, meta, resource, runtime } from "./meta";
import { networking } from "./networking";
import { node } from "./node";
import { policy } from "./policy";
import { rbac } from "./rbac";
import { scheduling } from "./scheduling";
import { storage } from "./storage";

export const PACKAGES: Readonly<Record<string, SchemaPackage>> = {
  meta,
  resource,
  intstr,
  runtime,
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
  coordination,
  discovery,
  events,
  storage,
  node,
  apiextensions,
};
