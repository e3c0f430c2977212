import { applyLimitRangeDefaults, limitRangerHandles, validateLimitRanges } from "../../api/admission/limitrange";
import { qualifiedName } from "../../api/registry/registry";
import type { AdmissionPlugin } from "./chain";
import { namespaceObjects } from "./namespace-objects";

/** LimitRanger: fills containers' default requests/limits, then enforces min/max/ratio. */
export const limitRanger: AdmissionPlugin = {
  name: "LimitRanger",
  async mutate(req) {
    if (!handles(req)) return;
    const ranges = await namespaceObjects(req.env, "limitranges", req.namespace!);
    if (ranges.length && qualifiedName(req.def) === "pods") applyLimitRangeDefaults(req.object!, ranges);
  },
  async validate(req) {
    if (!handles(req)) return;
    const ranges = await namespaceObjects(req.env, "limitranges", req.namespace!);
    if (ranges.length === 0) return;
    const error = validateLimitRanges(qualifiedName(req.def), req.object!, ranges);
    if (error) throw error;
  },
};

function handles(req: Parameters<NonNullable<AdmissionPlugin["validate"]>>[0]): boolean {
  return !!req.namespace && !!req.object && !req.oldObject?.metadata.deletionTimestamp && limitRangerHandles(req.operation, qualifiedName(req.def), req.subresource);
}
