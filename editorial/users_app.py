"""Wagtail's users app, with the user form of editorial/users.py."""

from wagtail.users.apps import WagtailUsersAppConfig


class EditorialUsersConfig(WagtailUsersAppConfig):
    user_viewset = "editorial.users.EditorialUserViewSet"
