// Events print the same whether read as core/v1 or events.k8s.io/v1 (upstream converts both to
// one internal type first), so each cell reads either field name. The first column is LAST SEEN,
// and Name is a wide column at the end.
import type { ColumnDef } from "../registry/types";
import type { KubeObject } from "../object";
import { DOC } from "./descriptions";
import { parseTime, translateTimestampSince } from "./duration";
import { col } from "./format";

interface EventView {
  lastSeen: string;
  firstSeen: string;
  count: number;
}

function times(o: KubeObject, now: Date): EventView {
  const firstTs = o.firstTimestamp ?? o.deprecatedFirstTimestamp;
  const lastTs = o.lastTimestamp ?? o.deprecatedLastTimestamp;
  // Events from the new API have only eventTime (and series for repeats).
  const firstSeen = translateTimestampSince(parseTime(firstTs) === undefined ? o.eventTime : firstTs, now);
  let lastSeen = parseTime(lastTs) === undefined ? firstSeen : translateTimestampSince(lastTs, now);
  let count: number = o.count ?? o.deprecatedCount ?? 0;
  if (o.series !== undefined && o.series !== null) {
    lastSeen = translateTimestampSince(o.series.lastObservedTime, now);
    count = o.series.count ?? 0;
  } else if (count === 0) {
    count = 1;
  }
  return { lastSeen, firstSeen, count };
}

function target(o: KubeObject): string {
  const ref = o.involvedObject ?? o.regarding ?? {};
  const kind = String(ref.kind ?? "").toLowerCase();
  return ref.name ? `${kind}/${ref.name}` : kind;
}

/** "component, host", falling back to the reporting controller and instance. */
function source(o: KubeObject): string {
  const src = o.source ?? o.deprecatedSource ?? {};
  const component = src.component || o.reportingComponent || o.reportingController || "";
  const instance = src.host || o.reportingInstance || "";
  return instance ? `${component}, ${instance}` : component;
}

export const eventColumns: ColumnDef[] = [
  col("Last Seen", DOC["Event.lastTimestamp"], (o, now) => times(o, now).lastSeen),
  col("Type", DOC["Event.type"], (o) => o.type ?? ""),
  col("Reason", DOC["Event.reason"], (o) => o.reason ?? ""),
  col("Object", DOC["Event.involvedObject"], target),
  col("Subobject", DOC["ObjectReference.fieldPath"], (o) => (o.involvedObject ?? o.regarding)?.fieldPath ?? "", { priority: 1 }),
  col("Source", DOC["Event.source"], source, { priority: 1 }),
  col("Message", DOC["Event.message"], (o) => String(o.message ?? o.note ?? "").trim()),
  col("First Seen", DOC["Event.firstTimestamp"], (o, now) => times(o, now).firstSeen, { priority: 1 }),
  col("Count", DOC["Event.count"], (o, now) => times(o, now).count, { priority: 1 }),
  col("Name", DOC["ObjectMeta.name"], (o) => o.metadata.name ?? "", { priority: 1, format: "name" }),
];
