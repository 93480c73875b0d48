"""Votes, their ballots and the resolutions are the services' records: read-only here."""

from django.contrib import admin

from .models import Ballot, Item, Resolution, Vote, VotingProcedure


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class BallotInline(admin.TabularInline):
    model = Ballot
    fields = ["delegation", "answer", "with_rights", "passed", "recorded_by", "recorded_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Vote)
class VoteAdmin(ReadOnly):
    list_display = ["subject", "committee", "method", "status", "result", "opened_at"]
    list_filter = ["committee", "kind", "method", "status"]
    search_fields = ["subject", "result"]
    inlines = [BallotInline]


class ItemInline(admin.TabularInline):
    model = Item
    fields = ["position", "kind", "draft", "clauses", "status", "result"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(VotingProcedure)
class VotingProcedureAdmin(ReadOnly):
    list_display = ["__str__", "committee", "status", "opened_at", "finished_at"]
    list_filter = ["committee", "status"]
    search_fields = ["topic__title"]
    inlines = [ItemInline]


@admin.register(Resolution)
class ResolutionAdmin(ReadOnly):
    list_display = ["code", "committee", "topic", "adopted_at"]
    list_filter = ["committee", "topic"]
    search_fields = ["code"]
