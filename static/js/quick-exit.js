// Quick exit: blank the page at once, then replace it with a neutral site.
// Triggered by the "Exit this page" link or by pressing Shift three times within five seconds.
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

  var presses = [];
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 5000; });
    presses.push(now);
    if (presses.length >= 3) exitNow();
  });
})();
