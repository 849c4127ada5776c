// Reveals the Copy buttons beside feed addresses and snippets, and copies when pressed.
// Without scripts the text is still there to select and copy by hand.
for (const button of document.querySelectorAll('button.copy')) {
  if (!navigator.clipboard) break;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const source = button.dataset.copyFrom ? document.getElementById(button.dataset.copyFrom) : undefined;
    await navigator.clipboard.writeText(source ? source.value : button.dataset.copy);
    button.firstChild.textContent = 'Copied';
    setTimeout(() => { button.firstChild.textContent = 'Copy'; }, 2000);
  });
}
