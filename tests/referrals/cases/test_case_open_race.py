"""Two signals raised at the same moment in one organisation each get their own
reference, with real threads on real connections (SQLite file or PostgreSQL)."""

from __future__ import annotations

import threading
from unittest import mock

from django.db import connection
from django_scopes import scope, scopes_disabled

from portal.roles import Role
from referrals import services
from referrals.models import Case, CaseEvent

BARRIER_TIMEOUT = 10
# How long a thread that has read the next number waits for the other to read it too.
# On SQLite the other is still waiting for the write lock, so this wait runs out.
SAME_NUMBER_WAIT = 2


def _race(organisation, calls):
    """Run ``calls`` at the same moment, each in its own thread and connection, in
    the organisation's scope. Returns the results (or exceptions) in call order."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(index, call):
        try:
            with scope(organisation=organisation):
                barrier.wait(timeout=BARRIER_TIMEOUT)
                results[index] = call()
        except BaseException as exc:  # reported by the caller's assertions
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    return results


def _assert_two_cases_with_distinct_references(organisation, results):
    assert all(isinstance(result, Case) for result in results), results
    references = sorted(result.reference for result in results)
    year = results[0].created_at.year
    assert references == [f"{year}-0001", f"{year}-0002"]
    with scopes_disabled():
        assert Case.objects.filter(organisation=organisation).count() == 2
        for case in results:
            kinds = list(CaseEvent.objects.filter(case_id=case.pk).values_list("kind", flat=True))
            assert kinds == [CaseEvent.Kind.OPENED], (case.reference, kinds)


def test_two_signals_at_once_get_distinct_references(file_database, org, member_factory):
    handler = member_factory(org, Role.CASE_HANDLER)
    learner = member_factory(org, Role.LEARNER)
    results = _race(
        org,
        [
            lambda: services.case_open(actor_membership=handler, pseudonym="A.", signal="Eerste melding"),
            lambda: services.case_open(actor_membership=learner, pseudonym="B.", signal="Tweede melding"),
        ],
    )
    _assert_two_cases_with_distinct_references(org, results)
    by_raiser = {case.raised_by_id: case for case in results}
    assert by_raiser[handler.user_id].handler_id == handler.user_id
    assert by_raiser[learner.user_id].handler_id is None


def test_both_read_the_same_next_number_and_one_retries(file_database, org, member_factory):
    """Force the worst interleaving: both threads pick the same number before either
    stores its case. On PostgreSQL the second insert hits the unique reference and
    retries; on SQLite the write lock already makes the second wait for the first."""
    first = member_factory(org, Role.CASE_HANDLER)
    second = member_factory(org, Role.CASE_HANDLER)
    both_read = threading.Barrier(2)
    seen = threading.local()
    picked: list[str] = []
    original = services._next_reference

    def next_reference(organisation, year):
        reference = original(organisation, year)
        picked.append(reference)
        if not getattr(seen, "waited", False):
            seen.waited = True
            try:
                both_read.wait(timeout=SAME_NUMBER_WAIT)
            except threading.BrokenBarrierError:
                pass  # SQLite: the other thread is still waiting for the write lock
        return reference

    with mock.patch.object(services, "_next_reference", next_reference):
        results = _race(
            org,
            [
                lambda: services.case_open(actor_membership=first, pseudonym="A."),
                lambda: services.case_open(actor_membership=second, pseudonym="B."),
            ],
        )
    _assert_two_cases_with_distinct_references(org, results)
    if connection.vendor == "postgresql":
        # Both picked 0001; the loser retried and picked 0002.
        year = results[0].created_at.year
        assert sorted(picked) == [f"{year}-0001", f"{year}-0001", f"{year}-0002"]
    else:
        assert len(picked) == 2 and len(set(picked)) == 2


def test_three_signals_at_once(file_database, org, other_org, member_factory):
    raisers = 3
    members = [member_factory(org, Role.LEARNER) for _ in range(raisers)]
    elsewhere = member_factory(other_org, Role.LEARNER)
    with scope(organisation=other_org):
        services.case_open(actor_membership=elsewhere, pseudonym="C.")
    results = _race(org, [lambda m=m: services.case_open(actor_membership=m, pseudonym="X.") for m in members])
    assert all(isinstance(result, Case) for result in results), results
    year = results[0].created_at.year
    assert sorted(r.reference for r in results) == [f"{year}-{n:04d}" for n in range(1, raisers + 1)]
    with scopes_disabled():
        # The other organisation's numbering is its own.
        assert list(Case.objects.filter(organisation=other_org).values_list("reference", flat=True)) == [f"{year}-0001"]
