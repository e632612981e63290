import datetime as dt

import pytest

#: A fixed instant for actors in tests (the library never reads the clock in a write).
T0 = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def db_path(tmp_path):
    """A path for a fresh site database."""
    return tmp_path / "site.db"


@pytest.fixture
def store(db_path):
    import frontdesk
    with frontdesk.Store(db_path) as s:
        yield s


@pytest.fixture
def site(store):
    """The id of site 'park', added by the system at T0."""
    import frontdesk
    return store.add_site(frontdesk.Actor(0, at=T0), "park", "某某产业园")


@pytest.fixture
def system(site):
    """The system acting at site 'park' at T0."""
    import frontdesk
    return frontdesk.Actor(site, at=T0)
