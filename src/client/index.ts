// The shared typed client: Node (node agent) and Workers (controllers) use the same code.
export { KubeClient, type ClientOptions, type FetchLike, type ListOptions, type WriteOptions, type PatchOptions, type PatchType, type DeleteOptions } from "./client";
export { ApiError, isNotFound, isConflict, isGone, isAlreadyExists, isRetriable, type Status } from "./errors";
export { Informer, keyOf, type Handlers, type InformerOptions } from "./informer";
export { LineSplitter, parseWatchLine, type WatchEvent, type WatchEventType } from "./lines";
export { resourcePath, groupVersionPath, apiVersionOf, queryString, type ResourceRef } from "./paths";
export { resources } from "./resources";
export { sleep, type WatchOptions } from "./watch";
