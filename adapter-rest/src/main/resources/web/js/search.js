// Search of the user's messages and conversation titles (GET /api/v1/chat/search), as they type.
// Each result is a link to its conversation and message (#c=…&m=…), which the page opens.

import {api} from './api.js';
import {$, h, shortTime} from './dom.js';

const LIMIT = 20;
const TYPING_PAUSE_MS = 300;
const ROLES = {user: 'You', assistant: 'Assistant', title: 'Title'};

export class SearchBox {
  constructor({onError}) {
    this.onError = onError;
    this.input = $('search-input');
    this.results = $('search-results');
    this.timer = null;
    $('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.run();
    });
    this.input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.run(), TYPING_PAUSE_MS);
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.clear();
    });
  }

  clear() {
    clearTimeout(this.timer);
    this.input.value = '';
    this.results.replaceChildren();
    this.results.hidden = true;
  }

  async run() {
    const q = this.input.value.trim();
    if (!q) {
      this.clear();
      return;
    }
    try {
      const answer = await api.search(q, LIMIT);
      if (q === this.input.value.trim()) this.show(answer.items);
    } catch (error) {
      this.onError(error);
    }
  }

  show(hits) {
    this.results.hidden = false;
    this.results.replaceChildren(...(hits.length
      ? hits.map(resultItem)
      : [h('li', {class: 'muted empty', dataset: {testid: 'search-empty'}}, 'No matches.')]));
  }
}

function resultItem(hit) {
  const target = new URLSearchParams({c: hit.conversation_id});
  if (hit.message_id) target.set('m', hit.message_id);
  return h('li', {}, h('a', {class: 'search-hit', href: `#${target}`, dataset: {testid: 'search-hit'}},
    h('span', {class: 'search-meta'}, ROLES[hit.role] ?? hit.role, ' · ',
      h('time', {datetime: hit.created_at}, shortTime(hit.created_at))),
    h('span', {class: 'search-snippet'}, hit.snippet)));
}
