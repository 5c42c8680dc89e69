// The REST + SSE client: the bearer token, problem+json errors, and SSE read with fetch() (an
// EventSource cannot send the Authorization header).

const TOKEN_KEY = 'confab.token';
const USER_KEY = 'confab.user';
const API = '/api/v1';

/** A failed call, classified for the error banners. kind: network | unauthorized | rate_limited | http. */
export class ApiError extends Error {
  constructor({kind, status = 0, title, detail, code, retryAfter}) {
    super(detail || title || 'Request failed');
    this.kind = kind;
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

/** The signed-in user, kept for this browser tab only. */
export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  get user() { return sessionStorage.getItem(USER_KEY); },
  save(token, user) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, user);
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  },
};

/** The `sub` claim of a JWT (its user id), or null when the token is not a readable JWT. */
export function subjectOf(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const sub = JSON.parse(atob(payload)).sub;
    return typeof sub === 'string' && sub ? sub : null;
  } catch {
    return null;
  }
}

/** POST /auth/dev-token: a development token for user, or an ApiError (404 when the server has it off). */
export async function devToken(user) {
  return call('POST', '/auth/dev-token', {body: {user_id: user}, anonymous: true});
}

/** A JSON call to /api/v1{path}; resolves to the parsed body (null for 204). */
export async function call(method, path, {body, anonymous = false, signal} = {}) {
  const response = await send(method, path, {body, anonymous, signal, accept: 'application/json'});
  if (response.status === 204) return null;
  return response.json();
}

export const api = {
  conversations: (offset, limit) => call('GET', `/chat/conversations?offset=${offset}&limit=${limit}`),
  conversation: (id) => call('GET', `/chat/conversations/${enc(id)}`),
  createConversation: (title) => call('POST', '/chat/conversations', {body: title ? {title} : {}}),
  rename: (id, title) => call('PATCH', `/chat/conversations/${enc(id)}/title`, {body: {title}}),
  deleteConversation: (id) => call('DELETE', `/chat/conversations/${enc(id)}`),
  messages: (id, limit, before) =>
    call('GET', `/chat/conversations/${enc(id)}/messages?limit=${limit}${before ? `&before=${enc(before)}` : ''}`),
  cancel: (id) => call('POST', `/chat/conversations/${enc(id)}/cancel`),
  updateConversation: (id, changes) => call('PATCH', `/chat/conversations/${enc(id)}`, {body: changes}),
  feedback: (id, messageId, rating) => call('PUT', `${messagePath(id, messageId)}/feedback`, {body: {rating}}),
  search: (q, limit) => call('GET', `/chat/search?q=${enc(q)}&limit=${limit}`),
  tasks: (status) => call('GET', `/tasks?status=${enc(status)}`),

  /** GET …/export?format=markdown|json: the file as a Blob, with the name the server gives it. */
  async exportConversation(id, format) {
    const response = await send('GET', `/chat/conversations/${enc(id)}/export?format=${enc(format)}`, {accept: '*/*'});
    const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '');
    return {name: named?.[1] ?? `conversation.${format === 'markdown' ? 'md' : 'json'}`, blob: await response.blob()};
  },

  /** Writes the latest reply again (messageId: it or its user message), streaming the new one to onEvent. */
  async regenerate(id, messageId, onEvent, signal) {
    const response = await send('POST', `${messagePath(id, messageId)}/regenerate`, {accept: 'text/event-stream', signal});
    return readEventStream(response, onEvent);
  },

  /** Replaces the latest user message's text, streaming the reply to the new text to onEvent. */
  async edit(id, messageId, content, onEvent, signal) {
    const response = await send('PATCH', messagePath(id, messageId),
      {body: {content}, accept: 'text/event-stream', signal});
    return readEventStream(response, onEvent);
  },

  /** Runs a turn and streams its events to onEvent; resolves when the stream ends. */
  async streamTurn(id, message, clientMessageId, onEvent, signal) {
    const response = await send('POST', `/chat/conversations/${enc(id)}/messages`, {
      body: {message, client_message_id: clientMessageId}, accept: 'text/event-stream', signal,
    });
    return readEventStream(response, onEvent);
  },

  /**
   * Follows the latest turn of a conversation (after lastEventId when given) until its last event.
   * Resolves to false when there is no turn to follow.
   */
  async followTurn(id, lastEventId, onEvent, signal) {
    const headers = lastEventId ? {'Last-Event-ID': lastEventId} : {};
    try {
      const response = await send('GET', `/chat/conversations/${enc(id)}/stream`,
        {accept: 'text/event-stream', headers, signal});
      await readEventStream(response, onEvent);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return false;
      throw error;
    }
  },
};

/** Checks that the server answers at all (for the connection indicator). */
export async function serverIsUp() {
  try {
    return (await fetch('/health/live', {cache: 'no-store'})).ok;
  } catch {
    return false;
  }
}

function enc(value) {
  return encodeURIComponent(value);
}

function messagePath(id, messageId) {
  return `/chat/conversations/${enc(id)}/messages/${enc(messageId)}`;
}

async function send(method, path, {body, anonymous = false, signal, accept, headers = {}}) {
  const all = {Accept: accept, ...headers};
  if (body !== undefined) all['Content-Type'] = 'application/json';
  if (!anonymous && session.token) all.Authorization = `Bearer ${session.token}`;
  let response;
  try {
    response = await fetch(API + path, {
      method, headers: all, signal, cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError({kind: 'network', title: 'Offline', detail: 'The server cannot be reached.'});
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

async function problemOf(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // not problem+json (a proxy's page, say): the status alone must do
  }
  const kind = response.status === 401 ? 'unauthorized' : response.status === 429 ? 'rate_limited' : 'http';
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return new ApiError({
    kind,
    status: response.status,
    title: typeof problem.title === 'string' ? problem.title : response.statusText,
    detail: typeof problem.detail === 'string' ? problem.detail : '',
    code: typeof problem.code === 'string' ? problem.code : '',
    retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined,
  });
}

/**
 * Reads `id:`/`data:` frames from an SSE response and hands each event (parsed JSON, with its id
 * as `_eventId`) to onEvent. Comments (`: ping`) are skipped. A dropped connection rejects with a
 * network ApiError so the caller can resume with the last id.
 */
export async function readEventStream(response, onEvent) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const {value, done} = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatchFrame(buffer.slice(0, end), onEvent);
        buffer = buffer.slice(end + 2);
      }
    }
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError({kind: 'network', title: 'Connection lost', detail: 'The reply stream was interrupted.'});
  }
}

function dispatchFrame(frame, onEvent) {
  let id = null;
  const data = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return;
  const event = JSON.parse(data.join('\n'));
  if (id) event._eventId = id;
  onEvent(event);
}
