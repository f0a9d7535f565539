"""The admin form of a service record: checks across its rows that no single row can see."""

from wagtail.admin.forms import WagtailAdminModelForm

from services.validation import overlapping_periods


class ServiceForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        hours = self.formsets.get("hours")
        if hours is not None:
            periods = [
                (
                    form.cleaned_data["weekday"],
                    form.cleaned_data["opens"],
                    form.cleaned_data["closes"],
                )
                for form in hours.forms
                if form.is_valid()
                and form.cleaned_data
                and not form.cleaned_data.get("DELETE")
                and None not in (form.cleaned_data.get("opens"), form.cleaned_data.get("closes"))
            ]
            for overlap in overlapping_periods(periods):
                self.add_error(None, f"Opening periods overlap: {overlap}.")
        return cleaned
