// The Confab chat page: sign-in, then conversations | messages + composer | tasks, with live
// replies over the WebSocket (or SSE), a connection indicator and readable error banners.

import {ApiError, api, devToken, serverIsUp, session, subjectOf} from './api.js';
import {dismissAllBanners, dismissBanner, showBanner} from './banners.js';
import {Composer} from './composer.js';
import {ConversationTools} from './conversation-tools.js';
import {ConversationList, UNTITLED} from './conversations.js';
import {$} from './dom.js';
import {MessagesView} from './messages.js';
import {SearchBox} from './search.js';
import {Socket} from './socket.js';
import {TaskPanel} from './tasks.js';
import {Turns} from './turns.js';

const HISTORY_PAGE = 30;
const HEALTH_BACKOFF_MS = [1000, 2000, 4000, 8000, 15000];
const TITLE_RETRIES_MS = [500, 1500, 4000];

const state = {
  open: null, // the open conversation
  hasEarlier: false,
  loadingEarlier: false,
  restDown: false,
  reconnecting: false,
};

const view = new MessagesView({
  regenerate: (message) => rewrite(message, null),
  edit: (message, text) => rewrite(message, text),
  feedback: (message, rating) => api.feedback(message.conversation_id, message.id, rating).then(() => true, (error) => {
    fail(error);
    return false;
  }),
});
const search = new SearchBox({onError: fail});
const tools = new ConversationTools({
  open: () => state.open,
  onChanged: (conversation) => {
    list.upsert(conversation, {toTop: false});
    showTitle(conversation);
  },
  onError: fail,
});
const tasks = new TaskPanel({onError: fail});
const list = new ConversationList({
  onOpen: (conversation, {renamed} = {}) => (renamed ? showTitle(conversation) : open(conversation)),
  onDeleted: (id) => closeIfOpen(id, false),
  onError: fail,
});
const socket = new Socket({
  onEvent: socketEvent,
  onState: (socketState) => {
    if (socketState === 'live') turns.stopWatching();
    else turns.startWatching();
    showConnection();
  },
  onExpired: () => expire(),
});
const turns = new Turns({
  view,
  socket,
  openId: () => state.open?.id ?? null,
  on: {
    busy: (busy) => composer.setRunning(busy),
    toolDone: () => tasks.refresh(),
    ended: (conversationId) => refreshConversation(conversationId),
    stale: (conversationId) => { if (conversationId === state.open?.id) reloadHistory(); },
    refused: (text) => composer.restore(text),
    error: fail,
    reconnecting: (on) => { state.reconnecting = on; showConnection(); },
  },
});
const composer = new Composer({
  onSend: send,
  onStop: () => turns.stop(),
  onTyping: (isTyping) => {
    if (state.open) socket.send({type: 'typing', conversation_id: state.open.id, is_typing: isTyping});
  },
});

// ---- sign-in -------------------------------------------------------------------------------

$('dev-signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const user = $('signin-user').value.trim();
  if (!user) return;
  setSigninBusy(true);
  try {
    const answer = await devToken(user);
    session.save(answer.access_token, user);
    startApp();
  } catch (error) {
    signinError(error.status === 404
      ? 'Development sign-in is turned off on this server. Sign in with a token instead.'
      : messageOf(error));
    if (error.status === 404) $('token-signin').open = true;
  } finally {
    setSigninBusy(false);
  }
});

$('token-signin-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = $('signin-token').value.trim().replace(/^Bearer\s+/i, '');
  const user = subjectOf(token);
  if (!user) {
    signinError('That does not look like a JWT: it needs a payload with a "sub" (the user id).');
    return;
  }
  session.save(token, user);
  startApp();
});

$('signout').addEventListener('click', () => signOut());

function showSignIn(note) {
  $('app').hidden = true;
  $('signin').hidden = false;
  $('signin-error').hidden = !note;
  $('signin-error').textContent = note ?? '';
  $('signin-user').focus();
}

function setSigninBusy(busy) {
  $('signin-submit').disabled = busy;
  $('signin-submit').textContent = busy ? 'Signing in…' : 'Sign in';
}

function signinError(text) {
  $('signin-error').textContent = text;
  $('signin-error').hidden = false;
}

function signOut(note) {
  const user = session.user;
  socket.stop();
  turns.stopWatching();
  session.clear();
  state.open = null;
  view.clear();
  tasks.clear();
  search.clear();
  tools.update();
  dismissAllBanners();
  history.replaceState(null, '', location.pathname);
  if (user) $('signin-user').value = user;
  showSignIn(note);
}

function expire() {
  signOut('Your session has expired. Please sign in again.');
}

// ---- the app -------------------------------------------------------------------------------

async function startApp() {
  $('signin').hidden = true;
  $('app').hidden = false;
  $('user-name').textContent = session.user;
  $('user-name').title = `Signed in as ${session.user}`;
  showConnection();
  socket.start(session.token);
  turns.startWatching();
  tasks.refresh();
  try {
    await list.reload();
    const wanted = new URLSearchParams(location.hash.slice(1));
    const conversation = (wanted.get('c') && await findConversation(wanted.get('c'))) || list.first();
    if (conversation) await open(conversation, wanted.get('m'));
    else showTitle(null);
  } catch (error) {
    fail(error);
  }
  composer.focus();
}

async function findConversation(id) {
  try {
    return list.find(id) ?? await api.conversation(id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Opens a conversation, scrolled to messageId when one is given (a search result). */
async function open(conversation, messageId) {
  state.open = conversation;
  state.hasEarlier = false;
  list.select(conversation.id);
  showTitle(conversation);
  history.replaceState(null, '', `#c=${encodeURIComponent(conversation.id)}`);
  socket.follow(conversation.id);
  composer.setRunning(turns.busy);
  closeDrawers();
  view.clear();
  tools.update();
  await reloadHistory();
  if (messageId) await reveal(messageId);
}

/** Loads earlier pages until the message shows (or the history ends), then scrolls to it. */
async function reveal(messageId) {
  const id = state.open?.id;
  while (state.open?.id === id && !view.has(messageId) && state.hasEarlier) {
    const shown = view.oldestId();
    await loadEarlier();
    if (view.oldestId() === shown) break;
  }
  if (state.open?.id === id && !view.highlight(messageId)) {
    showBanner('gone', 'That message is no longer in this conversation.', {tone: 'info'});
  }
}

/** A link to #c=…&m=… (a search result) was followed: open that conversation at that message. */
window.addEventListener('hashchange', async () => {
  const wanted = new URLSearchParams(location.hash.slice(1));
  const id = wanted.get('c');
  if (!session.token || !id) return;
  history.replaceState(null, '', `#c=${encodeURIComponent(id)}`); // the same link followed again is a change too
  try {
    const conversation = id === state.open?.id ? null : await findConversation(id);
    if (conversation) await open(conversation, wanted.get('m'));
    else if (id !== state.open?.id) showBanner('gone', 'That conversation no longer exists.', {tone: 'info'});
    else if (wanted.get('m')) await reveal(wanted.get('m'));
  } catch (error) {
    fail(error);
  }
});

async function reloadHistory() {
  const id = state.open?.id;
  if (!id) return;
  try {
    const page = await api.messages(id, HISTORY_PAGE);
    if (state.open?.id !== id) return;
    view.showPage(page.items);
    setHasEarlier(page.has_more);
    const last = page.items.at(-1);
    if (last?.role === 'user') turns.followLatest(id, last.id);
  } catch (error) {
    closeIfOpen(id, error instanceof ApiError && error.status === 404);
    fail(error);
  }
}

async function loadEarlier() {
  const id = state.open?.id;
  const before = view.oldestId();
  if (!id || !before || !state.hasEarlier || state.loadingEarlier) return;
  state.loadingEarlier = true;
  try {
    const page = await api.messages(id, HISTORY_PAGE, before);
    if (state.open?.id !== id) return;
    view.prependPage(page.items);
    setHasEarlier(page.has_more);
  } catch (error) {
    fail(error);
  } finally {
    state.loadingEarlier = false;
  }
}

function setHasEarlier(hasMore) {
  state.hasEarlier = hasMore;
  $('load-earlier').hidden = !hasMore;
}

$('load-earlier').addEventListener('click', () => loadEarlier());
$('messages').addEventListener('scroll', () => {
  if ($('messages').scrollTop < 80) loadEarlier();
}, {passive: true});

function showTitle(conversation) {
  if (conversation && conversation.id === state.open?.id) state.open = conversation;
  $('chat-title').textContent = conversation?.title || UNTITLED;
}

function closeIfOpen(id, gone) {
  if (state.open?.id !== id) return;
  state.open = null;
  view.clear();
  showTitle(null);
  tools.update();
  socket.follow(null);
  history.replaceState(null, '', location.pathname);
  if (gone) showBanner('gone', 'That conversation no longer exists.', {tone: 'info'});
  const next = list.first();
  if (next) open(next);
}

$('new-conversation').addEventListener('click', async () => {
  try {
    const conversation = await api.createConversation();
    list.upsert(conversation);
    await open(conversation);
    composer.focus();
  } catch (error) {
    fail(error);
  }
});

async function send(text) {
  try {
    if (!state.open) {
      const conversation = await api.createConversation();
      list.upsert(conversation);
      await open(conversation);
    }
  } catch (error) {
    composer.restore(text);
    fail(error);
    return;
  }
  dismissBanner('error');
  await turns.send(state.open.id, text);
}

/** Regenerates the latest reply (text null) or edits the latest user message, streaming the new reply. */
async function rewrite(message, text) {
  const id = state.open?.id;
  if (!id || turns.busy) return;
  dismissBanner('error');
  view.supersede(message, text, crypto.randomUUID());
  await turns.rewrite(id, text === null
    ? (onEvent, signal) => api.regenerate(id, message.id, onEvent, signal)
    : (onEvent, signal) => api.edit(id, message.id, text, onEvent, signal));
}

/**
 * After a turn: the conversation's title, counters and place in the list may have changed. The
 * title is set just after the reply completes; without a socket to announce it, look again shortly.
 */
async function refreshConversation(id, attempt = 0) {
  try {
    const conversation = await api.conversation(id);
    list.upsert(conversation);
    if (conversation.id === state.open?.id) showTitle(conversation);
    if (!conversation.title && !socket.live && attempt < TITLE_RETRIES_MS.length) {
      setTimeout(() => refreshConversation(id, attempt + 1), TITLE_RETRIES_MS[attempt]);
    }
  } catch {
    // deleted meanwhile, or offline: the list catches up on the next load
  }
}

/** Frames from the WebSocket: turn events and the user's notifications. */
function socketEvent(event) {
  if (Turns.isTurnEvent(event)) {
    turns.handle(event);
    return;
  }
  switch (event.type) {
    case 'conversation_created':
    case 'conversation_updated':
      list.upsert(event.conversation, {toTop: event.type === 'conversation_created'});
      if (event.conversation.id === state.open?.id) showTitle(event.conversation);
      break;
    case 'conversation_deleted':
      list.remove(event.conversation.id);
      closeIfOpen(event.conversation.id, true);
      break;
    case 'typing':
      showTyping(event);
      break;
    case 'error':
      showBanner('error', event.message || 'The live connection reported an error.');
      break;
    default:
      break;
  }
}

let typingTimer = null;
function showTyping(event) {
  const typing = $('typing');
  const here = event.conversation_id === state.open?.id;
  typing.hidden = !(here && event.is_typing);
  typing.textContent = `${event.user_id} is typing in another window…`;
  clearTimeout(typingTimer);
  if (!typing.hidden) typingTimer = setTimeout(() => { typing.hidden = true; }, 8000);
}

// ---- errors and the connection indicator ----------------------------------------------------

/** Turns any failure into a readable banner (or back to sign-in when the session ended). */
function fail(error) {
  if (!(error instanceof ApiError)) {
    console.error(error);
    showBanner('error', 'Something went wrong in the page. Reload it to continue.');
    return;
  }
  switch (error.kind) {
    case 'unauthorized':
      expire();
      break;
    case 'rate_limited':
      if (error.retryAfter) {
        showBanner('rate', 'You are sending messages too quickly. Try again in {s} s.', {countdown: error.retryAfter});
      } else {
        showBanner('rate', `You are sending messages too quickly. ${error.detail || 'Wait a moment and try again.'}`);
      }
      break;
    case 'network':
      restDown();
      break;
    default:
      showBanner('error', messageOf(error));
  }
}

function messageOf(error) {
  if (error.kind === 'network') return 'The server cannot be reached. Check your connection.';
  const title = error.title || `Error ${error.status}`;
  return error.detail ? `${title}: ${error.detail}` : title;
}

/** The server stopped answering: say so, and probe /health/live with backoff until it is back. */
async function restDown() {
  if (state.restDown) return;
  state.restDown = true;
  showConnection();
  showBanner('offline', navigator.onLine
    ? 'The server cannot be reached. Reconnecting…'
    : 'You are offline. Messages will send again once the connection is back.', {tone: 'warning'});
  for (let attempt = 0; state.restDown; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, HEALTH_BACKOFF_MS[Math.min(attempt, HEALTH_BACKOFF_MS.length - 1)]));
    if (navigator.onLine && await serverIsUp()) {
      state.restDown = false;
      dismissBanner('offline');
      showConnection();
      if (session.token) {
        list.reload().catch(fail);
        reloadHistory();
        tasks.refresh();
      }
    }
  }
}

window.addEventListener('offline', () => restDown());
window.addEventListener('online', () => showConnection());
window.addEventListener('focus', () => {
  if (session.token && !$('app').hidden && !document.querySelector('.rename-input')) list.reload().catch(fail);
});

function showConnection() {
  const element = $('connection');
  let label;
  let indicator;
  if (!navigator.onLine) {
    [indicator, label] = ['offline', 'Offline'];
  } else if (state.restDown || state.reconnecting || socket.state === 'reconnecting') {
    [indicator, label] = ['reconnecting', 'Reconnecting…'];
  } else if (socket.state === 'connecting') {
    [indicator, label] = ['connecting', 'Connecting…'];
  } else {
    [indicator, label] = ['live', 'Live'];
  }
  element.dataset.state = indicator;
  element.dataset.transport = socket.live ? 'websocket' : 'sse';
  element.title = socket.live ? 'Live over WebSocket' : 'Live over server-sent events';
  $('connection-label').textContent = label;
}

// ---- narrow screens: conversations and tasks as drawers ---------------------------------------

function toggleDrawer(panelId, buttonId) {
  const panel = $(panelId);
  const opening = !panel.classList.contains('open');
  closeDrawers();
  if (opening) {
    panel.classList.add('open');
    $(buttonId).setAttribute('aria-expanded', 'true');
    $('scrim').hidden = false;
    panel.querySelector('button, select, [tabindex]')?.focus();
  }
}

function closeDrawers() {
  for (const [panelId, buttonId] of [['sidebar', 'toggle-sidebar'], ['tasks-panel', 'toggle-tasks']]) {
    $(panelId).classList.remove('open');
    $(buttonId).setAttribute('aria-expanded', 'false');
  }
  $('scrim').hidden = true;
}

$('toggle-sidebar').addEventListener('click', () => toggleDrawer('sidebar', 'toggle-sidebar'));
$('toggle-tasks').addEventListener('click', () => toggleDrawer('tasks-panel', 'toggle-tasks'));
$('scrim').addEventListener('click', closeDrawers);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !$('scrim').hidden) closeDrawers();
});

// ---- boot ------------------------------------------------------------------------------------

if (session.token) startApp();
else showSignIn();
