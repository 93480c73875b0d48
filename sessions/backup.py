"""JSON backup and restore of committees or a whole conference.

A registry of exporters: each app registers its models, in the order they can be restored,
with the path from the model to its committee (``register(Model, committee="paper__committee")``).
The outcome app registers sessions, resolutions, voting and itself; a later app (amendments)
calls ``register`` in its own ``AppConfig.ready()``.

Rows keep their primary keys, so every reference (foreign keys, the audit log's target ids)
stays true; accounts referenced by any exported row are exported too (password hashes
included: the backup is the secretariat's). Member States are referred to by ISO code, since
every database has them from its migration. The restore goes into a database holding none
of the backup's conferences, committees or accounts, in one transaction; sequences are moved
past the restored keys. Export → restore → export gives identical JSON.
"""

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import connection, models, transaction

from .errors import DomainError

FORMAT = "mun-floor-backup"
VERSION = 1


@dataclass
class Exporter:
    model: type
    committee: str  # lookup from the model to its committee ("" for Committee itself)
    natural: dict = field(default_factory=dict)  # fk field -> (model, key field)

    @property
    def label(self):
        return self.model._meta.label_lower


REGISTRY = []


def register(model, *, committee, natural=None):
    if any(e.model is model for e in REGISTRY):
        return
    REGISTRY.append(Exporter(model=model, committee=committee, natural=natural or {}))


def _fields(model):
    return [f for f in model._meta.concrete_fields]


def _value(value):
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _row(obj, exporter):
    row = {}
    for f in _fields(exporter.model):
        if f.name in exporter.natural:
            related, key = exporter.natural[f.name]
            target = getattr(obj, f.name)
            row[f.name] = getattr(target, key) if target is not None else None
        else:
            row[f.attname] = _value(getattr(obj, f.attname))
    return row


def _user_fields():
    User = get_user_model()
    return [f for f in _fields(User)]


def export_committees(committees):
    """Everything about ``committees`` (one conference or several) as a dict."""
    from .models import Committee

    committees = list(committees)
    ids = [c.pk for c in committees]
    conference_ids = sorted({c.conference_id for c in committees})
    data = {"format": FORMAT, "version": VERSION, "tables": {}}
    from .models import Conference

    data["tables"]["committee.conference"] = [
        {f.attname: _value(getattr(c, f.attname)) for f in _fields(Conference)}
        for c in Conference.objects.filter(pk__in=conference_ids).order_by("pk")
    ]
    users = set()
    User = get_user_model()
    for exporter in REGISTRY:
        lookup = f"{exporter.committee}__in" if exporter.committee else "pk__in"
        queryset = exporter.model.objects.filter(**{lookup: ids}).order_by("pk")
        if exporter.natural:
            queryset = queryset.select_related(*exporter.natural)
        rows = [_row(obj, exporter) for obj in queryset]
        for f in _fields(exporter.model):
            if f.is_relation and f.related_model is User:
                users.update(r[f.attname] for r in rows if r.get(f.attname) is not None)
        data["tables"][exporter.label] = rows
    user_rows = [
        {f.attname: _value(getattr(u, f.attname)) for f in _user_fields()}
        for u in User.objects.filter(pk__in=users).order_by("pk")
    ]
    tables = {User._meta.label_lower: user_rows, **data["tables"]}
    data["tables"] = tables
    data["committees"] = [c.slug for c in Committee.objects.filter(pk__in=ids).order_by("pk")]
    return data


def dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _models_in_order():
    from django.apps import apps

    from .models import Conference

    User = get_user_model()
    order = [(User._meta.label_lower, User, {}), ("committee.conference", Conference, {})]
    order += [(e.label, e.model, e.natural) for e in REGISTRY]
    known = {label for label, _, _ in order}
    return order, known, apps


def restore(data):
    """Restore a backup into a database holding none of its conferences, committees or
    accounts. Returns the number of rows restored."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DomainError("This file is not a backup of this application.")
    if data.get("version") != VERSION:
        raise DomainError(f"Backups of version {data.get('version')} cannot be read.")
    order, known, _apps = _models_in_order()
    tables = data.get("tables") or {}
    unknown = set(tables) - known
    if unknown:
        raise DomainError(f"The backup has tables this installation lacks: {sorted(unknown)}.")
    count = 0
    restored = []
    with transaction.atomic():
        for label, model, natural in order:
            rows = tables.get(label) or []
            if not rows:
                continue
            pks = [row[model._meta.pk.attname] for row in rows]
            if model.objects.filter(pk__in=pks).exists():
                raise DomainError(
                    f"The database already holds {model._meta.verbose_name_plural} with "
                    "the backup's ids: restore into an empty database."
                )
            lookups = {}
            for name, (related, key) in natural.items():
                values = {row[name] for row in rows if row.get(name) is not None}
                lookups[name] = dict(
                    related.objects.filter(**{f"{key}__in": values}).values_list(key, "pk")
                )
                missing = values - set(lookups[name])
                if missing:
                    raise DomainError(f"Unknown {related._meta.verbose_name}: {sorted(missing)}.")
            objs = []
            for row in rows:
                row = dict(row)
                for name in natural:
                    value = row.pop(name)
                    row[model._meta.get_field(name).attname] = (
                        lookups[name][value] if value is not None else None
                    )
                objs.append(model(**row))
            model.objects.bulk_create(objs)
            restored.append(model)
            count += len(objs)
        statements = connection.ops.sequence_reset_sql(no_style(), restored)
        if statements:
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)
    return count


def loads(text):
    try:
        return json.loads(text)
    except ValueError as error:
        raise DomainError(f"The backup is not valid JSON: {error}.") from error


__all__ = ["register", "export_committees", "dumps", "loads", "restore", "models"]
