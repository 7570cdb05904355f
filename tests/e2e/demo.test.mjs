// scripts/demo in a real browser: the page loads the ES module in Chromium,
// converts the sample prices and formats them per market. What it shows must
// equal what the `shopcore` command prints for the same inputs, and what the
// browser's own Intl.NumberFormat prints. Mobile and desktop viewports;
// screenshots in build/screenshots/.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runShopcore } from '../js/shopcore-cli.mjs';
import { BASE_CURRENCY, DISPLAYS, MARKETS, SAMPLES } from '../../web/markets.js';
import { SCREENSHOTS, openBrowser } from './browser.mjs';
import { startDemo } from './demo-server.mjs';

// Both viewports ask the same questions; the command answers each once.
const cliAnswers = new Map();
function cli(args) {
  const key = JSON.stringify(args);
  if (!cliAnswers.has(key)) {
    const result = runShopcore(args);
    assert.equal(result.status, 0, `shopcore ${args.join(' ')}: ${result.stderr}`);
    cliAnswers.set(key, result.stdout.toString('utf8'));
  }
  return cliAnswers.get(key);
}

// What the page must show, computed by the native command line.
function expectedConversions() {
  const amounts = new Map();
  for (const market of MARKETS) {
    for (const sample of SAMPLES) {
      const out = JSON.parse(cli(['money', 'convert', '--amount-minor', String(sample.amountMinor), '--from', BASE_CURRENCY,
        '--to', market.currency, '--rate', market.rate, '--rounding', 'half-even']));
      amounts.set(`${market.id}/${sample.id}`, out.amount_minor);
    }
  }
  return amounts;
}

async function readPrices(page) {
  return page.$$eval('.market', (cards) => cards.flatMap((card) => [...card.querySelectorAll('.price')].map((row) => {
    const value = row.querySelector('.price__value');
    const check = row.querySelector('.price__check');
    return {
      market: card.dataset.market,
      sample: row.dataset.sample,
      text: value.textContent,
      isError: value.classList.contains('price__value--error'),
      amountMinor: value.dataset.amountMinor,
      currency: value.dataset.currency,
      locale: value.dataset.locale,
      display: value.dataset.display,
      intlShown: check.dataset.intl,
    };
  })));
}

// Intl.NumberFormat in the page, on the exact major-unit string.
async function intlInPage(page, price, major) {
  const currencyDisplay = DISPLAYS.find((d) => d.id === price.display).intl;
  return page.evaluate(({ locale, currency, currencyDisplay, major }) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay }).format(major),
  { locale: price.locale, currency: price.currency, currencyDisplay, major });
}

let demo;
before(async () => { demo = await startDemo(); });
after(() => demo && demo.stop());

for (const viewportName of ['mobile', 'desktop']) {
  describe(`demo page, ${viewportName}`, () => {
    let browser;
    let page;
    const pageErrors = [];
    const requested = [];
    before(async () => {
      browser = await openBrowser(viewportName);
      page = await browser.context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(demo.url);
      await page.waitForFunction(() => ['ready', 'degraded', 'error'].includes(document.documentElement.dataset.state),
        null, { timeout: 60_000 });
    });
    after(async () => { await browser?.close(); });

    test('the engine starts in the browser and reports its version', async () => {
      const state = await page.evaluate(() => document.documentElement.dataset.state);
      const status = await page.textContent('#status');
      assert.equal(state, 'ready', status);
      assert.deepEqual(pageErrors, []);
      const version = JSON.parse(cli(['version']));
      const footer = await page.textContent('#versions');
      assert.ok(footer.startsWith(`shopcore ${version.shopcore} · `), footer);
      assert.ok(footer.includes(version.currency_data), footer);
      // Chromium runs SIMD, so the loader must have picked that flavour, and only it.
      assert.ok(footer.includes(' · SIMD build · '), footer);
      assert.ok(requested.includes('/shopcore/dist/shopcore-simd.wasm'), requested.join(' '));
      assert.ok(!requested.includes('/shopcore/dist/shopcore.wasm'), requested.join(' '));
      await page.screenshot({ path: path.join(SCREENSHOTS, `demo-${viewportName}.png`) });
      await page.screenshot({ path: path.join(SCREENSHOTS, `demo-${viewportName}-full.png`), fullPage: true });
    });

    test('every market converts every sample exactly as `shopcore money convert` does', async () => {
      const expected = expectedConversions();
      const prices = await readPrices(page);
      assert.equal(prices.length, MARKETS.length * SAMPLES.length);
      for (const price of prices) {
        assert.equal(price.amountMinor, expected.get(`${price.market}/${price.sample}`), `${price.market} ${price.sample}`);
      }
    });

    test('formatted prices equal `shopcore format` and Intl.NumberFormat for every display', async () => {
      assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'ready', await page.textContent('#status'));
      for (const display of DISPLAYS) {
        await page.click(`#display-picker button[data-display="${display.id}"]`);
        assert.equal(await page.getAttribute(`#display-picker button[data-display="${display.id}"]`, 'aria-pressed'), 'true');
        const prices = await readPrices(page);
        for (const price of prices) {
          const label = `${price.locale} ${price.currency} ${display.id} ${price.amountMinor}`;
          assert.equal(price.display, display.id, label);
          assert.equal(price.isError, false, `${label}: ${price.text}`);
          const fromCli = cli(['format', '--amount-minor', price.amountMinor, '--currency', price.currency,
            '--locale', price.locale, '--display', display.id]);
          assert.equal(`${price.text}\n`, fromCli, label);
          const major = cli(['money', 'convert', '--amount-minor', price.amountMinor, '--from', price.currency,
            '--to', price.currency, '--rate', '1']);
          const intl = await intlInPage(page, price, JSON.parse(major).amount);
          assert.equal(price.intlShown, intl, label);
          // No market on this page is one where CLDR 48.2 and ICU differ
          // (tests/js/intl-oracle.test.mjs lists those), so all must agree.
          assert.equal(price.text, intl, `${label}: engine vs Intl`);
        }
        await page.screenshot({ path: path.join(SCREENSHOTS, `demo-${viewportName}-${display.id}.png`) });
      }
    });
  });
}
