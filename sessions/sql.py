"""Written-out statements for the few paths where composing them through the ORM costs more
than running them (the reader of every committee page, a roll-call answer).

- ``Columns(model, alias)``: a model's columns in a ``SELECT`` and the instance made from them,
  the database's values going through the converters the ORM applies (SQLite gives dates as
  text and booleans as integers, JSON comes as text).
- ``insert(cursor, instance)``: the ``INSERT`` the ORM would write for a new instance (each
  field's ``pre_save`` and database preparation), its primary key read back afterwards with
  ``inserted(cursor, instance)``.
- ``pipeline()``: on PostgreSQL, statements sent inside it go out together without waiting for
  each other's replies (psycopg's pipeline mode); each still runs on its own, in order, with its
  own snapshot, and its results are there once a cursor fetches them. Elsewhere it does nothing:
  the statements simply run one after the other.
"""

from contextlib import contextmanager

from django.db import connection


class Columns:
    """A model's columns read by a written-out statement, and how to make an instance of
    them."""

    def __init__(self, model, alias):
        self.model = model
        self.fields = model._meta.concrete_fields
        self.names = [f.attname for f in self.fields]
        self.sql = ", ".join(f"{alias}.{connection.ops.quote_name(f.column)}" for f in self.fields)
        self.converters = []
        for i, field in enumerate(self.fields):
            col = field.get_col(alias)
            found = connection.ops.get_db_converters(col) + field.get_db_converters(connection)
            if found:
                self.converters.append((i, col, found))

    def __len__(self):
        return len(self.fields)

    def instance(self, values):
        """The instance, or ``None`` where a left join found nothing (no primary key)."""
        if values[0] is None:
            return None
        values = list(values)
        for i, col, converters in self.converters:
            for converter in converters:
                values[i] = converter(values[i], col, connection)
        return self.model.from_db(connection.alias, self.names, values)


def insert(cursor, instance):
    """Send the ``INSERT`` of a new ``instance`` (read its primary key with ``inserted``)."""
    meta = instance._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    values = [f.get_db_prep_save(f.pre_save(instance, True), connection) for f in fields]
    cursor.execute(
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))}) RETURNING {quote(meta.pk.column)}",
        values,
    )


def inserted(cursor, instance):
    """Read back the primary key ``insert`` sent for ``instance``: the instance is saved."""
    instance.pk = cursor.fetchone()[0]
    instance._state.adding = False
    instance._state.db = connection.alias
    return instance


@contextmanager
def pipeline():
    if connection.vendor != "postgresql":
        yield
        return
    connection.ensure_connection()
    with connection.connection.pipeline():
        yield
