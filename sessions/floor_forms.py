"""Forms of the live floor: they validate what was typed; the services decide the rest."""

from django import forms

from .models import FloorMotion, Speech


class MotionForm(forms.Form):
    kind = forms.ChoiceField(label="Motion", choices=FloorMotion.Kind.choices)
    minutes = forms.IntegerField(
        label="Suspension (minutes)", required=False, min_value=1, max_value=240
    )
    seconds = forms.IntegerField(
        label="Speaking time (seconds)", required=False, min_value=5, max_value=3600
    )
    order = forms.CharField(label="New order of the drafts", required=False, max_length=100)
    draft = forms.IntegerField(label="Draft to divide", required=False, min_value=1, max_value=999)
    parts = forms.CharField(label="Operative clauses apart", required=False, max_length=100)
    delegation = forms.TypedChoiceField(
        label="Moved by", required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, delegations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegation"].choices = [("", "— the chair —")] + [
            (d.pk, d.name) for d in delegations
        ]


class CountsForm(forms.Form):
    yes = forms.IntegerField(label="In favor", min_value=0, max_value=999)
    no = forms.IntegerField(label="Against", min_value=0, max_value=999)


class YieldForm(forms.Form):
    yield_to = forms.ChoiceField(choices=Speech.Yield.choices, required=False)
    question_seconds = forms.IntegerField(
        label="Question time (seconds)", required=False, min_value=5, max_value=3600
    )
    delegation = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)

    def __init__(self, *args, delegations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegation"].choices = [("", "—")] + [(d.pk, d.name) for d in delegations]
