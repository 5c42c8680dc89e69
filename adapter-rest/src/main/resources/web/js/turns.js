// Agent turns in the browser: send over the WebSocket when it is live, else POST with an SSE
// reply read by fetch(); resume a dropped stream with Last-Event-ID; stop; and, without a socket,
// watch the open conversation so turns started elsewhere (another tab or device) appear live.

import {ApiError, api} from './api.js';

const WATCH_EVERY_MS = 2500;
const RESUME_BACKOFF_MS = [500, 1000, 2000, 4000, 8000];
const TERMINAL = new Set(['complete', 'cancelled', 'error']);
const TURN_EVENTS = new Set(['message_created', 'agent_thinking', 'chunk', 'tool_starting', 'tool_progress',
  'tool_complete', 'tool_error', 'complete', 'cancelled', 'error']);

export class Turns {
  /**
   * view: MessagesView; socket: Socket; openId(): the open conversation's id;
   * on: {busy(bool), toolDone(event), ended(conversationId), stale(conversationId), refused(text),
   * error(error), reconnecting(bool)}
   */
  constructor({view, socket, openId, on}) {
    this.view = view;
    this.socket = socket;
    this.openId = openId;
    this.on = on;
    this.lastSeq = new Map();
    this.running = null; // {conversationId, turnId, lastEventId}
    this.followed = new Set();
    this.abort = null;
    this.watchTimer = null;
  }

  static isTurnEvent(event) {
    return TURN_EVENTS.has(event.type) && typeof event.turn_id === 'string';
  }

  get busy() {
    return this.running !== null && this.running.conversationId === this.openId();
  }

  /** Sends a user message in a conversation and streams the reply into the view. */
  async send(conversationId, text) {
    const clientId = crypto.randomUUID();
    this.view.appendPending(text, clientId);
    this.start(conversationId);
    try {
      if (this.socket.live) {
        await this.socket.request({type: 'send_message', conversation_id: conversationId, content: text,
          client_message_id: clientId});
        return; // the events arrive on the socket
      }
      await this.stream((onEvent, signal) => api.streamTurn(conversationId, text, clientId, onEvent, signal));
    } catch (error) {
      await this.recover(error, () => {
        this.view.dropPending(clientId);
        this.on.refused(text);
      });
    }
  }

  /**
   * Regenerates or edits the latest exchange (request(onEvent, signal) asks the server for it) and
   * streams the new reply like a sent message's. When the server refuses, the history is shown again.
   */
  async rewrite(conversationId, request) {
    this.start(conversationId);
    try {
      await this.stream(request);
    } catch (error) {
      await this.recover(error, () => this.on.stale(conversationId));
    }
  }

  /** Reads a turn's SSE reply, resuming it when it ends before its last event. */
  async stream(request) {
    this.abort = new AbortController();
    await request((event) => this.handle(event), this.abort.signal);
    if (this.running) await this.resume();
  }

  /** Asks the server to stop the running turn of the open conversation; its `cancelled` event ends it. */
  async stop() {
    const running = this.running;
    if (!running) return;
    if (this.socket.send({type: 'cancel', conversation_id: running.conversationId})) return;
    try {
      await api.cancel(running.conversationId);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409)) this.on.error(error);
    }
  }

  /** Every turn event, from the socket or an SSE stream: each shown once, in order. */
  handle(event) {
    if (!Turns.isTurnEvent(event)) return;
    const seen = this.lastSeq.get(event.turn_id) ?? 0;
    if (event.seq <= seen) return;
    this.lastSeq.set(event.turn_id, event.seq);
    const terminal = TERMINAL.has(event.type);
    if (!terminal && !this.running) this.start(event.conversation_id);
    if (this.running && this.running.conversationId === event.conversation_id) {
      this.running.turnId = event.turn_id;
      this.running.lastEventId = `${event.turn_id}:${event.seq}`;
    }
    if (event.conversation_id === this.openId()) this.render(event);
    if (event.type === 'tool_complete') this.on.toolDone(event);
    if (terminal) this.end(event.conversation_id);
  }

  render(event) {
    const view = this.view;
    if (event.type === 'message_created') {
      if (event.message.role === 'user') view.confirmUserMessage(event.message);
      else view.appendMessage(event.message);
      return;
    }
    const stick = view.nearBottom();
    const reply = view.reply(event.turn_id);
    switch (event.type) {
      case 'agent_thinking': reply.think(event.message); break;
      case 'chunk': reply.chunk(event); break;
      case 'tool_starting': reply.toolStarting(event); break;
      case 'tool_progress': reply.toolProgress(event); break;
      case 'tool_complete': reply.toolComplete(event); break;
      case 'tool_error': reply.toolError(event); break;
      case 'metadata': reply.describe({role: 'assistant', status: 'complete', metadata: event.metadata}); break;
      case 'complete':
      case 'cancelled': reply.finish(event.message); break;
      case 'error': reply.fail(event.message || event.code); break;
      default: break;
    }
    view.follow(stick);
  }

  start(conversationId) {
    this.running = {conversationId, turnId: null, lastEventId: null};
    this.on.busy(this.busy);
  }

  end(conversationId) {
    if (this.running?.conversationId === conversationId) this.running = null;
    this.abort = null;
    this.on.busy(this.busy);
    this.on.ended(conversationId);
  }

  /** A failed request: resume a stream that had started, else undo() what the page showed early. */
  async recover(error, undo) {
    if (error.name === 'AbortError') return;
    if (this.running?.turnId && error instanceof ApiError && error.kind === 'network') {
      await this.resume();
      return;
    }
    this.running = null;
    this.on.busy(false);
    undo();
    this.on.error(error);
  }

  /** Follows the running turn after the last event seen, retrying with backoff while the network is down. */
  async resume() {
    for (let attempt = 0; this.running; attempt++) {
      const {conversationId, lastEventId} = this.running;
      try {
        this.on.reconnecting(true);
        const followed = await api.followTurn(conversationId, lastEventId, (event) => this.handle(event));
        this.on.reconnecting(false);
        if (!followed || this.running) {
          this.end(conversationId); // nothing left to replay: the history holds the outcome
          this.on.stale(conversationId);
        }
        return;
      } catch (error) {
        if (!(error instanceof ApiError && error.kind === 'network')) {
          this.on.reconnecting(false);
          this.end(conversationId);
          this.on.error(error);
          return;
        }
        await delay(RESUME_BACKOFF_MS[Math.min(attempt, RESUME_BACKOFF_MS.length - 1)]);
      }
    }
  }

  /**
   * A conversation was opened whose newest stored message is the user's: its reply is still being
   * written (here or on another instance), so follow that turn from its start.
   */
  async followLatest(conversationId, userMessageId) {
    if (this.running || this.followed.has(userMessageId)) return;
    this.followed.add(userMessageId);
    try {
      await api.followTurn(conversationId, null, (event) => this.handle(event));
    } catch (error) {
      if (error instanceof ApiError && error.kind !== 'network') this.on.error(error);
    } finally {
      if (this.running?.conversationId === conversationId) this.end(conversationId);
    }
  }

  /** Without a live socket, looks for new messages in the open conversation every few seconds. */
  startWatching() {
    this.stopWatching();
    const tick = async () => {
      try {
        await this.watchOnce();
      } finally {
        if (this.watchTimer !== null) this.watchTimer = setTimeout(tick, WATCH_EVERY_MS);
      }
    };
    this.watchTimer = setTimeout(tick, WATCH_EVERY_MS);
  }

  stopWatching() {
    clearTimeout(this.watchTimer);
    this.watchTimer = null;
  }

  async watchOnce() {
    const id = this.openId();
    if (!id || this.running || this.socket.live || document.hidden) return;
    let page;
    try {
      page = await api.messages(id, 20);
    } catch {
      return; // the connection indicator and the next user action report trouble
    }
    if (id !== this.openId() || this.running) return;
    const newest = this.view.newestId();
    const fresh = page.items.filter((message) => !this.view.has(message.id) && (!newest || message.id > newest));
    fresh.forEach((message) => this.view.appendMessage(message));
    const last = page.items.at(-1);
    if (last?.role === 'user') await this.followLatest(id, last.id);
    else if (fresh.length) this.on.ended(id);
  }
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
