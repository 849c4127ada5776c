// Reveals the Copy buttons beside feed addresses and copies the address when pressed.
// Without scripts the addresses are still there to select and copy by hand.
for (const button of document.querySelectorAll('button.copy[data-copy]')) {
  if (!navigator.clipboard) break;
  button.hidden = false;
  button.addEventListener('click', async () => {
    await navigator.clipboard.writeText(button.dataset.copy);
    button.firstChild.textContent = 'Copied';
    setTimeout(() => { button.firstChild.textContent = 'Copy'; }, 2000);
  });
}
