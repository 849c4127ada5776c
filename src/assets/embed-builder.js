// The "Embed our news" page: keeps the live preview and the snippets in step with the
// form. Without scripts the page still shows the default snippets to copy.
const form = document.getElementById('embed-form');
const preview = document.getElementById('embed-preview');
const snippet = document.getElementById('embed-snippet');
const iframe = document.getElementById('embed-iframe');

function escape(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function update() {
  const base = form.dataset.base;
  const siteTitle = form.dataset.siteTitle;
  const section = form.elements.section;
  const key = section.value;
  const name = section.selectedOptions[0].textContent;
  const attributes = [];
  if (key.startsWith('tags/')) attributes.push(['tag', key.slice(5)]);
  else if (key !== 'all') attributes.push(['stream', key]);
  attributes.push(['limit', String(Math.min(50, Math.max(1, Number(form.elements.limit.value) || 5)))]);
  if (form.elements.summaries.checked) attributes.push(['summaries', '']);
  if (form.elements['heading-level'].value !== '2') attributes.push(['heading-level', form.elements['heading-level'].value]);
  if (form.elements['date-language'].value) attributes.push(['date-language', form.elements['date-language'].value]);
  const path = key === 'all' ? '' : `${key}/`;
  const label = `${key === 'all' ? 'Latest news' : name} from ${siteTitle}`;
  const attributeText = attributes.map(([n, v]) => (v === '' ? ` ${n}` : ` ${n}="${escape(v)}"`)).join('');
  snippet.value = `<script src="${base}embed/v1/news.js" defer></script>\n<threeml-news${attributeText}>\n  <a href="${base}${path}">${escape(label)}</a>\n</threeml-news>`;
  iframe.value = `<iframe src="${base}embed/frame/${path}" title="${escape(label)}" width="100%" height="520" style="border: 0"></iframe>`;
  // A new element, so the preview loads the news again with the new options.
  const element = document.createElement('threeml-news');
  for (const [n, v] of attributes) element.setAttribute(n, v);
  if (!element.hasAttribute('heading-level')) element.setAttribute('heading-level', '3');
  const fallback = document.createElement('a');
  fallback.href = `${base}${path}`;
  fallback.textContent = label;
  element.append(fallback);
  preview.replaceChildren(element);
}

form.addEventListener('input', update);
form.addEventListener('submit', (event) => event.preventDefault());
