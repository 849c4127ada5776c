// Reveals the Copy buttons beside feed addresses and snippets, and copies when pressed.
// Without scripts the text is still there to select and copy by hand.
const copyButtons = document.querySelectorAll('button.copy');
if (copyButtons.length > 0 && navigator.clipboard) {
  // One polite live region tells screen reader users what the button's "Copied" shows.
  // It is in the page before anything is said in it, as screen readers need.
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  (document.querySelector('main') ?? document.body).append(status);
  let reset;
  for (const button of copyButtons) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const source = button.dataset.copyFrom ? document.getElementById(button.dataset.copyFrom) : undefined;
      // The button's hidden text says what it copies, e.g. " the RSS address".
      const what = button.textContent.slice(button.firstChild.textContent.length).trim();
      clearTimeout(reset);
      // Emptied first, so that copying twice is announced twice.
      status.textContent = '';
      try {
        await navigator.clipboard.writeText(source ? source.value : button.dataset.copy);
        button.firstChild.textContent = 'Copied';
        status.textContent = `Copied ${what}`;
      } catch {
        status.textContent = `Could not copy ${what}: select it and copy it yourself`;
      }
      reset = setTimeout(() => {
        for (const other of copyButtons) other.firstChild.textContent = 'Copy';
        status.textContent = '';
      }, 3000);
    });
  }
}
