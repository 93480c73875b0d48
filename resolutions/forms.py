from django import forms

from sessions.models import Delegation

from .limits import MAX_CLAUSE_CHARS, MAX_PASTE_CHARS, MAX_TITLE_CHARS
from .models import Supporter, WorkingPaper


def _too_long(what, limit):
    return {
        "max_length": f"{what} can have at most {limit:,} characters; this one has "
        "%(show_value)s. Shorten it and try again."
    }


class PaperCreateForm(forms.Form):
    title = forms.CharField(
        max_length=MAX_TITLE_CHARS,
        required=False,
        help_text="Optional: a few words to tell your papers apart, e.g. “Data sharing”.",
        error_messages=_too_long("A title", MAX_TITLE_CHARS),
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why (optional)",
        max_length=500,
        error_messages=_too_long("The reason", 500),
        required=False,
        help_text="Shown on the paper; at most 500 characters.",
    )


class PasteForm(forms.Form):
    text = forms.CharField(
        max_length=MAX_PASTE_CHARS,
        error_messages=_too_long("A pasted text", MAX_PASTE_CHARS),
        widget=forms.Textarea(
            attrs={"rows": 14, "spellcheck": "false", "data-max-chars": MAX_PASTE_CHARS}
        ),
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
    phrase = forms.CharField(
        required=False, max_length=100, error_messages=_too_long("An opening phrase", 100)
    )
    rest = forms.CharField(
        required=False,
        max_length=MAX_CLAUSE_CHARS,
        error_messages=_too_long("A clause", MAX_CLAUSE_CHARS),
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
            Delegation.objects.filter(committee=paper.committee)
            .exclude(pk__in=taken)
            .select_related("member_state")
            .order_by("member_state__name", "organization_name")
        )


class ReturnForm(forms.Form):
    general_comment = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="General comment",
        help_text="Sent to the sponsors with the comments on clauses.",
    )


class CommentForm(forms.Form):
    clause = forms.CharField(max_length=40, widget=forms.HiddenInput)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label="Comment")


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(queryset=WorkingPaper.objects.none(), label="Merge into")
    comment = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, paper, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = (
            WorkingPaper.objects.filter(
                topic=paper.topic,
                status__in=[
                    WorkingPaper.Status.SUBMITTED,
                    WorkingPaper.Status.RESUBMITTED,
                    WorkingPaper.Status.RETURNED,
                ],
            )
            .exclude(pk=paper.pk)
            .select_related("topic")
        )


class NotAcceptForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), help_text="The sponsors see this reason."
    )
