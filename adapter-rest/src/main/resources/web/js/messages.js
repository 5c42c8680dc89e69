// The open conversation's messages: stored history (paged upward) and replies as they stream,
// with their tool chips (spinner → ✓ / ✗ and the tool's message) and their action buttons.

import {$, append, h, shortTime} from './dom.js';
import {renderMarkdown} from './markdown.js';
import {actionBar} from './message-actions.js';

const STATUS_LABELS = {interrupted: 'Stopped', failed: 'Failed', streaming: 'Writing…'};
const NEAR_BOTTOM_PX = 120;

/** Renders messages into #message-items; one live reply per running turn. */
export class MessagesView {
  /** actions: what the message buttons do (see actionBar). */
  constructor(actions) {
    this.actions = actions;
    this.items = $('message-items');
    this.scroller = $('messages');
    this.replies = new Map();
  }

  clear() {
    this.items.replaceChildren();
    this.replies.clear();
    this.updateEmpty();
  }

  /** The id of the oldest message shown (for `before`), or null. */
  oldestId() {
    return this.items.querySelector('[data-id]')?.dataset.id ?? null;
  }

  /** The id of the newest stored message shown, or null. */
  newestId() {
    const stored = this.items.querySelectorAll('[data-id]');
    return stored.length ? stored[stored.length - 1].dataset.id : null;
  }

  has(id) {
    return this.items.querySelector(`[data-id="${CSS.escape(id)}"]`) !== null;
  }

  showPage(messages) {
    this.clear();
    messages.forEach((message) => this.items.append(this.element(message)));
    this.updateEmpty();
    this.scrollToBottom();
  }

  /** Puts an older page above what is shown, keeping the reader's place. */
  prependPage(messages) {
    const before = this.scroller.scrollHeight;
    const fresh = messages.filter((message) => !this.has(message.id));
    this.items.prepend(...fresh.map((message) => this.element(message)));
    this.scroller.scrollTop += this.scroller.scrollHeight - before;
    this.updateEmpty();
  }

  /** Adds a stored message at the end unless it is already shown. */
  appendMessage(message) {
    if (this.has(message.id)) return;
    const stick = this.nearBottom();
    this.items.append(this.element(message));
    this.updateEmpty();
    if (stick) this.scrollToBottom();
  }

  element(message) {
    return messageElement(message, this.actions);
  }

  /** Shows the user's message at once, before the server confirms it. */
  appendPending(text, clientId) {
    const element = this.element({role: 'user', content: text, status: 'complete', created_at: new Date().toISOString()});
    delete element.dataset.id;
    element.dataset.pending = clientId;
    element.classList.add('pending');
    this.items.append(element);
    this.updateEmpty();
    this.scrollToBottom();
  }

  /** The server stored a user message: a pending bubble with its text becomes the stored one. */
  confirmUserMessage(message) {
    const pendings = [...this.items.querySelectorAll('[data-pending]')];
    const pending = pendings.find((element) => element.querySelector('.message-content').textContent === message.content)
      ?? (pendings.length === 1 ? pendings[0] : undefined);
    if (pending && !this.has(message.id)) {
      pending.replaceWith(this.element(message));
    } else {
      pending?.remove();
      this.appendMessage(message);
    }
  }

  /**
   * Before the latest exchange is rewritten: a regenerated reply (text null) leaves, and so does
   * an edited user message with its replies, the new text showing as pending under clientId.
   */
  supersede(message, text, clientId) {
    const shown = this.items.querySelector(`[data-id="${CSS.escape(message.id)}"]`);
    const first = message.role === 'user' ? shown : shown?.previousElementSibling;
    while (first?.nextElementSibling) first.nextElementSibling.remove();
    if (text !== null) {
      first?.remove();
      this.appendPending(text, clientId);
    }
  }

  /** Scrolls to a shown message and marks it as the one looked for (a search result). */
  highlight(id) {
    this.items.querySelectorAll('[data-found]').forEach((element) => delete element.dataset.found);
    const element = this.items.querySelector(`[data-id="${CSS.escape(id)}"]`);
    if (!element) return false;
    element.dataset.found = 'true';
    element.setAttribute('tabindex', '-1');
    element.scrollIntoView({block: 'center'});
    element.focus({preventScroll: true});
    return true;
  }

  dropPending(clientId) {
    this.items.querySelector(`[data-pending="${CSS.escape(clientId)}"]`)?.remove();
    this.updateEmpty();
  }

  /** The live reply of a turn, created on first use. */
  reply(turnId) {
    let reply = this.replies.get(turnId);
    if (!reply) {
      reply = new LiveReply(turnId, this.actions);
      this.replies.set(turnId, reply);
      const stick = this.nearBottom();
      this.items.append(reply.element);
      this.updateEmpty();
      if (stick) this.scrollToBottom();
    }
    return reply;
  }

  /** Called after a live reply changed: keeps the newest text in view when the reader is at the end. */
  follow(wasNearBottom) {
    if (wasNearBottom) this.scrollToBottom();
  }

  nearBottom() {
    const s = this.scroller;
    return s.scrollHeight - s.scrollTop - s.clientHeight < NEAR_BOTTOM_PX;
  }

  scrollToBottom() {
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  updateEmpty() {
    $('messages-empty').hidden = this.items.childElementCount > 0;
  }
}

/** An assistant reply while it streams: text deltas, thinking note, tool chips, final state. */
class LiveReply {
  constructor(turnId, actions) {
    this.actions = actions;
    this.text = '';
    this.ended = false;
    this.renderPending = false;
    this.content = h('div', {class: 'message-content markdown', dataset: {testid: 'message-content'}});
    this.thinking = h('div', {class: 'thinking', dataset: {testid: 'thinking'}},
      h('span', {class: 'spinner', 'aria-hidden': 'true'}), h('span', {}, 'Thinking…'));
    this.chips = h('ul', {class: 'tool-chips', 'aria-label': 'Tool activity'});
    this.meta = h('div', {class: 'meta'}, h('span', {class: 'status-label'}, 'Writing…'));
    this.bubble = h('div', {class: 'bubble'}, this.thinking, this.content, this.chips);
    this.element = h('article', {class: 'message assistant live', 'aria-busy': 'true',
      dataset: {testid: 'message', role: 'assistant', status: 'streaming', turn: turnId}},
    this.bubble, this.meta);
  }

  /** The reply's structured metadata (the metadata event, or the stored message): a card under the text. */
  describe(message) {
    this.bubble.querySelector('.reply-metadata')?.remove();
    const card = metadataCard(message);
    if (card) this.bubble.append(card);
  }

  think(text) {
    if (text) this.thinking.lastChild.textContent = text;
  }

  chunk(event) {
    if (event.message_id) this.element.dataset.messageId = event.message_id;
    this.thinking.hidden = true;
    this.text += event.content ?? '';
    if (!this.renderPending) {
      this.renderPending = true;
      requestAnimationFrame(() => {
        this.renderPending = false;
        this.content.replaceChildren(renderMarkdown(this.text));
      });
    }
  }

  toolStarting(event) {
    const chip = this.chip(event.call_id, event.tool);
    setChip(chip, 'running', event.message || `Running ${humanTool(event.tool)}…`);
  }

  toolProgress(event) {
    setChip(this.chip(event.call_id, event.tool), 'running', event.message || `Running ${humanTool(event.tool)}…`);
  }

  toolComplete(event) {
    setChip(this.chip(event.call_id, event.tool), 'ok', event.message || `${humanTool(event.tool)} done`);
  }

  toolError(event) {
    setChip(this.chip(event.call_id, event.tool), 'error', event.error || `${humanTool(event.tool)} failed`);
  }

  chip(callId, tool) {
    let chip = this.chips.querySelector(`[data-call-id="${CSS.escape(String(callId))}"]`);
    if (!chip) {
      chip = toolChip(callId, tool);
      this.chips.append(chip);
    }
    return chip;
  }

  /** The turn ended with its stored message (complete or interrupted). */
  finish(message) {
    this.ended = true;
    this.thinking.hidden = true;
    const element = this.element;
    element.classList.remove('live');
    element.removeAttribute('aria-busy');
    element.dataset.id = message.id;
    element.dataset.status = message.status;
    this.text = message.content ?? this.text;
    this.content.replaceChildren(renderMarkdown(this.text));
    if (this.chips.childElementCount === 0) {
      (message.tool_calls ?? []).forEach((call) => this.chips.append(storedChip(call)));
    }
    this.chips.querySelectorAll('[data-state="running"]').forEach((chip) => setChip(chip, 'error', 'Stopped'));
    this.describe(message);
    this.meta.replaceChildren();
    append(this.meta, [metaOf(message), actionBar(message, this.actions)]);
  }

  /** The turn failed: what was written stays, marked failed. */
  fail(text) {
    this.ended = true;
    this.thinking.hidden = true;
    this.element.classList.remove('live');
    this.element.removeAttribute('aria-busy');
    this.element.dataset.status = 'failed';
    this.chips.querySelectorAll('[data-state="running"]').forEach((chip) => setChip(chip, 'error', 'Failed'));
    this.meta.replaceChildren(h('span', {class: 'status-label failed'}, `Failed: ${text}`));
  }
}

function messageElement(message, actions) {
  const assistant = message.role === 'assistant';
  const content = assistant
    ? h('div', {class: 'message-content markdown', dataset: {testid: 'message-content'}}, renderMarkdown(message.content))
    : h('div', {class: 'message-content plain', dataset: {testid: 'message-content'}}, message.content);
  const chips = (message.tool_calls ?? []).map(storedChip);
  return h('article', {class: `message ${assistant ? 'assistant' : 'user'}`,
    dataset: {testid: 'message', role: message.role, status: message.status, id: message.id}},
  h('div', {class: 'bubble'}, content, chips.length ? h('ul', {class: 'tool-chips', 'aria-label': 'Tools used'}, chips) : null,
    metadataCard(message)),
  h('div', {class: 'meta'}, metaOf(message), actionBar(message, actions)));
}

/** A completed reply's structured metadata (SPEC §15) as name/value pairs; null when it has none. */
function metadataCard(message) {
  const metadata = message.metadata ?? {};
  if (message.role !== 'assistant' || message.status !== 'complete' || Object.keys(metadata).length === 0) return null;
  return h('dl', {class: 'reply-metadata', dataset: {testid: 'reply-metadata'}, 'aria-label': 'About this request'},
    ...Object.entries(metadata).flatMap(([name, value]) => [
      h('dt', {}, name.replace(/_+/g, ' ')), h('dd', {dataset: {name}}, shownValue(value))]));
}

function shownValue(value) {
  if (Array.isArray(value)) return value.map(shownValue).join('; ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function metaOf(message) {
  const parts = [h('time', {datetime: message.created_at}, shortTime(message.created_at))];
  const label = STATUS_LABELS[message.status];
  if (label) parts.push(h('span', {class: `status-label ${message.status}`}, label));
  return parts;
}

function toolChip(callId, tool) {
  return h('li', {class: 'tool-chip', dataset: {testid: 'tool-chip', callId: String(callId), tool, state: 'running'}},
    h('span', {class: 'tool-icon', 'aria-hidden': 'true'}), h('span', {class: 'tool-text'}));
}

function storedChip(call) {
  const chip = toolChip(call.id, call.tool);
  const ok = call.status === 'ok';
  setChip(chip, ok ? 'ok' : 'error', ok ? humanTool(call.tool) : `${humanTool(call.tool)} failed`);
  return chip;
}

function setChip(chip, state, text) {
  chip.dataset.state = state;
  const icon = chip.querySelector('.tool-icon');
  icon.replaceChildren(state === 'running' ? h('span', {class: 'spinner'}) : state === 'ok' ? '✓' : '✗');
  chip.querySelector('.tool-text').textContent = text;
  chip.setAttribute('aria-label', `${state === 'running' ? 'Running' : state === 'ok' ? 'Done' : 'Failed'}: ${text}`);
}

/** "add_task" → "add task"; an MCP server prefix stays readable ("github__search" → "github search"). */
function humanTool(tool) {
  return String(tool ?? 'tool').replace(/_+/g, ' ').trim();
}
