from django import forms

from sessions.models import Delegation

from . import selectors
from .limits import MAX_CLAUSE_CHARS, MAX_PASTE_CHARS, MAX_TITLE_CHARS
from .models import Supporter, WorkingPaper


class MaxChars:
    """A length limit named in its message ("at most 5,000 characters; this one has 7,211").

    Used instead of ``max_length``, which would also put ``maxlength`` on the input and let
    the browser cut a pasted text short without a word; ``data-max-chars`` lets the page
    warn before sending instead (static/js/forms.js)."""

    def __init__(self, what, limit):
        self.what, self.limit = what, limit

    def __call__(self, value):
        # A line break is one character, as the page counts it (browsers send "\r\n").
        length = len(value.replace("\r\n", "\n"))
        if length > self.limit:
            raise forms.ValidationError(
                f"{self.what} can have at most {self.limit:,} characters; this one has "
                f"{length:,}. Shorten it and try again.",
                code="max_length",
            )

    def __eq__(self, other):
        return isinstance(other, MaxChars) and (self.what, self.limit) == (other.what, other.limit)


def limited(what, limit, **kwargs):
    """A CharField whose length limit is checked by ``MaxChars`` and announced to the page."""
    widget = kwargs.pop("widget", forms.TextInput)
    if isinstance(widget, type):
        widget = widget()
    widget.attrs["data-max-chars"] = limit
    return forms.CharField(validators=[MaxChars(what, limit)], widget=widget, **kwargs)


class PaperCreateForm(forms.Form):
    title = limited(
        "A title",
        MAX_TITLE_CHARS,
        required=False,
        help_text="Optional: a few words to tell your papers apart, e.g. “Data sharing”.",
    )


class WithdrawForm(forms.Form):
    reason = limited(
        "The reason",
        500,
        label="Why (optional)",
        required=False,
        help_text="Shown on the paper; at most 500 characters.",
    )


class PasteForm(forms.Form):
    text = limited(
        "A pasted text",
        MAX_PASTE_CHARS,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false"}),
        label="Paste the whole text",
        help_text="From a word processor or a PDF: labels, numbering and punctuation are "
        "worked out for you, and anything that had to be guessed is listed.",
    )


class ClauseForm(forms.Form):
    OPERATIONS = [
        "set",
        "add_after",
        "append_pre",
        "append_op",
        "add_child",
        "delete",
        "up",
        "down",
        "indent",
        "outdent",
    ]
    op = forms.ChoiceField(choices=[(o, o) for o in OPERATIONS])
    key = forms.CharField(required=False, max_length=40)
    phrase = limited("An opening phrase", 100, required=False)
    rest = limited(
        "A clause",
        MAX_CLAUSE_CHARS,
        required=False,
        widget=forms.Textarea,
    )

    def text(self):
        phrase = self.cleaned_data.get("phrase", "").strip()
        rest = self.cleaned_data.get("rest", "").strip()
        return " ".join(part for part in (phrase, rest) if part)


class InviteForm(forms.Form):
    delegation = forms.ModelChoiceField(queryset=Delegation.objects.none())
    role = forms.ChoiceField(choices=Supporter.Role.choices, initial=Supporter.Role.SIGNATORY)

    def __init__(self, *args, paper, **kwargs):
        super().__init__(*args, **kwargs)
        taken = paper.supporters.exclude(state=Supporter.State.DECLINED).values("delegation")
        self.fields["delegation"].widget.attrs["class"] = "form-select form-select-sm"
        self.fields["role"].widget.attrs["class"] = "form-select form-select-sm"
        self.fields["delegation"].queryset = (
            Delegation.objects.filter(committee=paper.committee, withdrawn_at__isnull=True)
            .exclude(pk__in=taken)
            .select_related("member_state")
            .order_by("member_state__name", "organization_name")
        )


class ReturnForm(forms.Form):
    general_comment = limited(
        "The general comment",
        MAX_CLAUSE_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
        label="General comment",
        help_text="Sent to the sponsors with the comments on clauses.",
        template_name="partials/field.html",
    )


class CommentForm(forms.Form):
    clause = forms.CharField(max_length=40, widget=forms.HiddenInput)
    text = limited(
        "A comment",
        MAX_CLAUSE_CHARS,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Comment",
    )


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(queryset=WorkingPaper.objects.none(), label="Merge into")
    comment = limited(
        "The comment",
        MAX_CLAUSE_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, paper, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = selectors.merge_candidates(
            topic=paper.topic, paper=paper.pk
        ).select_related("topic")


class NotAcceptForm(forms.Form):
    reason = limited(
        "The reason",
        MAX_CLAUSE_CHARS,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
        help_text="The sponsors see this reason.",
        template_name="partials/field.html",
    )
