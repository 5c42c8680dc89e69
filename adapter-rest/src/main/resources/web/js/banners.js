// Readable error banners: one per kind of trouble, replaced rather than stacked, dismissible.

import {$, h} from './dom.js';

const timers = new Map();

/**
 * Shows a banner. key identifies it (a second banner with the same key replaces the first);
 * action is an optional {label, run} button; countdown (seconds) rewrites "{s}" in the text each second.
 */
export function showBanner(key, text, {tone = 'error', action, countdown} = {}) {
  dismissBanner(key);
  const message = h('span', {class: 'banner-text'});
  const banner = h('div', {class: `banner ${tone}`, role: tone === 'error' ? 'alert' : 'status',
    dataset: {testid: 'banner', kind: key}}, message);
  if (action) {
    banner.append(h('button', {type: 'button', class: 'banner-action', dataset: {testid: 'banner-action'},
      onclick: () => { dismissBanner(key); action.run(); }}, action.label));
  }
  banner.append(h('button', {type: 'button', class: 'icon-button', 'aria-label': 'Dismiss',
    dataset: {testid: 'banner-dismiss'}, onclick: () => dismissBanner(key)}, '×'));
  $('banners').append(banner);

  if (countdown === undefined) {
    message.textContent = text;
    return;
  }
  let left = countdown;
  const tick = () => {
    message.textContent = text.replace('{s}', String(left));
    if (left-- <= 0) dismissBanner(key);
  };
  tick();
  timers.set(key, setInterval(tick, 1000));
}

export function dismissBanner(key) {
  clearInterval(timers.get(key));
  timers.delete(key);
  document.querySelectorAll(`#banners [data-kind="${CSS.escape(key)}"]`).forEach((banner) => banner.remove());
}

export function dismissAllBanners() {
  for (const key of [...timers.keys()]) dismissBanner(key);
  $('banners').replaceChildren();
}
