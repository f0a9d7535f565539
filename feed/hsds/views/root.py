"""/api/hsds/: what this API is, for HSDS clients (getAPIMetaInformation)."""

from drf_spectacular.utils import extend_schema

from feed.hsds.openapi import HsdsRootSerializer
from feed.hsds.views.base import HSDS_OPENAPI, HsdsView
from feed.schema import PROBLEM, ProblemSerializer


class HsdsRootView(HsdsView):
    @extend_schema(
        operation_id="hsds_root",
        summary="HSDS: this API and its relationship with HSDS",
        responses={200: HsdsRootSerializer, 304: None, (400, PROBLEM): ProblemSerializer},
    )
    def get(self, request, *args, **kwargs):
        """The HSDS version, profile and OpenAPI description (getAPIMetaInformation)."""
        return super().get(request, *args, **kwargs)

    def build(self, request):
        return {
            "hsds": {
                "version": "3.0",
                "profile": "https://docs.openreferral.org/en/3.0/",
                "openapi_url": HSDS_OPENAPI,
            }
        }
