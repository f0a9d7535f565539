// wagtail-localize's translation editor, following the review workflow
// (editorial/translations/review.py). Whoever cannot publish gets "Submit for review" as the
// primary action; whoever may not publish is not offered the actions that replace the translation
// with its source ("Convert to alias page", "Stop Synced translation"), which their routes refuse.
// The admin runs its scripts before the page's content, and the editor starts on DOMContentLoaded:
// this listener, added before wagtail-localize's, sees its props first.
document.addEventListener("DOMContentLoaded", () => {
  const review = document.getElementById("translation-review");
  const editor = document.querySelector(".js-translation-editor");
  if (!review || !editor || !editor.dataset.props || review.dataset.mayPublish === "true") {
    return;
  }
  const props = JSON.parse(editor.dataset.props);
  props.links.convertToAliasUrl = null;
  editor.dataset.props = JSON.stringify(props);

  const follow = (footer) => {
    const stop = props.links.stopTranslationUrl;
    footer.querySelector(`[data-w-action-url-value="${stop}"]`)?.remove();
    const actions = footer.querySelector(".w-dropdown-button");
    const more = actions.querySelector(".w-dropdown");
    if (more && !more.querySelector("[data-w-dropdown-target='content']").children.length) {
      more.remove();
    }
    actions.prepend(review.content.cloneNode(true));
  };
  new MutationObserver((_, observer) => {
    const footer = editor.querySelector("footer");
    if (footer) {
      observer.disconnect();
      follow(footer);
    }
  }).observe(editor, { childList: true, subtree: true });
});
