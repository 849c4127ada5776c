/** Attachments as GOV.UK lists them: the title as a link, then the kind of file and its size. */
import type { Attachment } from '../lib/model.ts';
import { html, type SafeHtml } from './html.ts';

const kinds: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.ms-excel': 'Excel spreadsheet',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel spreadsheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint presentation',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument spreadsheet',
  'text/csv': 'CSV',
  'image/svg+xml': 'SVG image',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
};

/**
 * `PDF, 1.2 MB`; only the size when the title already ends with the kind, as in
 * "Business case summary (PDF)"; undefined when that leaves nothing to say.
 */
export function describeFile(attachment: Attachment, title: string): string | undefined {
  const kind = kinds[attachment.type] ?? attachment.type;
  const ending = title.toLowerCase().replace(/[\s).]+$/, '');
  const named = ending.endsWith(kind.toLowerCase()) && !/\p{L}$/u.test(ending.slice(0, -kind.length));
  const size = attachment.size === undefined ? undefined : formatSize(attachment.size);
  return named ? size : size === undefined ? kind : `${kind}, ${size}`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value)} ${units[unit]}`;
}

export function renderAttachments(attachments: readonly Attachment[]): SafeHtml {
  if (attachments.length === 0) return html``;
  return html`<h2 id="attachments">Attachments</h2>
<ul class="attachments">${attachments.map((a) => {
    const title = a.title ?? a.url.split(/[?#]/)[0]?.split('/').pop() ?? a.url;
    const description = describeFile(a, title);
    return html`<li><a href="${a.url}">${title}</a>${description && html` <span class="meta">(${description})</span>`}</li>`;
  })}</ul>`;
}
