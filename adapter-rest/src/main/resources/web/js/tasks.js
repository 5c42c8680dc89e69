// The user's task list beside the chat (GET /api/v1/tasks): what the task tools manage.

import {api} from './api.js';
import {$, h} from './dom.js';

export class TaskPanel {
  constructor({onError}) {
    this.onError = onError;
    this.list = $('task-list');
    this.filter = $('task-filter');
    this.loading = null;
    this.again = false;
    this.filter.addEventListener('change', () => this.refresh());
    $('refresh-tasks').addEventListener('click', () => this.refresh());
  }

  clear() {
    this.list.replaceChildren();
    $('tasks-empty').hidden = false;
  }

  /** Reloads the list; overlapping calls share one request and one re-run. */
  async refresh() {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = this.load().finally(() => {
      this.loading = null;
      if (this.again) {
        this.again = false;
        this.refresh();
      }
    });
    return this.loading;
  }

  async load() {
    this.list.setAttribute('aria-busy', 'true');
    try {
      const page = await api.tasks(this.filter.value);
      this.list.replaceChildren(...page.items.map(taskItem));
      $('tasks-empty').hidden = page.items.length > 0;
    } catch (error) {
      this.onError(error);
    } finally {
      this.list.removeAttribute('aria-busy');
    }
  }
}

function taskItem(task) {
  const state = task.completed ? 'Done' : 'To do';
  return h('li', {class: `task${task.completed ? ' done' : ''}`,
    dataset: {testid: 'task', id: String(task.id), completed: String(task.completed)}},
  h('span', {class: 'task-check', role: 'img', 'aria-label': state}, task.completed ? '✓' : ''),
  h('span', {class: 'task-body'},
    h('span', {class: 'task-title', dataset: {testid: 'task-title'}}, task.title),
    task.description ? h('span', {class: 'task-description muted'}, task.description) : null),
  h('span', {class: 'task-id muted', title: 'Task id'}, `#${task.id}`));
}
