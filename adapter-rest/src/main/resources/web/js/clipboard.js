// Copy buttons: the text goes to the clipboard and the button says whether that worked.

import {h} from './dom.js';

const SHOWN_MS = 1500;

/** A button that copies text() when pressed; label names what it copies (for assistive technology). */
export function copyButton(text, label, testid) {
  const button = h('button', {type: 'button', class: 'copy-button', 'aria-label': label, title: label,
    dataset: {testid}}, 'Copy');
  button.addEventListener('click', async () => {
    let copied = true;
    try {
      await navigator.clipboard.writeText(text());
    } catch {
      copied = false; // no permission, or the page lost focus
    }
    button.textContent = copied ? 'Copied' : 'Copy failed';
    button.dataset.copied = String(copied);
    setTimeout(() => {
      button.textContent = 'Copy';
      delete button.dataset.copied;
    }, SHOWN_MS);
  });
  return button;
}
