// The worker_threads worker createShopCoreWorker() starts in Node.
import { parentPort } from 'node:worker_threads';
import { createShopCore } from './node.js';
import { serve } from './worker-host.js';

serve(createShopCore, {
  post: (message) => parentPort.postMessage(message),
  listen: (fn) => parentPort.on('message', fn),
});
