"""Shared fixtures: the real embedding model (loaded once), real SQLite files, real apps."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from fastapi.testclient import TestClient

from service.config import DEFAULT_MODEL_DIR, ROOT_DIR, Settings
from service.core import Otvet
from service.retrieval.embedder import Embedder

if TYPE_CHECKING:
    from tests.fake_ozon import FakeOzon

os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="session")
def model_dir() -> Path:
    from service.embedding.convert import is_prepared, prepare_model

    if not is_prepared(DEFAULT_MODEL_DIR):
        prepare_model(DEFAULT_MODEL_DIR)
    return DEFAULT_MODEL_DIR


@pytest.fixture(scope="session")
def embedder(model_dir: Path) -> Embedder:
    return Embedder(str(model_dir))


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("index")


POSTGRES_URL = os.environ.get("OTVET_TEST_POSTGRES_URL", "")


@contextmanager
def postgres_database() -> Iterator[str]:
    """A fresh database on the test server for one test, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"otvet_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Storage, outbox and API tests run on both backends; PostgreSQL needs OTVET_TEST_POSTGRES_URL (.ci/run)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'otvet.db'}"
        return
    if not POSTGRES_URL:
        pytest.skip("OTVET_TEST_POSTGRES_URL is not set (.ci/run starts a PostgreSQL server)")
    with postgres_database() as url:
        yield url


def make_settings(tmp_path: Path, index_dir: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": f"sqlite:///{tmp_path / 'otvet.db'}",
        "knowledge_dir": ROOT_DIR / "knowledge",
        "index_dir": index_dir,
        "embedding_model": str(DEFAULT_MODEL_DIR),
        "api_keys": [],
        "llm_model": "",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
def settings(tmp_path: Path, index_dir: Path, database_url: str) -> Settings:
    return make_settings(tmp_path, index_dir, database_url=database_url)


@pytest.fixture
def otvet(settings: Settings, embedder: Embedder) -> Iterator[Otvet]:
    service = Otvet(settings, embedder=embedder)
    yield service
    service.close()


@pytest.fixture
def client(otvet: Otvet) -> Iterator[TestClient]:
    from service.api.app import create_app

    with TestClient(create_app(otvet=otvet)) as test_client:
        yield test_client


# --- Ozon: the fake Seller API on loopback, and an otvet wired to it -----------------------------


@pytest.fixture
def fake() -> Iterator[tuple[FakeOzon, str]]:
    from tests.fake_ozon import running_fake

    with running_fake() as running:
        yield running


@pytest.fixture
def ozon_otvet(
    fake: tuple[FakeOzon, str], tmp_path: Path, index_dir: Path, database_url: str, embedder: Embedder
) -> Iterator[Otvet]:
    from tests.ozon_helpers import ozon_settings  # it builds on make_settings above

    service = Otvet(ozon_settings(tmp_path, index_dir, database_url, fake[1]), embedder=embedder)
    yield service
    service.close()


@pytest.fixture
def app(ozon_otvet: Otvet) -> Iterator[TestClient]:
    """The real app on the Ozon-connected otvet (``client`` is the plain one)."""
    from service.api.app import create_app

    with TestClient(create_app(otvet=ozon_otvet)) as test_client:
        yield test_client
