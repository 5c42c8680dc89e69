// Small DOM helpers. Text always goes in as text nodes: nothing here parses HTML.

/**
 * Creates an element: h('li', {class: 'x', dataset: {id: '1'}, onclick: fn}, 'text', child).
 * Attribute values are set with setAttribute, children that are strings become text nodes.
 */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends strings (as text), nodes and nested arrays of them. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

export const $ = (id) => document.getElementById(id);

/** A short, human time: "14:05" today, "3 Mar 14:05" otherwise. */
export function shortTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const now = new Date();
  const time = date.toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
  return date.toDateString() === now.toDateString()
    ? time
    : `${date.toLocaleDateString([], {day: 'numeric', month: 'short'})} ${time}`;
}
