// Assistant replies as GitHub-flavoured Markdown (tables, task lists, fenced code blocks), turned
// into HTML by marked and sanitised by DOMPurify before it reaches the page: scripts, event
// handlers, javascript: links, styles, forms and images are removed. Links open in a new tab
// without the page's context; every code block gets a copy button.

import {copyButton} from './clipboard.js';
import {h} from './dom.js';
import {DOMPurify, Marked} from './vendor.js';

const markdown = new Marked({gfm: true, breaks: true});
const SANITISE = {RETURN_DOM_FRAGMENT: true, FORBID_TAGS: ['img', 'style', 'form'], FORBID_ATTR: ['style']};

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
});

/** Renders Markdown source into a sanitised DocumentFragment. */
export function renderMarkdown(source) {
  const fragment = DOMPurify.sanitize(markdown.parse(String(source ?? '')), SANITISE);
  fragment.querySelectorAll('pre').forEach(withCopyButton);
  return fragment;
}

function withCopyButton(pre) {
  const block = h('div', {class: 'code-block'});
  pre.replaceWith(block);
  block.append(copyButton(() => pre.textContent, 'Copy code', 'code-copy'), pre);
}
