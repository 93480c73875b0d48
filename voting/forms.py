from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from sessions.errors import DomainError

from . import services
from .models import Method

COUNT = {"min_value": 0, "max_value": 999}


def _helper(label, css="btn-primary"):
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True  # the template's form has its token
    helper.add_input(Submit("submit", label, css_class=css))
    return helper


class CountsForm(forms.Form):
    """Counts of a placard vote (procedural motions have no abstentions)."""

    yes = forms.IntegerField(label="In favor", **COUNT)
    no = forms.IntegerField(label="Against", **COUNT)
    abstain = forms.IntegerField(label="Abstaining", initial=0, **COUNT)
    permanent_no = forms.IntegerField(
        label="Permanent members against", initial=0, required=False, **COUNT
    )

    COUNTS = ("yes", "no", "abstain", "permanent_no")

    def __init__(
        self,
        *args,
        security_council=False,
        abstentions=True,
        label="Record",
        abstain_max=None,
        **kw,
    ):
        super().__init__(*args, **kw)
        if not security_council:
            del self.fields["permanent_no"]
        if not abstentions:
            del self.fields["abstain"]
        for name, field in self.fields.items():
            if isinstance(field, forms.IntegerField):
                # A number pad on a phone, but a text field: a browser's number field drops
                # what is not a digit as it is typed ("2o" became 2), where this keeps it and
                # the form says what is wrong.
                attrs = {"inputmode": "numeric", "class": "form-control-lg", "autocomplete": "off"}
                if name in self.COUNTS:
                    # What the question before announcing shows (static/js/confirm.js).
                    attrs["data-count"] = field.label
                    field.error_messages["min_value"] = "A count cannot be negative."
                if name == "abstain" and abstain_max is not None:
                    attrs["data-count-max"] = abstain_max
                if name == "permanent_no":
                    attrs["data-count-in-total"] = "no"  # counted among those against
                field.widget = forms.TextInput(attrs=attrs)
        self.helper = _helper(label)

    def counts(self):
        data = self.cleaned_data
        return {
            "yes": data["yes"],
            "no": data["no"],
            "abstain": data.get("abstain") or 0,
            "permanent_no": data.get("permanent_no") or 0,
        }


class MotionForm(CountsForm):
    MOTIONS = [
        ("agenda", "Adoption of the agenda"),
        ("closure", "Closure of debate"),
        ("reorder", "Reorder the draft resolutions"),
        ("division", "Division of the question"),
        ("other", "Other procedural motion"),
    ]
    motion = forms.ChoiceField(choices=MOTIONS)
    order = forms.CharField(
        label="Order",
        required=False,
        max_length=100,
        help_text="Agenda: topic numbers (“1, 2”). Reorder: draft numbers (“3, 1, 2”).",
    )
    draft = forms.IntegerField(
        label="Draft number",
        required=False,
        min_value=1,
        max_value=999,
        help_text="Division: “2” for DR 1/2.",
    )
    parts = forms.CharField(
        label="Parts",
        required=False,
        max_length=200,
        help_text="Division: operative clauses voted separately, parts split by “;” (“3; 5, 6”).",
    )
    subject = forms.CharField(
        label="Motion", required=False, max_length=200, help_text="Other: what it proposes."
    )
    method = forms.ChoiceField(
        label="How",
        choices=[
            (Method.PLACARD, "Placard vote: enter the counts below"),
            (Method.ROLL_CALL, "Roll-call vote: call every delegation present"),
        ],
        initial=Method.PLACARD,
        required=False,
        widget=forms.RadioSelect,
    )
    field_order = ["motion", "order", "draft", "parts", "subject", "method", "yes", "no"]

    def __init__(self, *args, **kw):
        super().__init__(*args, abstentions=False, label="Record the vote", **kw)
        self.fields["yes"].required = self.fields["no"].required = False
        self.fields["yes"].help_text = "Placard vote only."

    def clean(self):
        data = super().clean()
        data["method"] = data.get("method") or Method.PLACARD
        if data["method"] == Method.PLACARD:
            for name in ("yes", "no"):
                if data.get(name) is None and name not in self.errors:
                    self.add_error(name, "Enter the count (0 or more) for a placard vote.")
        motion = data.get("motion")
        try:
            if motion in ("agenda", "reorder"):
                data["order"] = services.parse_numbers(data.get("order"), what="numbers")
            else:
                data["order"] = None
            if motion == "division":
                if not data.get("draft"):
                    self.add_error("draft", "Which draft is divided?")
                data["parts"] = services.parse_parts(data.get("parts"))
            else:
                data["parts"] = None
        except DomainError as error:
            self.add_error("parts" if motion == "division" else "order", error.message)
        if motion == "other" and not (data.get("subject") or "").strip():
            self.add_error("subject", "Say what the motion proposes.")
        return data


class OpenItemForm(forms.Form):
    method = forms.ChoiceField(choices=Method.choices, widget=forms.RadioSelect)
    majority = forms.ChoiceField(
        choices=[("simple", "Simple majority"), ("two_thirds", "Two-thirds majority")],
        initial="simple",
    )

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.fields["method"].initial = Method.WITHOUT_VOTE
        self.helper = _helper("Put it to the committee")
