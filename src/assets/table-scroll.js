// A table that is wider than its box scrolls inside it: the box is then a tab stop, so
// keyboard users can scroll it, and a note below it says so (site.css shows it). On a
// screen wide enough for the table, neither, so there is no stop that does nothing.
for (const box of document.querySelectorAll('[data-focus-when-scrolling]')) {
  new ResizeObserver(() => {
    if (box.scrollWidth > box.clientWidth) box.tabIndex = 0;
    else box.removeAttribute('tabindex');
  }).observe(box);
}
