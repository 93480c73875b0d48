from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.template.response import TemplateResponse

from . import services
from .errors import DomainError
from .forms import CsvImportForm
from .imports import ImportFailed, import_delegations, import_users
from .models import (
    AuditEntry,
    Committee,
    Conference,
    DaisRole,
    Delegate,
    Delegation,
    Floor,
    FloorMotion,
    Meeting,
    MemberState,
    RollCallEntry,
    SpeakersList,
    Speech,
    Topic,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records a service owns: the admin shows them and never changes them. Meetings are
    opened and removed on the roll-call page, topics proposed on the agenda page."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ServiceForm(forms.ModelForm):
    """A form whose checks are the service's: a refusal shows as a form error."""

    check = None

    def clean(self):
        cleaned = super().clean()
        if self.check is not None and not self.errors:
            try:
                self.check(cleaned)
            except DomainError as error:
                raise forms.ValidationError(error.message) from None
        return cleaned


class CommitteeInline(ReadOnlyInline):
    model = Committee
    fields = ["acronym", "full_name", "slug", "body_kind"]
    readonly_fields = fields


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

    def save_model(self, request, obj, form, change):
        services.conference_save(conference=obj, changes=form.changed_data, actor=request.user)

    def has_delete_permission(self, request, obj=None):
        return False


class DaisRoleInline(ReadOnlyInline):
    model = DaisRole
    fields = ["user", "role"]
    readonly_fields = fields


class TopicInline(ReadOnlyInline):
    model = Topic
    fields = ["proposed_number", "title", "agenda_position", "status"]
    readonly_fields = fields


class CommitteeForm(ServiceForm):
    class Meta:
        model = Committee
        fields = ["conference", "full_name", "acronym", "slug", *services.RULE_FIELDS]

    def check(self, cleaned):
        services.check_committee_changes(self.instance, self.changed_data)


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    form = CommitteeForm
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
            "Rules (they can be corrected until the first meeting opens)",
            {
                "fields": [
                    "signatory_threshold_percent",
                    "closure_majority",
                    "debate_quorum",
                    "vote_quorum",
                    "roll_call_with_rights",
                    "draft_code_format",
                    "resolution_code_format",
                    "speaking_time",
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

    def save_model(self, request, obj, form, change):
        services.committee_save(committee=obj, changes=form.changed_data, actor=request.user)

    def has_delete_permission(self, request, obj=None):
        return False

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
class MemberStateAdmin(ReadOnlyAdmin):
    """The UN's Member States and observer States, loaded from sessions/data."""

    list_display = ["name", "iso3", "is_un_member", "is_permanent_member"]
    list_filter = ["is_un_member", "is_permanent_member"]
    search_fields = ["name", "iso3"]


class DelegateInline(ReadOnlyInline):
    model = Delegate
    fields = ["user"]
    readonly_fields = fields


class DelegationForm(ServiceForm):
    class Meta:
        model = Delegation
        fields = ["committee", "member_state", "organization_name", "is_observer"]

    def check(self, cleaned):
        if self.instance.pk and "is_observer" in self.changed_data:
            services.check_observer_change(self.instance)


@admin.register(Delegation)
class DelegationAdmin(admin.ModelAdmin):
    """Delegations are added through the service (audited); afterwards only their observer
    status can change, before the first roll call. A delegation that leaves is withdrawn,
    never deleted: its answers and signatures stay on record."""

    form = DelegationForm
    list_display = ["__str__", "committee", "is_observer", "n_delegates", "withdrawn_at"]
    list_filter = ["committee", "is_observer"]
    search_fields = ["member_state__name", "member_state__iso3", "organization_name"]
    autocomplete_fields = ["member_state"]
    inlines = [DelegateInline]
    actions = ["withdraw"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ["withdrawn_at"]
        return ["committee", "member_state", "organization_name", "added_at", "withdrawn_at"]

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

    def save_model(self, request, obj, form, change):
        if change:
            services.delegation_set_observer(
                delegation=obj, is_observer=form.cleaned_data["is_observer"], actor=request.user
            )
            return
        delegation, _ = services.delegation_add(
            committee=obj.committee,
            member_state=obj.member_state,
            organization_name=obj.organization_name,
            is_observer=obj.is_observer,
            actor=request.user,
        )
        obj.pk = delegation.pk
        obj._state.adding = False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Withdraw from the committee (the record stays)")
    def withdraw(self, request, queryset):
        for delegation in queryset.select_related("committee", "member_state"):
            try:
                services.delegation_withdraw(delegation=delegation, actor=request.user)
            except DomainError as error:
                self.message_user(request, error.message, messages.ERROR)
            else:
                self.message_user(request, f"{delegation} withdrew from the committee.")


class AssignmentAdmin(admin.ModelAdmin):
    """A role or a delegate's seat: assigned and removed through a service (audited);
    changed by removing and assigning again."""

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(DaisRole)
class DaisRoleAdmin(AssignmentAdmin):
    list_display = ["user", "role", "committee"]
    list_filter = ["role", "committee"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user"]

    def save_model(self, request, obj, form, change):
        role = services.dais_role_assign(
            committee=obj.committee, user=obj.user, role=obj.role, actor=request.user
        )
        obj.pk = role.pk
        obj._state.adding = False

    def delete_model(self, request, obj):
        services.dais_role_remove(dais_role=obj, actor=request.user)


class DelegateForm(ServiceForm):
    class Meta:
        model = Delegate
        fields = ["user", "delegation"]

    def check(self, cleaned):
        existing = Delegate.objects.filter(user=cleaned["user"]).first()
        if existing is not None and existing.delegation_id != cleaned["delegation"].pk:
            raise DomainError(
                f"{cleaned['user'].get_username()} already represents {existing.delegation}."
            )

    def validate_unique(self):
        """The service explains a taken seat (see ``check``)."""


@admin.register(Delegate)
class DelegateAdmin(AssignmentAdmin):
    form = DelegateForm
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

    def save_model(self, request, obj, form, change):
        delegate = services.delegate_assign(
            delegation=obj.delegation, user=obj.user, actor=request.user
        )
        obj.pk = delegate.pk
        obj._state.adding = False

    def delete_model(self, request, obj):
        services.delegate_remove(delegate=obj, actor=request.user)


class RollCallEntryInline(ReadOnlyInline):
    model = RollCallEntry
    fields = ["delegation", "status", "marked_at"]
    readonly_fields = fields
    show_change_link = False


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
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
class TopicAdmin(ReadOnlyAdmin):
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


# The live floor: changed only on the floor page, through sessions.floor.


@admin.register(Speech)
class SpeechAdmin(ReadOnlyAdmin):
    list_display = ["delegation", "speakers_list", "status", "started_at", "duration", "yielded"]
    list_filter = ["status", "speakers_list__topic__committee"]
    list_select_related = ["delegation__member_state", "speakers_list__topic"]


@admin.register(FloorMotion)
class FloorMotionAdmin(ReadOnlyAdmin):
    list_display = ["subject", "committee", "delegation", "raised_at", "status", "result"]
    list_filter = ["committee", "kind", "status"]
    list_select_related = ["committee", "delegation__member_state", "topic"]


@admin.register(Floor)
class FloorAdmin(ReadOnlyAdmin):
    list_display = ["committee", "sequence", "suspended_at", "suspension_seconds", "adjourned_at"]
    list_select_related = ["committee"]


@admin.register(SpeakersList)
class SpeakersListAdmin(ReadOnlyAdmin):
    list_display = ["topic", "speaking_time"]
    list_select_related = ["topic__committee"]
