// The WebSocket link (SPEC §7), used when the server offers /ws/chat. It is "live" only after the
// server's connection_established frame. A server without the endpoint is probed again now and
// then, so the page switches to the socket when it appears; until then the page uses REST + SSE.

import {ApiError} from './api.js';

const PROBE_EVERY_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;

/** state: 'off' (no socket offered) | 'connecting' | 'live' | 'reconnecting'. */
export class Socket {
  constructor({onEvent, onState, onExpired}) {
    this.onEvent = onEvent;
    this.onState = onState;
    this.onExpired = onExpired;
    this.state = 'connecting';
    this.ws = null;
    this.token = null;
    this.subscribed = null;
    this.backoff = 1000;
    this.timer = null;
    this.requests = new Map();
    this.nextRequest = 1;
  }

  get live() {
    return this.state === 'live';
  }

  start(token) {
    this.token = token;
    this.open();
  }

  stop() {
    this.token = null;
    clearTimeout(this.timer);
    if (this.ws) this.ws.close(1000);
    this.ws = null;
    this.failPending();
  }

  /** Follows one conversation's events (and only that one, besides the user's notifications). */
  follow(conversationId) {
    if (this.subscribed && this.subscribed !== conversationId) {
      this.send({type: 'unsubscribe', conversation_id: this.subscribed});
    }
    this.subscribed = conversationId;
    if (conversationId) this.send({type: 'subscribe', conversation_id: conversationId});
  }

  /** Sends a frame that expects an ack; resolves with the ack, rejects with an ApiError. */
  request(frame) {
    const requestId = `r${this.nextRequest++}`;
    return new Promise((resolve, reject) => {
      this.requests.set(requestId, {resolve, reject});
      if (!this.send({...frame, request_id: requestId})) {
        this.requests.delete(requestId);
        reject(new ApiError({kind: 'network', title: 'Offline', detail: 'The live connection is down.'}));
      }
    });
  }

  send(frame) {
    if (!this.live) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  open() {
    if (!this.token) return;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/ws/chat?token=${encodeURIComponent(this.token)}`);
    this.ws = ws;
    let established = false;
    ws.addEventListener('message', (message) => {
      let frame;
      try {
        frame = JSON.parse(message.data);
      } catch {
        return;
      }
      if (frame.type === 'connection_established') {
        established = true;
        this.backoff = 1000;
        this.setState('live');
        if (this.subscribed) this.send({type: 'subscribe', conversation_id: this.subscribed});
        return;
      }
      this.route(frame);
    });
    ws.addEventListener('close', (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.failPending();
      if (!this.token) return;
      if (event.code === 1008) {
        this.setState('off');
        this.onExpired();
        return;
      }
      if (!established && this.state !== 'live' && this.state !== 'reconnecting') {
        this.setState('off');
        this.timer = setTimeout(() => this.open(), PROBE_EVERY_MS);
        return;
      }
      this.setState('reconnecting');
      this.timer = setTimeout(() => this.open(), this.backoff);
      this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    });
  }

  route(frame) {
    const pending = frame.request_id ? this.requests.get(frame.request_id) : undefined;
    if (pending && (frame.type === 'ack' || frame.type === 'error')) {
      this.requests.delete(frame.request_id);
      if (frame.type === 'ack') pending.resolve(frame);
      else pending.reject(errorOf(frame));
      return;
    }
    if (frame.type === 'pong' || frame.type === 'ack') return;
    this.onEvent(frame);
  }

  failPending() {
    const error = new ApiError({kind: 'network', title: 'Connection lost', detail: 'The live connection dropped.'});
    for (const pending of this.requests.values()) pending.reject(error);
    this.requests.clear();
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.onState(state);
  }
}

function errorOf(frame) {
  const code = String(frame.code ?? '');
  const kind = code === 'rate_limited' ? 'rate_limited' : code === 'unauthorized' ? 'unauthorized' : 'http';
  const retryAfter = Number.parseInt(frame.retry_after ?? '', 10);
  return new ApiError({kind, title: code || 'Error', detail: String(frame.message ?? ''), code,
    retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined});
}
