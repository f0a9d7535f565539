"""The product's URLs plus Wagtail API v2 at /api/v2/ (benchmark reference only)."""

from django.urls import path
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.urls import urlpatterns as product_urlpatterns
from knowledge.models import SectionPage

# Like for like: v2 returns what our feed returns of a section (the product declares no
# api_fields, so v2 alone would return titles only).
SectionPage.api_fields = [APIField("number"), APIField("summary"), APIField("body")]

router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [path("api/v2/", router.urls), *product_urlpatterns]
