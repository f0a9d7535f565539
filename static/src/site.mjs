// The public site's script: GOV.UK Frontend's "Exit this page" (the button, Shift three times,
// its indicator and screen-reader announcements) and skip link, leaving without a trace in the
// tab's history. `make assets` bundles it into static/js/site.js. Without it every link works.
import { ExitThisPage, SkipLink, createAll } from "govuk-frontend";

/** Exit this page, leaving by location.replace: the page is blanked at once and Back does not
 * return to it (the rest of the history stays, as the footer says). */
class QuickExit extends ExitThisPage {
  exitPage() {
    document.documentElement.classList.add("quick-exit-active");
    document.title = "";
    document.body.replaceChildren();
    window.location.replace(this.$button.href);
  }
}

document.body.classList.add("govuk-frontend-supported");
createAll(QuickExit);
createAll(SkipLink);
