import pytest


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
    return store.add_site("park", "某某产业园")
