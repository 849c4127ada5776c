/**
 * Markdown bodies, rendered with markdown-it (the renderer Eleventy uses) so that the
 * output already keeps to the body allowlist: links and images made absolute (and only
 * http(s), mailto and tel links kept), the page's h1 left to the title, no classes or
 * inline styles. A body with no raw HTML in it therefore needs no sanitiser pass, which
 * is most of the cost of a body at scale; one with raw HTML still goes through
 * sanitize-html (see normalise.ts). The only module that imports markdown-it.
 */
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import type { Dimensions } from './files.ts';

export type { MarkdownIt, Token };

/** What rendering one body needs to know. */
export interface BodyEnv {
  /** An href or src made absolute, or undefined when it is not a URL at all. */
  readonly resolve: (url: string) => string | undefined;
  readonly dimensionsOf: (url: string) => Dimensions | undefined;
}

const linkSchemes = /^(?:https?|mailto|tel):/i;

export function createMarkdownRenderer(): MarkdownIt {
  // xhtmlOut writes <br /> and <hr /> as the sanitiser does, so both paths give the same HTML.
  const md = markdownIt({ html: true, typographer: true, xhtmlOut: true });
  const rules = md.renderer.rules;
  const escape = md.utils.escapeHtml;
  const attr = (token: Token, name: string) => String(token.attrGet(name) ?? '');
  const bodyEnv = (env: unknown) => env as Partial<BodyEnv>;

  rules.link_open = (tokens, index, _options, env) => {
    const token = tokens[index] as Token;
    const href = bodyEnv(env).resolve?.(attr(token, 'href'));
    const title = attr(token, 'title');
    return `<a${href && linkSchemes.test(href) ? ` href="${escape(href)}"` : ''}${title ? ` title="${escape(title)}"` : ''}>`;
  };
  rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index] as Token;
    const src = bodyEnv(env).resolve?.(attr(token, 'src'));
    const alt = self.renderInlineAsText(token.children ?? [], options, env ?? {});
    const title = attr(token, 'title');
    const size = src && /^https?:/i.test(src) ? bodyEnv(env).dimensionsOf?.(src) : undefined;
    return `<img${src && /^https?:/i.test(src) ? ` src="${escape(src)}"` : ''} alt="${escape(alt)}"${title ? ` title="${escape(title)}"` : ''}${size ? ` width="${size.width}" height="${size.height}"` : ''} />`;
  };
  // The page's title is its only h1.
  rules.heading_open = (tokens, index) => `<${(tokens[index] as Token).tag === 'h1' ? 'h2' : (tokens[index] as Token).tag}>`;
  rules.heading_close = (tokens, index) => `</${(tokens[index] as Token).tag === 'h1' ? 'h2' : (tokens[index] as Token).tag}>\n`;
  rules.fence = (tokens, index) => `<pre><code>${escape((tokens[index] as Token).content)}</code></pre>\n`;
  rules.th_open = () => '<th>';
  rules.td_open = () => '<td>';
  return md;
}

/** True when a body carries raw HTML, which only the sanitiser may let through. */
export function hasRawHtml(tokens: readonly Token[]): boolean {
  return tokens.some((token) => token.type === 'html_block' || (token.children ?? []).some((child) => child.type === 'html_inline'));
}

export function renderTokens(markdown: MarkdownIt, tokens: Token[], env: BodyEnv): string {
  return markdown.renderer.render(tokens, markdown.options, { ...env });
}
