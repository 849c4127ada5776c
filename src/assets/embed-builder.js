// The "Embed our news" page: keeps the live preview and the snippets in step with the
// form. Without scripts the page still shows the default snippets to copy.
const form = document.getElementById('embed-form');
const preview = document.querySelector('#embed-preview threeml-news');
const snippet = document.getElementById('embed-snippet');
const iframe = document.getElementById('embed-iframe');
const options = ['stream', 'tag', 'limit', 'summaries', 'heading-level', 'date-language'];
// Browsers without field-sizing (site.css) get the snippets' boxes sized here.
const sizedByCss = CSS.supports('field-sizing', 'content');

function escape(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Makes a snippet's box as tall as its text, so none of it is hidden. */
function fit(textarea) {
  if (sizedByCss) return;
  textarea.style.height = 'auto';
  textarea.style.height = `${textarea.scrollHeight + textarea.offsetHeight - textarea.clientHeight}px`;
}

function update() {
  const { base, siteTitle, frameHeight } = form.dataset;
  const section = form.elements.section;
  const key = section.value;
  const name = section.selectedOptions[0].textContent;
  const limit = form.elements.limit;
  const attributes = [];
  if (key.startsWith('tags/')) attributes.push(['tag', key.slice(5)]);
  else if (key !== 'all') attributes.push(['stream', key]);
  attributes.push(['limit', String(Math.min(Number(limit.max), Math.max(1, Math.trunc(Number(limit.value)) || 5)))]);
  if (form.elements.summaries.checked) attributes.push(['summaries', '']);
  if (form.elements['heading-level'].value !== '2') attributes.push(['heading-level', form.elements['heading-level'].value]);
  if (form.elements['date-language'].value) attributes.push(['date-language', form.elements['date-language'].value]);
  const path = key === 'all' ? '' : `${key}/`;
  const label = `${key === 'all' ? 'Latest news' : name} from ${siteTitle}`;
  const attributeText = attributes.map(([n, v]) => (v === '' ? ` ${n}` : ` ${n}="${escape(v)}"`)).join('');
  snippet.value = `<script src="${base}embed/v1/news.js" defer></script>\n<threeml-news${attributeText}>\n  <a href="${base}${path}">${escape(label)}</a>\n</threeml-news>`;
  iframe.value = `<iframe src="${base}embed/frame/${path}" title="${escape(label)}" width="100%" height="${frameHeight}" style="border: 0"></iframe>`;
  fit(snippet);
  fit(iframe);
  // The preview sits under this page's h2, so its heading is an h3 at least. Its
  // attributes change together, so the element loads the news once for them.
  const chosen = new Map(attributes);
  if (!chosen.has('heading-level')) chosen.set('heading-level', '3');
  for (const option of options) {
    const value = chosen.get(option);
    if (value === undefined) preview.removeAttribute(option);
    else if (preview.getAttribute(option) !== value) preview.setAttribute(option, value);
  }
  const fallback = preview.querySelector('a');
  fallback.href = `${base}${path}`;
  fallback.textContent = label;
}

form.addEventListener('input', update);
form.addEventListener('submit', (event) => event.preventDefault());
// The browser may have restored the form's last choices.
update();
if (!sizedByCss) {
  addEventListener('resize', () => {
    fit(snippet);
    fit(iframe);
  });
}
