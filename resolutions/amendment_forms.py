from django import forms

from sessions.models import Delegation

from .amendment_models import Amendment, AmendmentSupport
from .forms import ClauseForm, PasteForm, limited
from .limits import MAX_CLAUSE_CHARS


class AmendmentCreateForm(forms.Form):
    kind = forms.ChoiceField(
        choices=Amendment.Kind.choices,
        widget=forms.RadioSelect,
        initial=Amendment.Kind.UNFRIENDLY,
        help_text="Friendly: your delegation sponsors the draft and every sponsor agrees; it "
        "goes into the text once the dais approves. Unfriendly: signed by enough delegations, "
        "approved by the dais, then voted on before the draft.",
    )

    def __init__(self, *args, friendly_allowed=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not friendly_allowed:
            self.fields["kind"].choices = [
                c for c in Amendment.Kind.choices if c[0] != Amendment.Kind.FRIENDLY
            ]


class AmendmentClauseForm(ClauseForm):
    """The working paper editor's form, plus "undo" (drop one of the amendment's changes)."""

    op = forms.ChoiceField(choices=[(o, o) for o in [*ClauseForm.OPERATIONS, "undo"]])


class AmendmentPasteForm(PasteForm):
    WHERE = [
        ("end", "Add at the end of the operative part"),
        ("after", "Add after the clause below"),
        ("child", "Add as sub-clauses at the end of the clause below"),
        ("replace", "Replace the clause below"),
    ]
    where = forms.ChoiceField(choices=WHERE, initial="end", label="Where")
    key = forms.ChoiceField(choices=[], required=False, label="Clause")

    def __init__(self, *args, clauses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = "Paste the new clause(s)"
        self.fields["text"].help_text = (
            "Operative clauses only, numbered as in a word processor (“1. Calls upon …”, "
            "“a. …”): labels and punctuation are worked out for you."
        )
        self.fields["text"].widget.attrs["rows"] = 8
        self.fields["key"].choices = [("", "—")] + [(k, label) for k, label in clauses]

    def clean(self):
        data = super().clean()
        if data.get("where") != "end" and not data.get("key"):
            self.add_error("key", "Choose the clause.")
        return data


class AmendmentInviteForm(forms.Form):
    delegation = forms.ModelChoiceField(queryset=Delegation.objects.none(), label="Ask to sign")

    def __init__(self, *args, amendment, **kwargs):
        super().__init__(*args, **kwargs)
        taken = amendment.supports.exclude(state=AmendmentSupport.State.DECLINED).values(
            "delegation"
        )
        self.fields["delegation"].widget.attrs["class"] = "form-select form-select-sm"
        self.fields["delegation"].queryset = (
            Delegation.objects.filter(committee=amendment.committee)
            .exclude(pk__in=taken)
            .exclude(pk=amendment.proposer_id)
            .select_related("member_state")
            .order_by("member_state__name", "organization_name")
        )


class RejectForm(forms.Form):
    reason = limited(
        "The reason",
        MAX_CLAUSE_CHARS,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="The proposer and the committee see this reason.",
    )
