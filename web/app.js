// The demo page: loads the shopcore ES module in the browser, converts the
// sample prices into each market's currency and shows them the way that
// market writes them, formatted by the engine from CLDR locale packs.
// Intl.NumberFormat, the browser's own formatter, is shown beside each price
// as an independent check.
import { createShopCore, supportsSimd } from '/shopcore/src/index.js';
import { h } from './dom.js';
import { BASE_CURRENCY, DISPLAYS, MARKETS, SAMPLES } from './markets.js';

const state = { core: null, display: 'symbol', prices: [] };

function setStatus(kind, text) {
  document.documentElement.dataset.state = kind;
  const status = document.getElementById('status');
  status.textContent = text;
  status.hidden = kind === 'ready';
}

// A pack is generated per CLDR locale; "de-DE" has none of its own and is
// served by "de", as the engine's registry resolves it.
async function fetchLocalePack(tag) {
  const parts = tag.split('-');
  for (let n = parts.length; n > 0; n -= 1) {
    const response = await fetch(`/locale/${parts.slice(0, n).join('-')}.json`);
    if (response.ok) return new Uint8Array(await response.arrayBuffer());
  }
  throw new Error(`no locale pack for ${tag}`);
}

function describe(error) {
  return error && error.code ? `${error.code}: ${error.message}` : String(error && error.message ? error.message : error);
}

function intlFormat(market, amount, display) {
  const currencyDisplay = DISPLAYS.find((d) => d.id === display).intl;
  // A decimal string is formatted exactly (Intl.NumberFormat v3); no double in between.
  return new Intl.NumberFormat(market.locale, { style: 'currency', currency: market.currency, currencyDisplay }).format(amount);
}

function renderPrice(price) {
  const { core, display } = state;
  const { market, conversion, valueElement, checkElement } = price;
  let text = '';
  try {
    text = core.formatMoney(conversion.amountMinor, market.currency, market.locale, { display });
    valueElement.textContent = text;
    valueElement.classList.remove('price__value--error');
  } catch (error) {
    valueElement.textContent = error.code ?? 'ERROR';
    valueElement.title = describe(error);
    valueElement.classList.add('price__value--error');
  }
  valueElement.dataset.display = display;
  const intl = intlFormat(market, conversion.amount, display);
  checkElement.dataset.intl = intl;
  if (text === intl) {
    checkElement.textContent = '✓ same as Intl';
    checkElement.className = 'price__check price__check--same';
  } else {
    checkElement.textContent = `Intl: ${intl}`;
    checkElement.className = 'price__check price__check--differs';
  }
}

// The catalog's base price, as the base market writes it; plain digits if
// that market's pack did not load.
function basePrice(amountMinor) {
  const base = MARKETS.find((market) => market.currency === BASE_CURRENCY);
  try {
    return state.core.formatMoney(amountMinor, BASE_CURRENCY, base.locale, { display: 'code' });
  } catch {
    return `${state.core.toMajor(amountMinor, BASE_CURRENCY)} ${BASE_CURRENCY}`;
  }
}

function marketCard(market, packError) {
  const rows = SAMPLES.map((sample) => {
    const conversion = state.core.convert(sample.amountMinor, BASE_CURRENCY, market.currency, market.rate, 'half-even');
    const valueElement = h('output', {
      class: 'price__value',
      lang: market.locale,
      dir: 'auto',
      dataset: { amountMinor: String(conversion.amountMinor), currency: market.currency, locale: market.locale },
    });
    const checkElement = h('span', { class: 'price__check', lang: market.locale, dir: 'auto' });
    state.prices.push({ market, conversion, valueElement, checkElement });
    return h('li', { class: 'price', dataset: { sample: sample.id } },
      h('span', { class: 'price__label' }, sample.label,
        h('span', { class: 'price__base' }, basePrice(sample.amountMinor))),
      valueElement,
      checkElement);
  });
  const rate = market.currency === BASE_CURRENCY ? 'base currency' : `1 ${BASE_CURRENCY} = ${market.rate} ${market.currency}`;
  return h('article', { class: 'market', dataset: { market: market.id } },
    h('header', { class: 'market__header' },
      h('span', { class: 'market__badge', 'aria-hidden': 'true' }, market.id),
      h('div', { class: 'market__title' },
        h('h2', {}, market.name),
        h('p', { class: 'market__meta' }, `${market.locale} · ${market.currency} · ${rate}`))),
    packError ? h('p', { class: 'market__error' }, packError) : null,
    h('ul', { class: 'market__prices' }, rows));
}

function renderDisplayPicker() {
  const picker = document.getElementById('display-picker');
  for (const display of DISPLAYS) {
    picker.append(h('button', {
      type: 'button',
      class: 'segmented__option',
      dataset: { display: display.id },
      'aria-pressed': String(display.id === state.display),
      onclick: () => {
        state.display = display.id;
        for (const button of picker.querySelectorAll('button')) {
          button.setAttribute('aria-pressed', String(button.dataset.display === display.id));
        }
        state.prices.forEach(renderPrice);
      },
    }, display.label));
  }
}

async function main() {
  setStatus('loading', 'Loading the engine…');
  state.core = await createShopCore();
  const versions = state.core.version();

  // Packs load in parallel; one missing pack only marks its own market.
  const packErrors = new Map();
  const packs = await Promise.allSettled(MARKETS.map((market) => fetchLocalePack(market.locale)));
  packs.forEach((result, index) => {
    const market = MARKETS[index];
    try {
      if (result.status === 'rejected') throw result.reason;
      state.core.loadLocalePack(result.value);
    } catch (error) {
      packErrors.set(market.id, `Locale pack ${market.locale} not loaded: ${describe(error)}`);
    }
  });

  const grid = document.getElementById('markets');
  grid.replaceChildren(...MARKETS.map((market) => marketCard(market, packErrors.get(market.id))));
  renderDisplayPicker();
  state.prices.forEach(renderPrice);

  document.getElementById('versions').textContent =
    `shopcore ${versions.shopcore} · ${supportsSimd() ? 'SIMD' : 'baseline'} build · ${versions.currencyData} · ${MARKETS.length} markets`;
  if (packErrors.size > 0) {
    setStatus('degraded', `${packErrors.size} of ${MARKETS.length} locale packs did not load; those prices show the error code.`);
  } else {
    setStatus('ready', '');
  }
}

main().catch((error) => {
  setStatus('error', `The engine did not start: ${describe(error)}`);
});
