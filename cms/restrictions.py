"""Private sections (Wagtail view restrictions) without a cookie for visitors who only look.

Wagtail's password form carries a CSRF token and its sign-in page is a Django login form: both
set a `csrftoken` cookie for anyone who opens them, a trace on the device of someone who may be
watched. Here:

- The password form has no CSRF token (templates/site/password_required.html) and posts to
  `authenticate_with_password`, exempt from Django's CSRF check. What that check would prevent
  is a login CSRF: another site making a visitor's browser send a password it knows, so that
  the browser is marked as having passed the restriction (and gets Wagtail's session cookie).
  Reading is all a passed restriction allows, and the other site needs the password; still, a
  cookie planted that way is the trace we avoid, so a post is refused unless it comes from this
  site: the browser's `Sec-Fetch-Site` header (every current browser sends it, whatever the
  referrer policy), else an `Origin` header naming this site; a browser that sends neither (old
  ones) is let through, the small risk above. The password check itself is Wagtail's
  (constant-time comparison).
- The sign-in page of a "login" or "groups" restriction (`/<language>/_util/login/`) is
  `staff_only`: the public site has no visitor accounts, so no form at all; staff sign in
  through the admin (two-factor authentication included), which sends them back.
"""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from wagtail import views as wagtail_views

from cms.views import csrf_failure

# Sec-Fetch-Site values of a post made by this site's own form ("none": the visitor's own
# action in the browser, not another site's).
FROM_THIS_SITE = {"same-origin", "none"}


def sent_from_this_site(request) -> bool:
    """Whether a post comes from this site's pages, as the browser tells (see the module)."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in FROM_THIS_SITE
    origin = request.headers.get("Origin")
    if origin and origin != "null":  # "null": sent with Referrer-Policy: no-referrer
        return origin == f"{request.scheme}://{request.get_host()}" or (
            origin in settings.CSRF_TRUSTED_ORIGINS
        )
    return True


@csrf_exempt  # no CSRF cookie for visitors: checked by sent_from_this_site instead
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's view (its form and password check), for posts from this site only.

    The right password marks the restriction as passed in the session, which sets Wagtail's
    session cookie until the browser closes: the only cookie a visitor can get, and only after
    choosing to enter the password. A wrong one sets nothing."""
    if request.method == "POST" and not sent_from_this_site(request):
        return csrf_failure(request, reason="Password form posted from another site.")
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)


@never_cache
@require_safe
def staff_only(request):
    """Stands in for Wagtail's sign-in form (WAGTAIL_FRONTEND_LOGIN_URL's default): a page that
    says the section is for signed-in staff, with a link to the admin's sign-in."""
    next_url = request.GET.get("next", "")
    sign_in_url = reverse("wagtailadmin_login")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        sign_in_url += "?" + urlencode({"next": next_url})
    return render(request, "site/staff_only.html", {"sign_in_url": sign_in_url})
