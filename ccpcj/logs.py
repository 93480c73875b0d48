"""Logging helpers."""

import logging

from django.core.exceptions import PermissionDenied


class NoTracebackForPermissionDenied(logging.Filter):
    """Keep the "Forbidden" line of a refused action, drop its traceback."""

    def filter(self, record):
        if record.exc_info and isinstance(record.exc_info[1], PermissionDenied):
            record.exc_info = None
            record.exc_text = None
        return True
