from django.contrib import admin, messages
from django.db.models import Count, Q
from django.template.response import TemplateResponse

from .forms import CsvImportForm
from .imports import ImportFailed, import_delegations, import_users
from .models import (
    AuditEntry,
    Committee,
    Conference,
    DaisRole,
    Delegate,
    Delegation,
    Meeting,
    MemberState,
    RollCallEntry,
    Topic,
)


class CommitteeInline(admin.TabularInline):
    model = Committee
    fields = ["acronym", "full_name", "slug", "body_kind"]
    extra = 0
    show_change_link = True


@admin.register(Conference)
class ConferenceAdmin(admin.ModelAdmin):
    list_display = ["name", "session_label", "start_date", "end_date", "n_committees"]
    search_fields = ["name", "session_label"]
    list_filter = ["start_date"]
    inlines = [CommitteeInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n=Count("committees"))

    @admin.display(description="Committees", ordering="n")
    def n_committees(self, obj):
        return obj.n


class DaisRoleInline(admin.TabularInline):
    model = DaisRole
    extra = 0
    autocomplete_fields = ["user"]


class TopicInline(admin.TabularInline):
    model = Topic
    extra = 0
    fields = ["proposed_number", "title", "agenda_position", "status"]
    readonly_fields = ["agenda_position", "status"]


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = [
        "acronym",
        "full_name",
        "conference",
        "body_kind",
        "n_delegations",
        "agenda_adopted_at",
    ]
    list_filter = ["conference", "body_kind"]
    search_fields = ["acronym", "full_name", "slug"]
    prepopulated_fields = {"slug": ["acronym"]}
    readonly_fields = ["agenda_adopted_at"]
    inlines = [DaisRoleInline, TopicInline]
    actions = ["import_csv"]
    fieldsets = [
        (None, {"fields": ["conference", "full_name", "acronym", "slug", "body_kind"]}),
        (
            "Rules",
            {
                "fields": [
                    "signatory_threshold_percent",
                    "closure_majority",
                    "debate_quorum",
                    "vote_quorum",
                    "roll_call_with_rights",
                    "draft_code_format",
                    "resolution_code_format",
                ]
            },
        ),
        ("State", {"fields": ["agenda_adopted_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("conference")
            .annotate(n_del=Count("delegations"))
        )

    @admin.display(description="Delegations", ordering="n_del")
    def n_delegations(self, obj):
        return obj.n_del

    @admin.action(description="Import delegations or accounts from CSV")
    def import_csv(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request, "Select exactly one committee to import into.", messages.ERROR
            )
            return None
        committee = queryset.get()
        form = CsvImportForm()
        errors = []
        if "apply" in request.POST:
            form = CsvImportForm(request.POST, request.FILES)
            if form.is_valid():
                raw = form.cleaned_data["file"].read()
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    errors = ["the file is not UTF-8 text; save it as “CSV UTF-8”"]
                else:
                    importer = (
                        import_delegations
                        if form.cleaned_data["kind"] == "delegations"
                        else import_users
                    )
                    try:
                        result = importer(committee=committee, text=text, actor=request.user)
                    except ImportFailed as failure:
                        errors = failure.errors
                    else:
                        return TemplateResponse(
                            request,
                            "admin/committee/import_done.html",
                            {
                                **self.admin_site.each_context(request),
                                "title": f"Imported into {committee.acronym}",
                                "committee": committee,
                                "result": result,
                                "accounts_csv": result.accounts_csv(),
                                "kind": form.cleaned_data["kind"],
                                "opts": self.model._meta,
                            },
                        )
        return TemplateResponse(
            request,
            "admin/committee/import_csv.html",
            {
                **self.admin_site.each_context(request),
                "title": f"Import CSV into {committee.acronym}",
                "committee": committee,
                "form": form,
                "errors": errors,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(MemberState)
class MemberStateAdmin(admin.ModelAdmin):
    list_display = ["name", "iso3", "is_un_member", "is_permanent_member"]
    list_filter = ["is_un_member", "is_permanent_member"]
    search_fields = ["name", "iso3"]


class DelegateInline(admin.TabularInline):
    model = Delegate
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Delegation)
class DelegationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "committee", "is_observer", "n_delegates"]
    list_filter = ["committee", "is_observer"]
    search_fields = ["member_state__name", "member_state__iso3", "organization_name"]
    autocomplete_fields = ["member_state"]
    inlines = [DelegateInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("member_state", "committee")
            .annotate(n=Count("delegates"))
        )

    @admin.display(description="Delegates", ordering="n")
    def n_delegates(self, obj):
        return obj.n


@admin.register(DaisRole)
class DaisRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "committee"]
    list_filter = ["role", "committee"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user"]


@admin.register(Delegate)
class DelegateAdmin(admin.ModelAdmin):
    list_display = ["user", "delegation", "committee"]
    list_filter = ["delegation__committee"]
    search_fields = [
        "user__username",
        "user__first_name",
        "user__last_name",
        "delegation__member_state__name",
        "delegation__organization_name",
    ]
    autocomplete_fields = ["user", "delegation"]
    list_select_related = ["user", "delegation__member_state", "delegation__committee"]

    @admin.display(description="Committee")
    def committee(self, obj):
        return obj.delegation.committee.acronym


class RollCallEntryInline(admin.TabularInline):
    model = RollCallEntry
    extra = 0
    readonly_fields = ["delegation", "status", "marked_at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "committee", "starts_at", "present"]
    list_filter = ["committee"]
    search_fields = ["name"]
    inlines = [RollCallEntryInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("committee")
            .annotate(n=Count("roll_call", filter=~Q(roll_call__status="absent")))
        )

    @admin.display(description="Present", ordering="n")
    def present(self, obj):
        return obj.n


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["title", "committee", "proposed_number", "agenda_position", "status"]
    list_filter = ["committee", "status"]
    search_fields = ["title"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "committee", "actor", "action", "target_repr"]
    list_filter = ["committee", "action"]
    search_fields = ["action", "target_repr", "actor__username"]
    date_hierarchy = "created_at"
    list_select_related = ["committee", "actor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
