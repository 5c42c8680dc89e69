// A small, safe Markdown renderer for assistant replies. It builds DOM nodes and puts every piece
// of source text in a text node, so no input can become markup: "<script>" stays text. Supported:
// paragraphs and line breaks, # headings, - and 1. lists, > quotes, ``` code blocks, `code`,
// **bold**, *italics*, [links](https://…) and bare http(s) URLs. Other link schemes stay text.

import {h} from './dom.js';

const FENCE = /^\s*```/;
const HEADING = /^(#{1,3})\s+(.*)$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^\s*>\s?(.*)$/;

const INLINE = new RegExp([
  '`([^`\\n]+)`', // 1 code
  '\\*\\*(\\S(?:[^\\n]*?\\S)?)\\*\\*', // 2 bold
  '__(\\S(?:[^\\n]*?\\S)?)__', // 3 bold
  '\\*(\\S(?:[^*\\n]*?\\S)?)\\*', // 4 italics
  '(?<![\\p{L}\\p{N}])_(\\S(?:[^_\\n]*?\\S)?)_(?![\\p{L}\\p{N}])', // 5 italics
  '\\[([^\\]\\n]+)\\]\\(([^)\\s]+)\\)', // 6 label, 7 url
  '(https?:\\/\\/[^\\s<>()]*[^\\s<>().,;:!?\'"])', // 8 bare url
].join('|'), 'gu');

/** Renders markdown source into a DocumentFragment. */
export function renderMarkdown(source) {
  const fragment = document.createDocumentFragment();
  const lines = String(source ?? '').replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
    } else if (FENCE.test(line)) {
      const code = [];
      for (i++; i < lines.length && !FENCE.test(lines[i]); i++) code.push(lines[i]);
      i++; // the closing fence (or the end of a reply still streaming)
      fragment.append(h('pre', {}, h('code', {}, code.join('\n'))));
    } else if (HEADING.test(line)) {
      const [, hashes, text] = line.match(HEADING);
      fragment.append(inline(h(`h${hashes.length + 2}`), text));
      i++;
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      i = list(lines, i, fragment);
    } else if (QUOTE.test(line)) {
      const quoted = [];
      for (; i < lines.length && QUOTE.test(lines[i]); i++) quoted.push(lines[i].match(QUOTE)[1]);
      fragment.append(h('blockquote', {}, renderMarkdown(quoted.join('\n'))));
    } else {
      const paragraph = [];
      for (; i < lines.length && isParagraphLine(lines[i]); i++) paragraph.push(lines[i]);
      fragment.append(inlineLines(h('p'), paragraph));
    }
  }
  return fragment;
}

function isParagraphLine(line) {
  return line.trim() !== '' && !FENCE.test(line) && !HEADING.test(line)
    && !BULLET.test(line) && !NUMBERED.test(line) && !QUOTE.test(line);
}

/** A run of list items of one kind; returns the index after it. */
function list(lines, start, fragment) {
  const ordered = !BULLET.test(lines[start]);
  const pattern = ordered ? NUMBERED : BULLET;
  const element = ordered ? h('ol') : h('ul');
  if (ordered) {
    const first = Number(lines[start].match(NUMBERED)[1]);
    if (first !== 1) element.setAttribute('start', String(first));
  }
  let i = start;
  for (; i < lines.length && pattern.test(lines[i]); i++) {
    const match = lines[i].match(pattern);
    element.append(inline(h('li'), ordered ? match[2] : match[1]));
  }
  fragment.append(element);
  return i;
}

function inlineLines(parent, lines) {
  lines.forEach((line, index) => {
    if (index > 0) parent.append(h('br'));
    inline(parent, line);
  });
  return parent;
}

/** Appends the inline content of one line of text to parent. */
function inline(parent, text) {
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) parent.append(text.slice(last, match.index));
    parent.append(inlineNode(match));
    last = match.index + match[0].length;
  }
  if (last < text.length) parent.append(text.slice(last));
  return parent;
}

function inlineNode(match) {
  const [whole, code, bold, bold2, italic, italic2, label, url, bare] = match;
  if (code !== undefined) return h('code', {}, code);
  if (bold !== undefined || bold2 !== undefined) return inline(h('strong'), bold ?? bold2);
  if (italic !== undefined || italic2 !== undefined) return inline(h('em'), italic ?? italic2);
  if (label !== undefined) {
    const href = safeUrl(url);
    return href ? inline(link(href), label) : document.createTextNode(whole);
  }
  const href = safeUrl(bare);
  return href ? link(href, bare) : document.createTextNode(whole);
}

function link(href, text) {
  return h('a', {href, target: '_blank', rel: 'noopener noreferrer nofollow'}, text);
}

/** The URL when it is absolute http(s), else null (javascript:, data: and friends stay text). */
export function safeUrl(candidate) {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
