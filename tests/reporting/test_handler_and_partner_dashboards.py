"""The case handler's and the partner's dashboard (/o/<slug>/dashboard/).
``suppress`` is tested in test_suppression.py, the SVG charts in test_charts.py.

The partner's page reads the rollup per partner and day, so the partner tests rebuild
the rollups (``refresh``) after making their referrals; tests/reporting/test_partner_rollup.py
compares that rollup with the live count for many more cases."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from messaging.models import NotificationKind, Reminder
from messaging.subjects import Subject
from portal.roles import Role
from referrals.models import Case, CaseTask, PersonalDataAccess, Referral
from reporting import dashboards
from reporting.rollups import rollups_refresh
from reporting.selectors import partner_rollup_dashboard
from reporting.suppression import HIDDEN, SMALL
from reporting.views import HANDLER_PAGE_ROWS
from tests.factories import PartnerFactory
from tests.referrals.factories import CaseFactory, CaseTaskFactory, ReferralFactory, RoutedCaseFactory

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
# Monday 15 June 2026: no public holiday in the two weeks before it (NL).
NOW = datetime(2026, 6, 15, 10, 0, tzinfo=AMS)
PSEUDONYM = "J.B."
SIGNAL = "Berichten met dreigementen via Snapchat."
SUMMARY = "Wordt afgeperst met beelden; wil hulp bij aangifte."
S = Referral.Status


def url(organisation) -> str:
    return f"/o/{organisation.slug}/dashboard/"


def at(day: int, hour: int = 10) -> datetime:
    """A moment in June 2026."""
    return datetime(2026, 6, day, hour, 0, tzinfo=AMS)


def frozen():
    return time_machine.travel(NOW, tick=False)


def refresh() -> None:
    """Rebuild the rollups as the 5-minute task does, at ``NOW``: the partner's page reads them."""
    rollups_refresh(now=NOW)


def csv_rows(response) -> list[list[str]]:
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def assert_no_victim_data(response) -> None:
    text = response.content.decode()
    for secret in (PSEUDONYM, SIGNAL, SUMMARY):
        assert secret not in text


# --- Who gets which dashboard ----------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.LEARNER])
def test_without_either_permission_you_go_to_my_training(login_as, org, member_factory, role):
    response = login_as(member_factory(org, role)).get(url(org))
    assert response.status_code == 302
    assert response["Location"] == f"/o/{org.slug}/mijn-training/"


def test_partner_coordinator_gets_the_partner_dashboard(login_as, member_factory):
    partner = PartnerFactory()
    response = login_as(member_factory(partner, Role.ORG_COORDINATOR)).get(url(partner))
    assert response.status_code == 200
    assert "reporting/dashboards/partner.html" in [t.name for t in response.templates]


def test_member_of_another_organisation_gets_404(login_as, org, other_org, member_factory):
    response = login_as(member_factory(other_org, Role.CASE_HANDLER)).get(url(org))
    assert response.status_code == 404


def test_intake_worker_of_another_partner_gets_404(login_as, member_factory):
    partner, other = PartnerFactory(), PartnerFactory()
    response = login_as(member_factory(other, Role.PARTNER_INTAKE)).get(url(partner))
    assert response.status_code == 404


def test_not_signed_in_goes_to_login(client, org):
    response = client.get(url(org))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_dashboard_is_never_cached_and_only_read(login_as, org, member_factory):
    client = login_as(member_factory(org, Role.CASE_HANDLER))
    response = client.get(url(org))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert client.post(url(org)).status_code == 405


# --- The case handler's dashboard ---------------------------------------------------------


@pytest.fixture
def handler(org, member_factory):
    return member_factory(org, Role.CASE_HANDLER)


@pytest.fixture
def handler_world(org, handler, member_factory):
    """Cases, follow-ups, tasks and referrals of the handler, and of someone else."""
    colleague = member_factory(org, Role.CASE_HANDLER)
    with frozen():
        mine = RoutedCaseFactory(organisation=org, handler=handler.user, reference="MIJN-1", created_at=at(5))
        mine_later = RoutedCaseFactory(organisation=org, handler=handler.user, reference="MIJN-2", created_at=at(12))
        closed = CaseFactory(
            organisation=org,
            handler=handler.user,
            reference="DICHT-1",
            status=Case.Status.CLOSED,
            closed_at=at(10),
            outcome=Case.Outcome.HANDLED_INTERNALLY,
        )
        theirs = CaseFactory(organisation=org, handler=colleague.user, reference="ANDER-1")
        with scopes_disabled():
            for case, due, status in [
                (mine, at(19, 9), Reminder.Status.PENDING),  # in 4 days
                (mine_later, at(29, 9), Reminder.Status.PENDING),  # in 14 days: still shown
                (mine, at(30, 12), Reminder.Status.PENDING),  # 15 days: too far
                (mine, at(12, 9), Reminder.Status.PENDING),  # before today
                (mine_later, at(16, 9), Reminder.Status.CANCELLED),
                (closed, at(17, 9), Reminder.Status.PENDING),
                (theirs, at(17, 9), Reminder.Status.PENDING),
            ]:
                Reminder.objects.create(
                    organisation=org,
                    kind=NotificationKind.CASE_FOLLOW_UP,
                    subject=str(Subject.case(case.pk)),
                    due_at=due,
                    status=status,
                )
            Reminder.objects.create(
                organisation=org,
                kind=NotificationKind.TASK_OVERDUE,
                subject=str(Subject.case(mine.pk)),
                due_at=at(18, 9),
            )
        CaseTaskFactory(
            organisation=org, case=mine, title="Bel de wijkagent", due_date=date(2026, 6, 10), destination="x"
        )
        CaseTaskFactory(
            organisation=org,
            case=mine,
            title="Al gedaan",
            due_date=date(2026, 6, 10),
            status=CaseTask.Status.DONE,
            destination="x",
        )
        CaseTaskFactory(organisation=org, case=mine, title="Nog niet laat", due_date=date(2026, 6, 15), destination="x")
        CaseTaskFactory(
            organisation=org,
            case=theirs,
            title="Voor mij gedaan",
            due_date=date(2026, 6, 1),
            assignee=handler.user,
            destination="x",
        )
        CaseTaskFactory(organisation=org, case=theirs, title="Niet van mij", due_date=date(2026, 6, 1), destination="x")
        CaseTaskFactory(
            organisation=org,
            case=closed,
            title="Casus is dicht",
            due_date=date(2026, 6, 1),
            assignee=handler.user,
            destination="x",
        )
        partner = PartnerFactory(name="Slachtofferhulp Test")
        waiting = ReferralFactory(organisation=org, case=mine, partner=partner)
        ReferralFactory(organisation=org, case=mine_later, partner=partner, destination="helpwanted")
        ReferralFactory(organisation=org, case=mine, partner=partner, status=S.ACKNOWLEDGED)
        ReferralFactory(organisation=org, case=theirs, partner=partner)
        with scopes_disabled():
            # Sent on Wednesday 10 June: Thu, Fri and Mon make 3 working days by Monday 15 June.
            Referral.objects.filter(pk=waiting.pk).update(sent_at=at(10))
            Referral.objects.filter(case=mine_later).update(sent_at=at(1))  # 10 working days
    return {"mine": mine, "mine_later": mine_later, "closed": closed, "theirs": theirs}


def test_case_handler_sees_own_open_work(login_as, org, handler, handler_world):
    with frozen():
        response = login_as(handler).get(url(org))
    assert response.status_code == 200
    text = response.content.decode()
    data = response.context["dashboard"]

    assert [c.reference for c in data.open_cases] == ["MIJN-1", "MIJN-2"]
    assert [c.days_open for c in data.open_cases] == [10, 3]
    assert f'href="/o/{org.slug}/casussen/{handler_world["mine"].pk}/"' in text
    assert "DICHT-1" not in text and "ANDER-1" not in [c.reference for c in data.open_cases]

    assert [(f.reference, f.day) for f in data.follow_ups] == [("MIJN-1", 14), ("MIJN-2", 17)]
    assert [t.title for t in data.overdue_tasks] == ["Voor mij gedaan", "Bel de wijkagent"]
    assert [t.days_late for t in data.overdue_tasks] == [14, 5]

    assert [(r.reference, r.working_days) for r in data.waiting_referrals] == [("MIJN-2", 10), ("MIJN-1", 3)]
    assert data.waiting_buckets == [
        (dashboards.BUCKET_LABELS["0-1"], 0),
        (dashboards.BUCKET_LABELS["2-5"], 1),
        (dashboards.BUCKET_LABELS["6+"], 1),
    ]
    assert "3 werkdagen" in text and "10 werkdagen" in text
    # The chart and its table.
    assert 'aria-labelledby="wachttijden-caption"' in text
    assert 'id="wachttijden-table"' in text


def test_case_handler_dashboard_shows_no_victim_data_and_logs_no_read(login_as, org, handler, handler_world):
    with scopes_disabled():
        before = PersonalDataAccess.objects.count()
    with frozen():
        response = login_as(handler).get(url(org))
    assert_no_victim_data(response)
    assert "style=" not in response.content.decode()
    with scopes_disabled():
        assert PersonalDataAccess.objects.count() == before


def test_case_handler_with_nothing_to_do(login_as, org, handler):
    response = login_as(handler).get(url(org))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Je hebt geen open casussen." in text
    assert "Er wachten geen doorverwijzingen op bevestiging." in text


def test_case_handler_lists_show_their_first_rows_and_the_download_holds_all(login_as, org, handler):
    with scopes_disabled():
        Case.objects.bulk_create(
            Case(organisation=org, reference=f"VEEL-{i:03}", handler=handler.user, pseudonym="x", created_at=at(1))
            for i in range(HANDLER_PAGE_ROWS + 7)
        )
    client = login_as(handler)
    with frozen():
        response = client.get(url(org))
        rows = csv_rows(client.get(url(org), {"format": "csv", "table": "casussen"}))
    text = response.content.decode()
    table = text[text.index('id="casussen-tabel"') : text.index("</table>", text.index('id="casussen-tabel"'))]
    assert table.count("VEEL-") == HANDLER_PAGE_ROWS
    assert f"{HANDLER_PAGE_ROWS + 7} open casussen" in text
    assert f"Hier staan de eerste {HANDLER_PAGE_ROWS} van de {HANDLER_PAGE_ROWS + 7}." in text
    assert len(rows) == 1 + HANDLER_PAGE_ROWS + 7
    # Every other list is short: no such sentence there.
    assert text.count("Hier staan de eerste") == 1


@pytest.mark.parametrize(
    ("table", "header", "first_row"),
    [
        ("casussen", ["Kenmerk", "Geopend op", "Dagen open"], ["MIJN-1", "2026-06-05", "10"]),
        ("nazorg", ["Kenmerk", "Datum", "Dag na het openen"], ["MIJN-1", "2026-06-19", "14"]),
        (
            "taken",
            ["Taak", "Kenmerk", "Uiterlijk op", "Dagen te laat"],
            ["Voor mij gedaan", "ANDER-1", "2026-06-01", "14"],
        ),
        (
            "doorverwijzingen",
            ["Kenmerk", "Naar", "Verstuurd op", "Werkdagen gewacht"],
            ["MIJN-2", "HelpWanted", "2026-06-01", "10"],
        ),
        ("wachttijden", ["Wachttijd", "Aantal doorverwijzingen"], ["0 of 1 werkdag", "0"]),
    ],
)
def test_case_handler_tables_download_as_csv(login_as, org, handler, handler_world, table, header, first_row):
    with frozen():
        response = login_as(handler).get(url(org), {"format": "csv", "table": table})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="dashboard-{table}-{org.slug}-2026-06-15.csv"'
    assert "no-store" in response["Cache-Control"]
    rows = csv_rows(response)
    assert rows[0] == header
    assert rows[1] == first_row
    assert_no_victim_data(response)


def test_csv_cells_that_look_like_formulas_are_neutralised(login_as, org, handler):
    case = CaseFactory(organisation=org, handler=handler.user)
    CaseTaskFactory(
        organisation=org, case=case, title='=HYPERLINK("http://x")', due_date=date(2020, 1, 1), destination="x"
    )
    rows = csv_rows(login_as(handler).get(url(org), {"format": "csv", "table": "taken"}))
    assert rows[1][0].startswith("'=")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"format": "pdf", "table": "casussen"}, "Downloaden kan alleen als CSV- of Excel-bestand."),
        ({"format": "csv", "table": "pseudoniemen"}, "Deze tabel bestaat niet."),
        ({"format": "csv"}, "Deze tabel bestaat niet."),
        ({"table": "casussen"}, "Downloaden kan alleen als CSV- of Excel-bestand."),
    ],
)
def test_bad_download_requests_show_the_page_with_a_message(login_as, org, handler, params, message):
    response = login_as(handler).get(url(org), params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert message in response.content.decode()


# --- The partner's dashboard --------------------------------------------------------------


@pytest.fixture
def partner():
    return PartnerFactory(name="Slachtofferhulp Zuid", slug="shn-zuid")


@pytest.fixture
def intake(partner, member_factory):
    return member_factory(partner, Role.PARTNER_INTAKE)


def received(org, partner, status, sent, ack=None, closed=None, outcome="", **extra):
    """A referral to ``partner`` with the given moments (ReferralFactory dates it now)."""
    referral = ReferralFactory(organisation=org, partner=partner, status=status, **extra)
    with scopes_disabled():
        Referral.objects.filter(pk=referral.pk).update(
            sent_at=sent, acknowledged_at=ack, closed_at=closed, **({"outcome": outcome} if outcome else {})
        )
    return referral


@pytest.fixture
def partner_world(org, partner, other_org):
    """Fourteen referrals to the partner, two to someone else, one draft."""
    with frozen():
        for _ in range(6):  # acknowledged the next day: in time
            received(org, partner, S.ACKNOWLEDGED, sent=at(8), ack=at(9))
        for _ in range(5):  # Monday 1 June, acknowledged Monday 8 June: 5 working days, late; then closed
            received(org, partner, S.CLOSED, sent=at(1), ack=at(8), closed=at(11), outcome=Referral.Outcome.HELPED)
        for _ in range(2):  # waiting since this morning
            received(org, partner, S.SENT, sent=at(15, 8))
        received(org, partner, S.CLOSED, sent=at(2), closed=at(3), outcome=Referral.Outcome.WITHDRAWN)
        elsewhere = PartnerFactory()
        received(org, elsewhere, S.SENT, sent=at(8))
        received(other_org, elsewhere, S.SENT, sent=at(8))
        ReferralFactory(organisation=org, partner=partner, status=S.DRAFT)
    refresh()


def test_partner_sees_counts_of_received_referrals(login_as, partner, intake, partner_world):
    with frozen():
        response = login_as(intake).get(url(partner))
    assert response.status_code == 200
    data = response.context["dashboard"]
    assert data.refreshed_at == NOW  # read from the rollup
    # Waiting 2 and closed-before-acknowledging 1 are small: the total (14) is hidden.
    assert dict(data.acknowledgement.cells) == {
        "waiting": SMALL,
        "in_time": 6,
        "late": 5,
        "closed_unacknowledged": SMALL,
    }
    assert data.received is HIDDEN
    # The two still waiting were sent this morning.
    assert dict(data.waiting_times.cells) == {"0-1": SMALL, "2-5": 0, "6+": 0}
    assert data.waiting_times.total == SMALL
    assert data.in_time_percentage == 55  # 6 of 11 acknowledged
    assert dict(data.outcomes.cells)[Referral.Outcome.HELPED] == 5
    assert dict(data.outcomes.cells)[Referral.Outcome.WITHDRAWN] == SMALL
    assert data.outcomes.total is HIDDEN
    assert Referral.Outcome.CANCELLED not in dict(data.outcomes.cells)

    text = response.content.decode()
    assert "Bijgewerkt om 15 juni 2026, 10:00." in text
    assert "55% van de bevestigde doorverwijzingen" in text
    assert "&lt;5" in text and "verborgen" in text
    assert ">14<" not in text
    # Both charts, each with its table.
    for chart in ("uitkomsten", "wachttijden"):
        assert f'aria-labelledby="{chart}-caption"' in text
        assert f'id="{chart}-caption"' in text
        assert f'id="{chart}-table"' in text
    assert "style=" not in text
    assert_no_victim_data(response)


def test_partner_dashboard_without_small_numbers_shows_totals(login_as, org, partner, intake):
    with frozen():
        for _ in range(6):
            received(org, partner, S.ACKNOWLEDGED, sent=at(8), ack=at(9))
        for _ in range(5):
            received(org, partner, S.CLOSED, sent=at(1), ack=at(8), closed=at(11), outcome=Referral.Outcome.HELPED)
        refresh()
        response = login_as(intake).get(url(partner))
    data = response.context["dashboard"]
    assert data.refreshed_at == NOW
    assert data.received == 11
    assert data.waiting == 0
    assert data.waiting_times.total == 0
    assert data.outcomes.total == 5
    assert not response.context["any_suppressed"]
    assert "verborgen" not in response.content.decode()


def test_partner_percentage_is_not_shown_when_it_rests_on_a_small_number(login_as, org, partner, intake):
    with frozen():
        for _ in range(6):
            received(org, partner, S.ACKNOWLEDGED, sent=at(8), ack=at(9))
        received(org, partner, S.ACKNOWLEDGED, sent=at(1), ack=at(12))
        refresh()
        response = login_as(intake).get(url(partner))
    data = response.context["dashboard"]
    assert data.acknowledgement["late"] == SMALL
    assert data.in_time_percentage is None
    assert data.percentage_suppressed
    assert "Het percentage op tijd laten we niet zien" in response.content.decode()


def test_partner_dashboard_logs_no_read(login_as, partner, intake, partner_world):
    with scopes_disabled():
        before = PersonalDataAccess.objects.count()
    with frozen():
        login_as(intake).get(url(partner))
    with scopes_disabled():
        assert PersonalDataAccess.objects.count() == before


def test_partner_filters_by_date_range_and_status(login_as, org, partner, intake, partner_world):
    client = login_as(intake)
    with frozen():
        received(org, partner, S.SENT, sent=at(1))  # waiting 10 working days
        refresh()
        june_8 = client.get(url(partner), {"van": "2026-06-08", "tot": "2026-06-08"})
        acknowledged = client.get(url(partner), {"status": "acknowledged"})
        waiting = client.get(url(partner), {"status": "sent"})
        early_june = client.get(url(partner), {"tot": "2026-06-01"})
    data = june_8.context["dashboard"]
    assert dict(data.acknowledgement.cells) == {"waiting": 0, "in_time": 6, "late": 0, "closed_unacknowledged": 0}
    assert data.received == 6
    assert june_8.context["filtering"]
    assert "gefilterd" in june_8.content.decode()

    data = acknowledged.context["dashboard"]
    assert (data.received, data.in_time, data.in_time_percentage) == (6, 6, 100)
    # Only referrals under way: no outcomes to show.
    assert "Met dit filter tel je alleen doorverwijzingen die nog lopen." in acknowledged.content.decode()
    assert 'id="uitkomsten-table"' not in acknowledged.content.decode()

    data = waiting.context["dashboard"]
    assert dict(data.waiting_times.cells) == {"0-1": SMALL, "2-5": 0, "6+": SMALL}
    assert data.waiting == SMALL and data.received == SMALL  # 3 in all

    data = early_june.context["dashboard"]
    assert data.acknowledgement["late"] == 5
    assert data.waiting_times["6+"] == SMALL


@pytest.mark.parametrize(
    ("params", "field_error"),
    [
        ({"van": "15-06-2026"}, None),
        ({"tot": "2026-02-30"}, None),
        ({"van": "morgen", "tot": "2026-06-30"}, None),
        ({"status": "verzonnen"}, None),
        ({"status": "draft"}, None),
        ({"status": "closed"}, None),
        ({"van": "1999-12-31"}, "Kies een datum tussen 2000 en 2100."),
        ({"tot": "9999-12-31"}, "Kies een datum tussen 2000 en 2100."),
        ({"van": "2026-06-30", "tot": "2026-06-01"}, "Deze datum ligt vóór de datum bij ‘Verstuurd vanaf’."),
        ({"van": "x" * 5000}, None),
    ],
)
def test_bad_filters_show_a_message_and_every_referral(login_as, partner, intake, partner_world, params, field_error):
    client = login_as(intake)
    with frozen():
        unfiltered = client.get(url(partner)).context["dashboard"]
        response = client.get(url(partner), params)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Het filter klopt niet. Je ziet daarom de cijfers van alle doorverwijzingen." in text
    assert "utrecht-form-field--invalid" in text
    if field_error:
        assert field_error in text
    assert response.context["dashboard"] == unfiltered
    assert not response.context["filtering"]


def test_a_bad_filter_is_never_downloaded(login_as, partner, intake, partner_world):
    with frozen():
        response = login_as(intake).get(
            url(partner), {"van": "2026-06-30", "tot": "2026-06-01", "format": "csv", "table": "uitkomsten"}
        )
    assert response["Content-Type"].startswith("text/html")
    assert "Het filter klopt niet" in response.content.decode()


def test_partner_tables_download_as_csv_with_the_same_suppression(login_as, partner, intake, partner_world):
    client = login_as(intake)
    with frozen():
        ack = csv_rows(client.get(url(partner), {"format": "csv", "table": "bevestiging"}))
        waiting = csv_rows(client.get(url(partner), {"format": "csv", "table": "wachttijden"}))
        outcomes_response = client.get(url(partner), {"format": "csv", "table": "uitkomsten"})
        filtered = csv_rows(
            client.get(
                url(partner), {"format": "csv", "table": "bevestiging", "van": "2026-06-08", "tot": "2026-06-08"}
            )
        )
    assert ack == [
        ["Bevestiging", "Aantal doorverwijzingen"],
        ["Wacht nog op bevestiging", "<5"],
        ["Binnen 2 werkdagen bevestigd", "6"],
        ["Later dan 2 werkdagen bevestigd", "5"],
        ["Afgesloten zonder bevestiging", "<5"],
        ["Totaal ontvangen", "verborgen"],
    ]
    assert waiting == [
        ["Wachttijd tot nu", "Aantal doorverwijzingen"],
        ["0 of 1 werkdag", "<5"],
        ["2 tot en met 5 werkdagen", "0"],
        ["Meer dan 5 werkdagen", "0"],
        ["Totaal wachtend", "<5"],
    ]
    assert outcomes_response["Content-Disposition"] == (
        f'attachment; filename="dashboard-uitkomsten-{partner.slug}-2026-06-15.csv"'
    )
    outcomes = csv_rows(outcomes_response)
    assert outcomes[0] == ["Uitkomst", "Aantal doorverwijzingen"]
    assert ["Hulp gegeven en afgerond", "5"] in outcomes
    assert ["Ingetrokken door de verwijzer", "<5"] in outcomes
    assert outcomes[-1] == ["Totaal afgesloten", "verborgen"]
    assert filtered[-1] == ["Totaal ontvangen", "6"]
    assert_no_victim_data(outcomes_response)


def test_download_links_keep_only_valid_filters(login_as, partner, intake, partner_world):
    client = login_as(intake)
    with frozen():
        good = client.get(url(partner), {"van": "2026-06-08", "status": "acknowledged"}).content.decode()
        bad = client.get(url(partner), {"van": "2026-06-30", "tot": "2026-06-01"}).content.decode()
    assert 'href="?van=2026-06-08&amp;status=acknowledged&amp;format=csv&amp;table=bevestiging"' in good
    assert 'href="?format=csv&amp;table=uitkomsten"' in bad


# --- Query counts -------------------------------------------------------------------------

SIZES = (10, 10_000)  # as issue #6 asks: the same queries with 10 and with 10,000
# Session, user, the MFA check, the membership with its organisation, the
# unread-notification count in the header, and the dashboard's own reads (four for a case handler, two
# for a partner).
MAX_QUERIES = 11


def count_queries(user, path: str) -> tuple[int, list[str]]:
    client = Client()
    client.force_login(user)
    client.get(path)  # warm up: session, caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries), [q["sql"] for q in queries.captured_queries]


def assert_same(counts: dict[int, tuple[int, list[str]]]) -> None:
    small, large = (counts[size] for size in SIZES)
    assert small[0] == large[0], "\n".join([f"--- {SIZES[0]} rows:", *small[1], f"--- {SIZES[1]} rows:", *large[1]])
    assert small[0] <= MAX_QUERIES, "\n".join(small[1])


def test_case_handler_dashboard_queries_do_not_grow(org, member_factory):
    counts = {}
    with frozen():
        for size in SIZES:
            handler = member_factory(org, Role.CASE_HANDLER)
            with scopes_disabled():
                cases = Case.objects.bulk_create(
                    Case(
                        organisation=org,
                        reference=f"Q{size}-{i}",
                        handler=handler.user,
                        pseudonym="x",
                        created_at=at(1),
                    )
                    for i in range(size)
                )
                Reminder.objects.bulk_create(
                    Reminder(
                        organisation=org,
                        kind=NotificationKind.CASE_FOLLOW_UP,
                        subject=str(Subject.case(c.pk)),
                        due_at=at(20),
                    )
                    for c in cases
                )
                CaseTask.objects.bulk_create(
                    CaseTask(organisation=org, case=c, title="Bel", destination="x", due_date=date(2026, 6, 1))
                    for c in cases
                )
                Referral.objects.bulk_create(
                    Referral(
                        organisation=org,
                        case=c,
                        destination="slachtofferhulp",
                        destination_label="Slachtofferhulp",
                        summary="",
                        status=S.SENT,
                        sent_at=at(1 + i % 14),
                    )
                    for i, c in enumerate(cases)
                )
            counts[size] = count_queries(handler.user, url(org))
    assert_same(counts)


def test_partner_dashboard_queries_do_not_grow(org, member_factory):
    counts = {}
    case = RoutedCaseFactory(organisation=org)
    with frozen():
        for size in SIZES:
            partner = PartnerFactory()
            intake = member_factory(partner, Role.PARTNER_INTAKE)
            rows = []
            for i in range(size):
                sent = NOW - timedelta(days=i % 40, hours=i % 7)
                kind = i % 4
                rows.append(
                    Referral(
                        organisation=org,
                        case=case,
                        partner=partner,
                        destination="slachtofferhulp",
                        destination_label="Slachtofferhulp",
                        summary="",
                        status=[S.SENT, S.ACKNOWLEDGED, S.CLOSED, S.CLOSED][kind],
                        sent_at=sent,
                        acknowledged_at=sent + timedelta(days=i % 5) if kind in (1, 2) else None,
                        closed_at=sent + timedelta(days=6) if kind >= 2 else None,
                        outcome=[
                            "",
                            "",
                            Referral.Outcome.HELPED,
                            Referral.Outcome.WITHDRAWN,
                        ][kind],
                    )
                )
            with scopes_disabled():
                Referral.objects.bulk_create(rows)
            refresh()
            counts[size] = count_queries(intake.user, url(partner) + "?van=2026-01-01&status=acknowledged")
            assert counts[size][0] == count_queries(intake.user, url(partner))[0]
    assert_same(counts)


# --- No victim data in what the selectors read -----------------------------------------------


def test_selectors_read_no_victim_columns(org, partner, member_factory):
    handler = member_factory(org, Role.CASE_HANDLER)
    case = RoutedCaseFactory(organisation=org, handler=handler.user)
    ReferralFactory(organisation=org, case=case, partner=partner)
    CaseTaskFactory(organisation=org, case=case, title="Bel", due_date=date(2020, 1, 1), destination="x")
    refresh()
    with CaptureQueriesContext(connection) as queries, scopes_disabled():
        dashboards.handler_dashboard(handler.user, country="NL")
        dashboards.partner_dashboard(country="NL", filters=dashboards.PartnerFilters())
        partner_rollup_dashboard(partner_id=partner.pk, country="NL", filters=dashboards.PartnerFilters())
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    for column in ('"pseudonym"', '"signal"', '"summary"', '"first_impressions"', '"decline_reason"', '"wishes_note"'):
        assert column not in sql


# --- Content Security Policy ------------------------------------------------------------------


def test_both_dashboards_keep_the_strict_policy(login_as, org, partner, intake, handler_world, handler, partner_world):
    """The walk in test_csp.py signs in as a coordinator, who is sent on to "Mijn training":
    here both dashboards themselves, with their <style> element and charts."""
    from tests.portal.helpers import assert_strict_csp

    with frozen():
        handler_page = login_as(handler).get(url(org))
        partner_page = Client()
        partner_page.force_login(intake.user)
        partner_page = partner_page.get(url(partner))
    for response in (handler_page, partner_page):
        assert response.status_code == 200
        assert_strict_csp(response, response.request["PATH_INFO"])
        assert "<svg" in response.content.decode()
        assert " style=" not in response.content.decode()
