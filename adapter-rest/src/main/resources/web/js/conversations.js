// The conversation list: newest activity first, paged with "Load more"; new, rename inline,
// delete after a confirmation.

import {api} from './api.js';
import {$, h, shortTime} from './dom.js';
import {icon} from './icons.js';

const PAGE = 20;
export const UNTITLED = 'New conversation';

export class ConversationList {
  /** onOpen(conversation), onDeleted(id), onError(error) */
  constructor({onOpen, onDeleted, onError}) {
    this.onOpen = onOpen;
    this.onDeleted = onDeleted;
    this.onError = onError;
    this.list = $('conversation-list');
    this.more = $('load-more-conversations');
    this.loaded = 0;
    this.total = 0;
    this.selected = null;
    this.more.addEventListener('click', () => this.loadMore());
  }

  async reload() {
    const page = await api.conversations(0, PAGE);
    this.list.replaceChildren();
    this.loaded = 0;
    this.addPage(page);
  }

  async loadMore() {
    try {
      this.addPage(await api.conversations(this.loaded, PAGE));
    } catch (error) {
      this.onError(error);
    }
  }

  addPage(page) {
    for (const conversation of page.items) {
      if (!this.item(conversation.id)) this.list.append(this.itemFor(conversation));
    }
    this.loaded += page.items.length;
    this.total = page.total;
    this.refreshChrome();
  }

  /** The newest conversation shown, if any. */
  first() {
    return this.list.firstElementChild?.conversation ?? null;
  }

  find(id) {
    return this.item(id)?.conversation ?? null;
  }

  /** Shows a new or changed conversation; activity moves it to the top. */
  upsert(conversation, {toTop = true} = {}) {
    const existing = this.item(conversation.id);
    const fresh = this.itemFor(conversation);
    if (existing) {
      existing.replaceWith(fresh);
    } else {
      this.loaded++;
      this.total++;
    }
    if (toTop || !existing) this.list.prepend(fresh);
    this.refreshChrome();
  }

  remove(id) {
    const item = this.item(id);
    if (!item) return;
    item.remove();
    this.loaded--;
    this.total--;
    this.refreshChrome();
  }

  select(id) {
    this.selected = id;
    for (const item of this.list.children) {
      if (item.dataset.id === id) item.setAttribute('aria-current', 'true');
      else item.removeAttribute('aria-current');
    }
  }

  item(id) {
    return this.list.querySelector(`[data-id="${CSS.escape(id)}"]`);
  }

  refreshChrome() {
    this.more.hidden = this.loaded >= this.total;
    $('conversations-empty').hidden = this.list.childElementCount > 0;
  }

  itemFor(conversation) {
    const title = conversation.title || UNTITLED;
    const open = h('button', {type: 'button', class: 'conversation-open', dataset: {testid: 'conversation-open'},
      onclick: () => this.onOpen(conversation)},
    h('span', {class: 'conversation-title', dataset: {testid: 'conversation-title'}}, title),
    h('time', {class: 'conversation-time', datetime: conversation.updated_at}, shortTime(conversation.updated_at)));
    const rename = h('button', {type: 'button', class: 'icon-button', 'aria-label': `Rename “${title}”`,
      title: 'Rename', dataset: {testid: 'conversation-rename'}, onclick: () => this.startRename(item)}, icon('pencil'));
    const remove = h('button', {type: 'button', class: 'icon-button', 'aria-label': `Delete “${title}”`,
      title: 'Delete', dataset: {testid: 'conversation-delete'}, onclick: () => this.confirmDelete(conversation)}, icon('trash'));
    const item = h('li', {class: 'conversation', dataset: {testid: 'conversation', id: conversation.id}},
      open, h('span', {class: 'conversation-actions'}, rename, remove));
    item.conversation = conversation;
    if (conversation.id === this.selected) item.setAttribute('aria-current', 'true');
    return item;
  }

  /** Swaps the title for a text box: Enter or leaving it saves, Escape cancels. */
  startRename(item) {
    const conversation = item.conversation;
    const input = h('input', {class: 'rename-input', value: conversation.title, maxlength: 500,
      'aria-label': 'Conversation title', dataset: {testid: 'conversation-rename-input'}});
    const open = item.querySelector('.conversation-open');
    open.replaceWith(input);
    input.focus();
    input.select();
    let done = false;
    const finish = async (save) => {
      if (done) return;
      done = true;
      const title = input.value.trim();
      if (!save || title === conversation.title) {
        input.replaceWith(open);
        open.focus();
        return;
      }
      try {
        const renamed = await api.rename(conversation.id, title);
        this.upsert(renamed, {toTop: false});
        this.item(renamed.id)?.querySelector('.conversation-open')?.focus();
        if (renamed.id === this.selected) this.onOpen(renamed, {renamed: true});
      } catch (error) {
        input.replaceWith(open);
        this.onError(error);
      }
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        finish(true);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        finish(false);
      }
    });
    input.addEventListener('blur', () => finish(true));
  }

  async confirmDelete(conversation) {
    const title = conversation.title || UNTITLED;
    if (!await confirmDialog(`“${title}” and all its messages will be deleted.`)) return;
    try {
      await api.deleteConversation(conversation.id);
      this.remove(conversation.id);
      this.onDeleted(conversation.id);
    } catch (error) {
      this.onError(error);
    }
  }
}

/** A modal yes/no question on the page's <dialog>; resolves true when confirmed. */
function confirmDialog(text) {
  const dialog = $('confirm-dialog');
  $('confirm-text').textContent = text;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), {once: true});
  });
}
