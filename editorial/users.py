"""The admin's user form lists each group with what its role may do.

Wagtail's form shows every group by its bare name; an administrator choosing a role for a new
editor needs to see what the role allows. Wagtail uses this view set through
`editorial.users_app.EditorialUsersConfig` (the `wagtail.users` app in INSTALLED_APPS), the way
Wagtail documents custom user forms."""

from django import forms
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet

from editorial.roles import BY_NAME


class RoleChoiceField(forms.ModelMultipleChoiceField):
    """A group as "name: what it may do" (the role's description); other groups by name."""

    def label_from_instance(self, group):
        role = BY_NAME.get(group.name)
        return f"{group.name}: {role.description}" if role else group.name


class RolesFormMixin(forms.Form):
    groups = RoleChoiceField(
        queryset=Group.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Roles"),
        help_text=_("What the user may do. Editors submit changes; reviewers publish them."),
    )


class RolesUserCreationForm(RolesFormMixin, UserCreationForm):
    pass


class RolesUserEditForm(RolesFormMixin, UserEditForm):
    pass


class EditorialUserViewSet(UserViewSet):
    def get_form_class(self, for_update=False):
        return RolesUserEditForm if for_update else RolesUserCreationForm
