"""libfrontdesk for Python: the rules Chinese front desks and service desks work by.

    import frontdesk
    with frontdesk.Store("site.db") as s:
        site = s.add_site(frontdesk.Actor.now(0), "park", "某某产业园")
        print(s.daily_report(site, "2026-11-23").text())

Errors are exceptions: :class:`frontdesk.Error` and its subclasses
(``InvalidArgument``, ``NotFound``, ``Conflict`` ...), each with ``code`` and
``message``. Modules add their functions below, one import line each.
"""

from . import core as _core
from .errors import *  # noqa: F401,F403
from .errors import Error  # noqa: F401
from .policy import Policy, PolicyKey, policy_keys, describe as describe_policy  # noqa: F401
from .report import ColumnType, DailyReport, Report  # noqa: F401
from .store import *  # noqa: F401,F403  (frontdesk.store: Store, Actor, Grant, Site, Staff, JournalEntry ...)

__version__ = _core.fd_version()


def error_last():
    """(code, message) of the calling thread's last error, as the C API keeps it."""
    e = _core.fd_error_last()
    return e.code, e.message


def clear_error():
    """Forgets the calling thread's last error (fd_error_clear)."""
    _core.fd_error_clear()


def status_name(code):
    """The symbolic name of a status code, e.g. 'FD_EINVAL'."""
    return _core.fd_status_name(code)


def parse_date(text):
    """Parses 'YYYY-MM-DD' strictly into a datetime.date (fd_date_parse)."""
    return _core.fd_date_parse(text)


def format_date(date):
    """Formats a date as 'YYYY-MM-DD' (fd_date_format)."""
    return _core.fd_date_format(date)


def check_date(date):
    """Raises InvalidArgument unless the date is a real day in 0001..9999 (fd_date_check)."""
    _core.fd_date_check(date)

# Modules (one line each, appended by each module):
from .money import *  # noqa: F401,F403
from .phone import *  # noqa: F401,F403
from .idcard import *  # noqa: F401,F403
from .calendar import *  # noqa: F401,F403
from .text import *  # noqa: F401,F403
from .pii import *  # noqa: F401,F403
from .calls import *  # noqa: F401,F403
from .property import *  # noqa: F401,F403
from .visitors import *  # noqa: F401,F403
from .complaints import *  # noqa: F401,F403
from .fees import *  # noqa: F401,F403
from .cashdesk import *  # noqa: F401,F403
from .arrears import *  # noqa: F401,F403
from .plans import *  # noqa: F401,F403
from .callbacks import *  # noqa: F401,F403
from .visit_plans import *  # noqa: F401,F403
