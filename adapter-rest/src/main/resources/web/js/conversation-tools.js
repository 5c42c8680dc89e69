// The open conversation's tools in the chat header: export (GET …/export, downloaded as a file)
// and settings (PATCH …/{id} with its system prompt, model and retention).

import {ApiError, api} from './api.js';
import {$, h} from './dom.js';

export class ConversationTools {
  /** open(): the open conversation or null; onChanged(conversation); onError(error) */
  constructor({open, onChanged, onError}) {
    this.open = open;
    this.onChanged = onChanged;
    this.onError = onError;
    this.dialog = $('settings-dialog');
    document.querySelectorAll('#export-menu [data-format]').forEach((button) =>
      button.addEventListener('click', () => this.download(button.dataset.format)));
    $('open-settings').addEventListener('click', () => this.showSettings());
    $('settings-cancel').addEventListener('click', () => this.dialog.close());
    $('settings-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.saveSettings();
    });
  }

  /** Shown only while a conversation is open. */
  update() {
    $('conversation-tools').hidden = this.open() === null;
  }

  async download(format) {
    $('export-menu').open = false;
    const conversation = this.open();
    if (!conversation) return;
    try {
      const file = await api.exportConversation(conversation.id, format);
      const url = URL.createObjectURL(file.blob);
      const link = h('a', {href: url, download: file.name, hidden: true});
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      this.onError(error);
    }
  }

  showSettings() {
    const conversation = this.open();
    if (!conversation) return;
    $('settings-prompt').value = conversation.system_prompt ?? '';
    $('settings-model').value = conversation.model ?? '';
    $('settings-retention').value = conversation.retention_days ?? '';
    $('settings-error').hidden = true;
    this.dialog.showModal();
  }

  /** Empty fields go back to the server's defaults (null clears a setting). */
  async saveSettings() {
    const conversation = this.open();
    if (!conversation) return;
    const days = $('settings-retention').value.trim();
    const changes = {
      system_prompt: $('settings-prompt').value.trim() || null,
      model: $('settings-model').value.trim() || null,
      retention_days: days ? Number(days) : null,
    };
    try {
      this.onChanged(await api.updateConversation(conversation.id, changes));
      this.dialog.close();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 422) {
        this.dialog.close();
        this.onError(error);
        return;
      }
      $('settings-error').textContent = error.detail || error.title;
      $('settings-error').hidden = false;
    }
  }
}
