from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone

from .errors import DomainError
from .services import parse_agenda_order


class MeetingForm(forms.Form):
    name = forms.CharField(
        max_length=100, help_text="For example “Sunday evening” or “Monday morning”."
    )
    starts_at = forms.DateTimeField(
        label="Starts at",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="Leave empty for now.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_at"].initial = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Open meeting and start roll call"))


class TopicForm(forms.Form):
    title = forms.CharField(max_length=300, label="Topic title")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
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


class CsvImportForm(forms.Form):
    KIND_CHOICES = [("delegations", "Delegations"), ("users", "User accounts")]
    kind = forms.ChoiceField(choices=KIND_CHOICES)
    file = forms.FileField(help_text="UTF-8 CSV with a header row.")
