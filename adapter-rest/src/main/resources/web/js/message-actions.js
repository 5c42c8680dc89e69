// The buttons under a stored message: copy, regenerate and thumbs up/down on a reply, edit on the
// user's message. Regenerate and edit are for the latest exchange only: the stylesheet hides
// `.latest-only` on any message that a user message follows.

import {copyButton} from './clipboard.js';
import {MAX_MESSAGE_CHARS} from './composer.js';
import {h} from './dom.js';
import {icon} from './icons.js';

const RATINGS = {up: 'Good reply', down: 'Bad reply'};

/**
 * The action bar for a stored message, or null while it is being written.
 * actions: {regenerate(message), edit(message, text), feedback(message, rating) → Promise<boolean>}
 */
export function actionBar(message, actions) {
  if (!message.id || message.status === 'streaming') return null;
  if (message.role !== 'assistant') {
    return h('span', {class: 'message-actions'}, iconButton('pencil', 'Edit message', 'edit',
      (event) => startEdit(event.currentTarget, message, actions), {latestOnly: true}));
  }
  const bar = h('span', {class: 'message-actions'},
    copyButton(() => message.content, 'Copy reply', 'message-copy'),
    iconButton('regenerate', 'Regenerate reply', 'regenerate', () => actions.regenerate(message), {latestOnly: true}));
  for (const [rating, label] of Object.entries(RATINGS)) {
    const button = iconButton(rating, label, `feedback-${rating}`, async () => {
      if (!await actions.feedback(message, rating)) return;
      message.feedback = {rating};
      showRating(bar, rating);
    });
    button.dataset.rating = rating;
    bar.append(button);
  }
  showRating(bar, message.feedback?.rating);
  return bar;
}

function iconButton(name, label, testid, onclick, {latestOnly = false} = {}) {
  return h('button', {type: 'button', class: `icon-button${latestOnly ? ' latest-only' : ''}`, 'aria-label': label,
    title: label, dataset: {testid}, onclick}, icon(name));
}

function showRating(bar, rating) {
  bar.querySelectorAll('[data-rating]').forEach((button) =>
    button.setAttribute('aria-pressed', String(button.dataset.rating === rating)));
}

/** Swaps the message's text for a text box: Save (or Enter) sends the new text, Cancel (or Escape) puts it back. */
function startEdit(button, message, actions) {
  const content = button.closest('.message').querySelector('.message-content');
  const input = h('textarea', {class: 'edit-input', rows: 3, maxlength: MAX_MESSAGE_CHARS,
    'aria-label': 'Your message', dataset: {testid: 'edit-input'}});
  input.value = message.content;
  const cancel = () => form.replaceWith(content);
  const form = h('form', {class: 'edit-form', dataset: {testid: 'edit-form'}}, input,
    h('div', {class: 'edit-actions'},
      h('button', {type: 'button', dataset: {testid: 'edit-cancel'}, onclick: cancel}, 'Cancel'),
      h('button', {type: 'submit', class: 'primary', dataset: {testid: 'edit-save'}}, 'Save')));
  const save = () => {
    const text = input.value.trim();
    if (!text || text === message.content) cancel();
    else actions.edit(message, text);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  });
  content.replaceWith(form);
  input.focus();
}
