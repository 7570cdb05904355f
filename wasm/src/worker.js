// The module worker createShopCoreWorker() starts in browsers.
import { createShopCore } from './index.js';
import { serve } from './worker-host.js';

serve(createShopCore, {
  post: (message) => self.postMessage(message),
  listen: (fn) => self.addEventListener('message', (event) => fn(event.data)),
});
