from django.contrib import admin

from .models import (
    Amendment,
    AmendmentSupport,
    Comment,
    DraftResolution,
    Revision,
    Round,
    Supporter,
    WorkingPaper,
)


class SupporterInline(admin.TabularInline):
    model = Supporter
    extra = 0
    readonly_fields = ["delegation", "role", "state", "position", "invited_at", "answered_at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class RevisionInline(admin.TabularInline):
    model = Revision
    extra = 0
    fields = ["number", "author", "created_at", "note"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(WorkingPaper)
class WorkingPaperAdmin(admin.ModelAdmin):
    list_display = ["__str__", "committee", "topic", "status", "created_at", "status_changed_at"]
    list_filter = ["committee", "status"]
    search_fields = ["title"]
    readonly_fields = [
        "committee",
        "topic",
        "number",
        "status",
        "created_by",
        "merged_into",
        "reason",
    ]
    inlines = [SupporterInline, RevisionInline]
    list_select_related = ["committee", "topic"]


class CommentInline(admin.TabularInline):
    model = Comment
    extra = 0
    readonly_fields = ["clause", "text", "author", "created_at"]


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["__str__", "outcome", "submitted_at", "answered_at"]
    list_filter = ["outcome", "paper__committee"]
    readonly_fields = [
        "paper",
        "number",
        "revision",
        "submitted_by",
        "submitted_at",
        "outcome",
        "answered_by",
        "answered_at",
        "general_comment",
    ]
    inlines = [CommentInline]


@admin.register(DraftResolution)
class DraftResolutionAdmin(admin.ModelAdmin):
    list_display = ["code", "committee", "topic", "number", "approved_at", "approved_by"]
    list_filter = ["committee", "topic"]
    search_fields = ["code"]
    readonly_fields = [
        "paper",
        "committee",
        "topic",
        "number",
        "code",
        "revision",
        "approved_by",
        "approved_at",
    ]


class AmendmentSupportInline(admin.TabularInline):
    model = AmendmentSupport
    extra = 0
    readonly_fields = ["delegation", "role", "state", "invited_at", "answered_at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Amendment)
class AmendmentAdmin(admin.ModelAdmin):
    """Read-only: amendments change through their services."""

    list_display = ["__str__", "committee", "kind", "status", "proposer", "submitted_at"]
    list_filter = ["committee", "kind", "status"]
    search_fields = ["draft__code"]
    list_select_related = ["committee", "draft", "proposer__member_state"]
    readonly_fields = [
        "committee",
        "draft",
        "number",
        "kind",
        "status",
        "proposer",
        "created_by",
        "created_at",
        "status_changed_at",
        "submitted_at",
        "base_revision",
        "operations",
        "applied_revision",
        "decided_by",
        "decided_at",
        "reason",
    ]
    inlines = [AmendmentSupportInline]

    def has_add_permission(self, request):
        return False
