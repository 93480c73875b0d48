from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.urls import reverse

from . import audit
from .errors import DomainError
from .models import Meeting
from .services import check_meeting_start, meeting_start_window, parse_agenda_order


class MeetingForm(forms.Form):
    name = forms.CharField(
        max_length=100, help_text="For example “Sunday evening” or “Monday morning”."
    )
    starts_at = forms.DateTimeField(
        label="Starts at",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="Leave empty to use the current time.",
    )

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.committee = committee
        first, last = meeting_start_window(committee)
        self.fields["starts_at"].widget.attrs.update(
            {"min": f"{first:%Y-%m-%d}T00:00", "max": f"{last:%Y-%m-%d}T23:59"}
        )
        self.helper = FormHelper()
        self.helper.form_action = reverse(
            "committee:meeting_create", kwargs={"committee": committee.slug}
        )
        self.helper.form_id = "meeting-form"
        self.helper.add_input(Submit("submit", "Open meeting and start roll call"))

    def clean_starts_at(self):
        starts_at = self.cleaned_data["starts_at"]
        if starts_at is not None:
            try:
                check_meeting_start(self.committee, starts_at)
            except DomainError as error:
                raise forms.ValidationError(error.message) from None
        return starts_at


class TimelineFilterForm(forms.Form):
    kind = forms.ChoiceField(label="Kind of action", required=False)
    meeting = forms.ModelChoiceField(
        label="Meeting", queryset=Meeting.objects.none(), required=False, empty_label="All"
    )

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "All")] + [
            (key, label) for key, (label, _) in audit.KINDS.items()
        ]
        self.fields["meeting"].queryset = Meeting.objects.filter(committee=committee)
        self.fields["meeting"].widget.attrs["class"] = "form-select form-select-sm"
        self.fields["meeting"].label_from_instance = lambda m: (
            f"{m.number}. {m.name} ({m.starts_at:%a %-d %b %Y})"
        )


class TopicForm(forms.Form):
    title = forms.CharField(max_length=300, label="Topic title")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's form has its token
        self.helper.form_show_labels = True


class AgendaOrderForm(forms.Form):
    order = forms.CharField(
        label="Adopted order",
        max_length=100,
        help_text="Topic numbers in the order the committee voted, for example “1, 2”.",
    )

    def clean_order(self):
        try:
            return parse_agenda_order(self.cleaned_data["order"])
        except DomainError as error:
            raise forms.ValidationError(error.message) from None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's form has its token


class CsvImportForm(forms.Form):
    KIND_CHOICES = [("delegations", "Delegations"), ("users", "User accounts")]
    kind = forms.ChoiceField(choices=KIND_CHOICES)
    file = forms.FileField(help_text="UTF-8 CSV with a header row.")
