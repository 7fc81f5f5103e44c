"""``bench.dashboards``: the measurement functions on a tiny dataset, percentiles, the
verdict and the BENCHMARKS.md section (not the million-case run itself)."""

from __future__ import annotations

import statistics
import time
from datetime import date, datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django_scopes import scopes_disabled

from bench import dashboards as bench
from bench.__main__ import SERVER_BENCHES


def test_percentile_interpolates_between_ranks():
    samples = [float(n) for n in range(1, 101)]
    assert bench.percentile(samples, 50) == pytest.approx(50.5)
    assert bench.percentile(samples, 95) == pytest.approx(95.05)
    assert bench.percentile(list(reversed(samples)), 0) == 1.0
    assert bench.percentile(samples, 100) == 100.0
    assert bench.percentile([7.0], 95) == 7.0
    cuts = statistics.quantiles([3.0, 1.0, 9.0, 4.0, 20.0], n=20, method="inclusive")
    assert bench.percentile([3.0, 1.0, 9.0, 4.0, 20.0], 95) == pytest.approx(cuts[18])
    with pytest.raises(ValueError):
        bench.percentile([], 50)


def test_time_calls_warms_up_then_times_each_call():
    calls = []
    timings = bench.time_calls(lambda: calls.append(1), requests=7, warmup=3)
    assert len(calls) == 10
    assert len(timings) == 7
    assert all(t >= 0 for t in timings)
    # A time budget stops a slow measurement, after the minimum number of calls.
    slow = bench.time_calls(lambda: time.sleep(0.002), requests=1000, warmup=1000, seconds=0.01, minimum=3)
    assert 3 <= len(slow) < 20
    timing = bench.Timing.of([0.001, 0.002, 0.003, 0.010], queries=5)
    assert (timing.count, timing.queries) == (4, 5)
    assert timing.p50 == pytest.approx(2.5)
    assert timing.p95 == pytest.approx(8.95)
    assert (timing.low, timing.high) == (pytest.approx(1.0), pytest.approx(10.0))


def figures(municipal_request_ms: float, municipal_data_ms: float, raw_ms: float) -> bench.Figures:
    def timing(ms: float) -> bench.Timing:
        return bench.Timing(200, ms * 0.8, ms, ms * 0.5, ms * 2, 6)

    return bench.Figures(
        size=bench.Size(),
        database=bench.DatabaseInfo(True, "2026-11-23T01:40:00+00:00", 361.5, 1_000_000, 400_000, 9, 8, 7),
        requests=200,
        warmup=20,
        municipality="Gemeente Voorbeeld",
        municipality_organisations=61,
        dashboards=[
            bench.DashboardFigures(
                key,
                f"subject {key}",
                timing(municipal_data_ms if key == "municipal" else 3.0),
                timing(municipal_request_ms if key == "municipal" else 8.0),
            )
            for key in bench.DASHBOARDS
        ],
        raw=timing(raw_ms),
        memory=[bench.MemoryFigures("municipal", 3.2, 1.5, "VmHWM"), bench.MemoryFigures("platform", 250.0, 4, "x")],
        refresh_seconds=42.0,
        when="2026-11-23 02:00 UTC",
        machine="Linux x86_64, 2 CPUs",
        server="PostgreSQL 17",
    )


def test_section_heading_is_the_one_make_bench_registers():
    text = figures(8.0, 2.0, 200.0).markdown()
    assert text.splitlines()[0] == bench.HEADING
    assert (bench.HEADING, "bench.dashboards", frozenset({"postgres"})) in SERVER_BENCHES


def test_the_goal_is_judged_on_the_whole_request_when_it_meets():
    meets = figures(8.0, 2.0, 200.0)
    assert meets.ratio_request == pytest.approx(0.04)
    assert meets.meets_request()
    text = meets.markdown()
    assert "**0.040**" in text
    assert "**meets** the goal, judged on the whole request (b)" in text
    assert "| municipal coordinator | 1.60 | 2.00 | 6 | 6.40 | 8.00 | 6 | 200 / 200 |" in text
    assert "reused from an earlier run (seeded 2026-11-23 01:40 in 6.0 minutes" in text
    assert "| platform administrator, whole request | 250.0 | 4.0 | does NOT meet |" in text
    assert "| municipal coordinator, whole request | 3.2 | 1.5 | meets |" in text
    assert "42.0 s" in text


def test_both_measurements_are_reported_when_the_request_misses():
    slow = figures(12.0, 4.0, 100.0)  # 12 ms > 10 ms; ratio 0.12 > 0.1
    assert not slow.meets_request()
    assert slow.meets_data()
    assert "**does NOT meet** the goal judged on the whole request (b); the data read alone (a) meets it" in (
        slow.markdown()
    )
    slower = figures(12.0, 11.0, 1000.0)  # ratios fine, 10 ms missed both ways
    assert not slower.meets_request()
    assert not slower.meets_data()
    assert "neither as a whole request (b) nor as the data read alone (a)" in slower.markdown()


def test_figures_survive_json():
    original = figures(8.0, 2.0, 200.0)
    assert bench.Figures.from_json(original.to_json()) == original


# --- The measurement functions on a tiny seed_scale dataset ----------------------------------


@pytest.fixture
def tiny(db, settings):
    settings.DEBUG = True  # seed_scale refuses otherwise
    call_command(
        "seed_scale",
        *["--municipalities", "2", "--organisations", "6", "--staff", "80", "--cases", "400"],
        stdout=StringIO(),
        stderr=StringIO(),
    )
    settings.DEBUG = False


def test_subjects_dashboards_and_requests_on_a_tiny_dataset(tiny):
    found, municipality, count = bench.subjects()
    assert [s.key for s in found] == list(bench.DASHBOARDS)
    with scopes_disabled():
        assert count == municipality.children.count()
        assert count == max(m.children.count() for m in type(municipality).objects.filter(kind="municipality"))
    by_key = {s.key: s for s in found}
    assert by_key["municipal"].organisation == municipality
    assert by_key["organisation"].organisation.parent == municipality
    for subject in found:
        data = bench.scoped(subject.organisation, subject.data)()
        assert data is not None
        call = bench.requester(bench.signed_in(subject.user), bench.dashboard_path(subject.organisation))
        response = call()
        assert response.status_code == 200
        timing = bench.Timing.of(bench.time_calls(call, requests=3, warmup=1), bench.count_queries(call))
        assert timing.count == 3
        assert timing.queries > 3
    # The municipal page is the area page (not the training redirect) and names a school.
    body = bench.requester(bench.signed_in(by_key["municipal"].user), bench.dashboard_path(municipality))().content
    assert by_key["organisation"].organisation.name.encode() in body.replace(b"&#x27;", b"'")
    (note,) = bench._rows_read(municipality)
    assert note.startswith(f"In those 12 months {municipality.name} has ")
    # Subjects are stable: the same bench user and authenticator the second time.
    again, _m, _c = bench.subjects()
    assert [s.user.pk for s in again] == [s.user.pk for s in found]


def test_memory_of_a_request(tiny):
    found, municipality, _count = bench.subjects()
    call = bench.requester(bench.signed_in(found[0].user), bench.dashboard_path(municipality))
    memory = bench.measure_memory("municipal", call)
    assert 0.01 < memory.traced_mb < bench.GOAL_MEMORY_MB
    assert memory.rss_mb >= 0
    assert memory.rss_how


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the raw GROUP BY is PostgreSQL SQL")
def test_raw_group_by_counts_what_the_rollups_count(tiny):
    from django.db.models import Sum

    from reporting.models import CaseMonthRollup
    from reporting.selectors import Filters

    _found, municipality, _count = bench.subjects()
    cases, forms, referrals = bench.raw_group_by(municipality)()
    filters = Filters.default()
    rolled = CaseMonthRollup.objects.filter(
        municipality=municipality, form="", month__gte=filters.start, month__lte=filters.end
    ).aggregate(n=Sum("count"))["n"]
    assert sum(row[-1] for row in cases) == rolled > 0
    rolled_forms = (
        CaseMonthRollup.objects.filter(municipality=municipality, month__gte=filters.start, month__lte=filters.end)
        .exclude(form="")
        .aggregate(n=Sum("count"))["n"]
    )
    assert sum(row[-1] for row in forms) == rolled_forms
    assert all(isinstance(row[5], date) for row in referrals)
    assert all(not isinstance(row[0], datetime) for row in referrals)
