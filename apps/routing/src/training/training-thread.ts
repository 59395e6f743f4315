// Runs a retraining in a worker thread: training 20,000 complaints takes seconds of CPU, which on
// the event loop would stall Kafka heartbeats and HTTP. From TypeScript sources (dev, tests) the
// worker registers the same SWC and path hooks as tools/run.js; from compiled JavaScript it runs
// the compiled worker.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RouterTrainingJob, RouterTrainingResult } from './router-training-job';

function repositoryRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'tsconfig.base.json'))) return dir;
  }
  throw new Error(`tsconfig.base.json not found above ${from}`);
}

function startWorker(job: RouterTrainingJob): Worker {
  const compiled = join(__dirname, 'training.worker.js');
  if (existsSync(compiled)) return new Worker(compiled, { workerData: job });
  const root = repositoryRoot(__dirname);
  const source = resolve(__dirname, 'training.worker.ts');
  const bootstrap = `
    process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || ${JSON.stringify(join(root, 'tsconfig.json'))};
    require('@swc-node/register');
    const { compilerOptions } = require(${JSON.stringify(join(root, 'tsconfig.base.json'))});
    require('tsconfig-paths').register({ baseUrl: ${JSON.stringify(root)}, paths: compilerOptions.paths });
    require(${JSON.stringify(source)});`;
  return new Worker(bootstrap, { eval: true, workerData: job });
}

export function trainInWorkerThread(job: RouterTrainingJob): Promise<RouterTrainingResult> {
  return new Promise((resolvePromise, reject) => {
    const worker = startWorker(job);
    let settled = false;
    worker.once('message', (message: { ok: true; result: RouterTrainingResult } | { ok: false; error: string }) => {
      settled = true;
      if (message.ok) resolvePromise(message.result);
      else reject(new Error(`retraining failed in its worker: ${message.error}`));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`retraining worker exited with code ${code}`));
      settled = true;
    });
  });
}
