import { controllerManagerControllers } from "../controllers";
import { ControlLoopHost } from "./control-loop-host";

/** kube-controller-manager: every controller in one control loop, one instance per cluster. */
export class ControllerManager extends ControlLoopHost {
  protected readonly userAgent = "kube-controller-manager/v1.32.0 (workerd) kubeflare";
  protected controllers() {
    return controllerManagerControllers();
  }
}
