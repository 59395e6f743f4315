// Worker-thread entry of a retraining (see training-thread.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { runRouterTrainingJob, type RouterTrainingJob } from './router-training-job';

try {
  parentPort!.postMessage({ ok: true, result: runRouterTrainingJob(workerData as RouterTrainingJob) });
} catch (err) {
  parentPort!.postMessage({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
}
