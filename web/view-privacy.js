// What this device knows about the shopper, from the engine's own export:
// the events it keeps for ranking, consent to upload, and the two rights
// that matter: take it (export) and forget it (erase).
import { fill, h } from './dom.js';
import { call, describe, errorNotice, forgetDevice, itemTitle, locale, saveProfile, shop, t } from './shop.js';

const EVENT_NAMES = { view: 'Viewed', click: 'Opened', add_to_cart: 'Added to cart', remove_from_cart: 'Removed', purchase: 'Bought',
  share: 'Shared', like: 'Liked', dwell: 'Looked at', search: 'Searched', hide: 'Hid' };

function eventRows(exported) {
  const events = Array.isArray(exported.events) ? exported.events : [];
  return events.slice(-30).reverse().map((event) => h('li', { class: 'event' },
    h('span', { class: 'event__what' }, event.item ? itemTitle(event.item) : (event.query ?? event.creator ?? '')),
    h('span', { class: `event__type event__type--${event.type}` }, EVENT_NAMES[event.type] ?? event.type),
    h('time', { class: 'muted small', datetime: event.time ?? '' },
      Number.isSafeInteger(event.time_ms) ? new Date(event.time_ms).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : '')));
}

export function renderPrivacy(root) {
  let exported;
  try {
    exported = call('exportProfile');
  } catch (error) {
    fill(root, errorNotice(error));
    return;
  }
  const events = Array.isArray(exported.events) ? exported.events : [];
  const consent = Boolean(exported.consent?.upload ?? exported.consent);
  const text = JSON.stringify(exported, null, 2);
  const uploadNote = h('p', { class: 'muted small', id: 'upload-note' });
  const showUpload = () => {
    try {
      const batch = call('uploadBatch', 50);
      uploadNote.textContent = `With consent, the next upload would carry ${batch.events.length} event${batch.events.length === 1 ? '' : 's'} (through #${batch.through_seq}).`;
    } catch (error) {
      uploadNote.textContent = error.code === 'CONSENT_REQUIRED' ? 'Nothing is uploaded: you have not consented.' : describe(error);
    }
  };
  showUpload();
  fill(root, 
    h('h1', { class: 'page-title' }, t('privacy')),
    h('section', { class: 'panel', id: 'knows' },
      h('h2', { class: 'panel__title' }, 'What this device knows about you',
        h('span', { class: 'panel__aside', id: 'event-count', dataset: { count: String(events.length) } }, `${events.length} events`)),
      h('p', { class: 'muted' }, 'The engine keeps your taps on this device to rank the feed. They never leave it unless you consent.'),
      events.length ? h('ul', { class: 'events', id: 'events' }, eventRows(exported)) : h('p', { class: 'empty-note', id: 'events-empty' }, 'Nothing. The feed starts from what is popular in your market.')),
    h('section', { class: 'panel', id: 'consent' },
      h('label', { class: 'switch' },
        h('input', { type: 'checkbox', id: 'consent-switch', checked: consent, onchange: (e) => {
          try { call('setConsent', e.target.checked); saveProfile(); } catch (error) { uploadNote.textContent = describe(error); }
          shop.rerender();
        } }),
        h('span', { class: 'switch__track', 'aria-hidden': 'true' }),
        h('span', {}, 'Share my activity to improve recommendations')),
      uploadNote),
    h('section', { class: 'panel', id: 'export' },
      h('h2', { class: 'panel__title' }, 'Export'),
      h('div', { class: 'actions' },
        h('a', { class: 'button button--ghost', id: 'export-download', download: 'shopcore-profile.json',
          href: URL.createObjectURL(new Blob([text], { type: 'application/json' })) }, 'Download JSON'),
        h('button', { type: 'button', class: 'button button--danger', id: 'erase', onclick: () => {
          try {
            call('eraseProfile');
            forgetDevice();
            saveProfile();
          } catch (error) {
            uploadNote.textContent = describe(error);
          }
          shop.updateBadge();
          shop.rerender();
        } }, 'Erase everything')),
      h('details', { class: 'export' }, h('summary', {}, 'Show the export'), h('pre', { class: 'json', id: 'export-json' }, text))));
}
