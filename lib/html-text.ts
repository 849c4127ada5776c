/**
 * HTML as the plain text a reader reads: for summaries, for plain-text fields that were
 * written as HTML, and for partners' titles. One walk over the markup (lib/html.ts):
 * entities decoded, blocks and line breaks kept apart by a space, an image by its alt
 * text, and nothing from comments, scripts or styles.
 */
import { decodeHTML } from 'entities';
import { htmlTagNames } from 'html-tag-names';
import { readHtml } from './html.ts';
import { collapseSpace } from './text.ts';

/** Elements that end one run of text and start another: blocks, list items, table cells. */
const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Elements whose content is never text a reader reads. */
const silentTags = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'title', 'svg', 'math']);

/**
 * Walks `html` as runs of text, one per block; `onBlock` is told each block's name and
 * text as it ends, and returning `false` stops the walk. The text after the last block
 * is returned.
 */
function walkText(html: string, onBlock: (name: string, text: string) => boolean | void): string {
  let run = '';
  let silent = 0;
  const endRun = () => {
    const text = collapseSpace(run);
    run = '';
    return text;
  };
  readHtml(html, {
    openTag(name, attributes) {
      if (silentTags.has(name)) silent++;
      if (silent > 0) return true;
      if (name === 'br') run += ' ';
      else if (name === 'img') run += ` ${attributes.alt ?? ''} `;
      else if (blockTags.has(name)) return onBlock('', endRun());
      return true;
    },
    closeTag(name) {
      if (silentTags.has(name)) silent--;
      if (silent > 0 || !blockTags.has(name)) return true;
      return onBlock(name, endRun());
    },
    text(text) {
      if (silent === 0) run += text;
    },
  });
  return endRun();
}

/** The plain text of an HTML fragment, white space collapsed. */
export function htmlToText(html: string): string {
  const blocks: string[] = [];
  const rest = walkText(html, (_, text) => {
    if (text !== '') blocks.push(text);
  });
  if (rest !== '') blocks.push(rest);
  return blocks.join(' ');
}

/**
 * The plain text of the first paragraph of an HTML fragment that has any, or, when no
 * paragraph has text, of the first block that does. Reading stops at the end of that
 * paragraph.
 */
export function leadText(html: string): string {
  let firstBlock = '';
  let paragraph: string | undefined;
  const rest = walkText(html, (name, text) => {
    if (name === 'p' && text !== '') {
      paragraph = text;
      return false;
    }
    firstBlock ||= text;
    return true;
  });
  return paragraph ?? (firstBlock || rest);
}

const knownTags = new Set(htmlTagNames);

/**
 * Whether text that is meant to be plain (an RSS title) was written as HTML, decided as
 * feedparser decides it: it must hold a closing tag or an entity reference, every tag
 * must be an HTML element and every entity a defined one. `5 < 6` and `<foo>` stay text;
 * `AT&amp;T` and `<b>Bold</b>` are HTML.
 */
export function looksLikeHtml(text: string): boolean {
  if (!/<\/\w+>/.test(text) && !/&#?\w+;/.test(text)) return false;
  if ([...text.matchAll(/<\/?(\w+)/g)].some(([, tag = '']) => !knownTags.has(tag.toLowerCase()))) return false;
  return [...text.matchAll(/&(\w+);/g)].every(([entity]) => decodeHTML(entity) !== entity);
}
