// Quick exit: blank the page at once, then replace it with a neutral site.
// Triggered by the "Exit this page" link or by pressing Shift (alone) three times within five
// seconds.
// Without JavaScript the link still leaves the site.
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  var target = link.getAttribute("href");

  function exitNow(event) {
    if (event) event.preventDefault();
    document.documentElement.classList.add("quick-exit-active");
    document.title = "";
    if (document.body) document.body.innerHTML = "";
    window.location.replace(target);
  }

  link.addEventListener("click", exitNow);

  // Only Shift pressed on its own counts: a Shift used with another key (a capital letter,
  // Shift+Tab to go back) does not, and any other key starts the count again, so typing or
  // moving through the page with the keyboard never leaves it.
  var presses = [];
  var shiftAlone = false;
  document.addEventListener("keydown", function (event) {
    shiftAlone = event.key === "Shift";
    if (!shiftAlone) presses = [];
  });
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone) return;
    shiftAlone = false;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 5000; });
    presses.push(now);
    if (presses.length >= 3) exitNow();
  });
})();
