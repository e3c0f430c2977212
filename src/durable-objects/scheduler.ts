import { schedulerController } from "../scheduler/controller";
import { ControlLoopHost } from "./control-loop-host";

/** kube-scheduler: its own host, so a long scheduling burst never delays the other controllers. */
export class Scheduler extends ControlLoopHost {
  protected readonly userAgent = "kube-scheduler/v1.32.0 (workerd) kubeflare";
  protected controllers() {
    return [schedulerController()];
  }
}
