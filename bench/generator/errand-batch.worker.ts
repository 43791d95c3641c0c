import { parentPort, workerData } from 'node:worker_threads';
import { type BatchContext, errandBatchMaker } from './errand-batches.ts';

// Makes errand batches on request, so encryption and answer generation run beside the database
// writes instead of before them. Asked with `{ first, end }`, answers with the batch.

const make = errandBatchMaker(workerData as BatchContext);
parentPort?.on('message', (request: { first: number; end: number }) => {
  parentPort?.postMessage(make(request.first, request.end));
});
