// The message box: Enter sends, Shift+Enter starts a new line, a counter shows the 10,000
// character limit, Stop shows while a turn runs, and typing is announced to the user's other tabs.

import {$} from './dom.js';

export const MAX_MESSAGE_CHARS = 10_000;
const TYPING_IDLE_MS = 3000;
const number = new Intl.NumberFormat('en');

export class Composer {
  /** onSend(text) resolves when the turn ended; onStop(); onTyping(isTyping). */
  constructor({onSend, onStop, onTyping}) {
    this.input = $('composer-input');
    this.sendButton = $('send');
    this.stopButton = $('stop');
    this.counter = $('char-counter');
    this.onSend = onSend;
    this.onTyping = onTyping;
    this.running = false;
    this.typing = false;
    this.typingTimer = null;

    $('composer').addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
    this.input.addEventListener('input', () => {
      this.update();
      this.announceTyping();
    });
    this.stopButton.addEventListener('click', () => onStop());
    this.update();
  }

  /** While a turn runs: Stop instead of Send. */
  setRunning(running) {
    this.running = running;
    this.stopButton.hidden = !running;
    this.update();
  }

  focus() {
    this.input.focus();
  }

  /** Puts text back (a message the server refused) unless the user already typed something new. */
  restore(text) {
    if (this.input.value.trim() === '') {
      this.input.value = text;
      this.update();
    }
  }

  submit() {
    const text = this.input.value;
    if (!this.canSend(text)) return;
    this.input.value = '';
    this.stopTyping();
    this.update();
    this.onSend(text.trim());
  }

  canSend(text) {
    const length = text.trim().length;
    return !this.running && length > 0 && length <= MAX_MESSAGE_CHARS;
  }

  update() {
    const text = this.input.value;
    const length = text.length;
    const over = length > MAX_MESSAGE_CHARS;
    this.counter.textContent = over
      ? `${number.format(length)} / ${number.format(MAX_MESSAGE_CHARS)} — ${number.format(length - MAX_MESSAGE_CHARS)} too many`
      : `${number.format(length)} / ${number.format(MAX_MESSAGE_CHARS)}`;
    this.counter.classList.toggle('over', over);
    this.counter.classList.toggle('near', !over && length > MAX_MESSAGE_CHARS * 0.9);
    if (over) this.input.setAttribute('aria-invalid', 'true');
    else this.input.removeAttribute('aria-invalid');
    this.sendButton.disabled = !this.canSend(text);
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight, 240)}px`;
  }

  announceTyping() {
    if (!this.typing) {
      this.typing = true;
      this.onTyping(true);
    }
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  stopTyping() {
    clearTimeout(this.typingTimer);
    if (this.typing) {
      this.typing = false;
      this.onTyping(false);
    }
  }
}
