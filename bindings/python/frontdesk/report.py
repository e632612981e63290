"""Reports built from the store (R-COM-4)."""

import json

from . import core as _c
from ._convert import Handle

__all__ = ["DailyReport"]


class DailyReport(Handle):
    """A site's daily report; ``text()`` for people, ``to_dict()`` for scripts."""

    _free = staticmethod(_c.fd_report_free)

    @property
    def total(self):
        """Number of journal entries the report counted."""
        return _c.fd_report_total(self._handle())

    def text(self):
        return _c.fd_report_render(self._handle(), _c.FD_REPORT_TEXT)

    def json(self):
        return _c.fd_report_render(self._handle(), _c.FD_REPORT_JSON)

    def to_dict(self):
        return json.loads(self.json())

    def __str__(self):
        return self.text()
