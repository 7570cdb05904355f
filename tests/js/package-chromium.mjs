// `node tests/js/package-chromium.mjs URL`: opens URL in Chromium, waits for
// the page to set window.result, prints {result, errors} as JSON. A separate
// process because tests/js/ runs with --no-experimental-fetch (for the
// Emscripten glue) and playwright-core needs fetch's globals.
import { openBrowser } from '../e2e/browser.mjs';

const browser = await openBrowser('desktop');
try {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(process.argv[2]);
  const handle = await page.waitForFunction(() => window.result, null, { timeout: 60_000 });
  process.stdout.write(JSON.stringify({ result: await handle.jsonValue(), errors }));
} finally {
  await browser.close();
}
