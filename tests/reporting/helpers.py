"""Helpers shared by the dashboard suites: a fixed "now" (Monday 15 June 2026), cases
in bulk, the rollups refreshed and the dashboard fetched at that moment, its CSV
download read, and its queries counted (the fixtures live in conftest.py)."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from referrals.models import Case
from reporting.rollups import rollups_refresh

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 6, 15, 10, 0, tzinfo=AMS)  # Monday


def at(month: int, day: int = 10) -> datetime:
    return datetime(2026, month, day, 10, 0, tzinfo=AMS)


def frozen():
    return time_machine.travel(NOW, tick=False)


def url(organisation) -> str:
    return f"/o/{organisation.slug}/dashboard/"


def cases(org, count, *, month=6, forms=("threat",), status=Case.Status.OPEN):
    with scopes_disabled():
        Case.objects.bulk_create(
            Case(
                organisation=org,
                reference=f"R{org.pk}-{month}-{i}-{Case.objects.count()}",
                pseudonym="J.B.",
                signal="Geheim signaal",
                facts={"country": "NL", "forms": sorted(forms)},
                status=status,
                closed_at=at(month, 12) if status == Case.Status.CLOSED else None,
                created_at=at(month),
            )
            for i in range(count)
        )


def refresh():
    with frozen():
        return rollups_refresh()


def get(client, organisation, params=None):
    with frozen():
        return client.get(url(organisation), params or {})


def csv_rows(response) -> list[list[str]]:
    body = response.content.decode("utf-8").lstrip("\ufeff")
    return list(csv.reader(io.StringIO(body), delimiter=";"))


def count_queries(user, path: str) -> tuple[int, list[str]]:
    client = Client()
    client.force_login(user)
    with frozen():
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
    assert response.status_code == 200, path
    return len(queries), [q["sql"] for q in queries.captured_queries]
