// The summary's print button: shown only when JavaScript runs (without it, the page
// says to use the browser's own print command).
document.querySelectorAll("[data-afdrukken]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
