import { invalid } from "../../api/errors";
import { allocateService, applyAllocation } from "../../controllers/service-allocation";
import { builtinRegistry } from "../registry";
import { ResourceStorage } from "../storage";
import type { AdmissionPlugin } from "./chain";

/**
 * ClusterIPs and NodePorts are allocated as a Service is written, as upstream's service REST does,
 * so `kubectl expose` prints a Service that already has its IP. Allocation reads every Service;
 * two concurrent creates in different isolates could pick the same free address (see the issue notes).
 */
export const serviceAllocation: AdmissionPlugin = {
  name: "ServiceIPAllocation",
  async mutate(req) {
    if (req.def.kind !== "Service" || req.def.group !== "" || req.subresource || !req.object) return;
    if (req.operation !== "CREATE" && req.operation !== "UPDATE") return;
    const storage = new ResourceStorage(req.env, builtinRegistry.byQualifiedName("services")!);
    const { items } = await storage.list(storage.selection(undefined, {}));
    const allocation = allocateService(req.object, items);
    if (Array.isArray(allocation)) throw invalid("", "Service", req.object.metadata.name ?? "", allocation);
    const allocated = applyAllocation(req.object, allocation);
    req.object.spec = allocated.spec;
  },
};
