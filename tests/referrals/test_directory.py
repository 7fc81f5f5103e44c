"""The national directory behind the destination codes: complete per country, in the
right country's words, loaded without overwriting what platform administrators
corrected, read in one query, and kept by platform administrators only."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django_scopes import scopes_disabled

from demo.accounts import seed_demo
from portal.models import Organisation
from portal.roles import OrganisationKind, Role
from portal.services import user_sync_staff_flags
from referrals.cases.referral_services import partner_for
from referrals.directory import ENTRIES
from referrals.models import DirectoryEntry
from referrals.selectors import directory_for
from referrals.services_directory import directory_load, directory_values_hash
from tests.factories import MembershipFactory, PlatformFactory, UserFactory

pytestmark = pytest.mark.django_db

BOTH = frozenset({"NL", "BE"})
NL, BE = frozenset({"NL"}), frozenset({"BE"})

# Every destination code of routing contract v2 (routing.md, "Destination codes") and
# the countries it serves: codes marked NL or BE there belong to that country only.
CONTRACT_CODES: dict[str, frozenset[str]] = {
    "police_emergency": BOTH,
    "police_report": BOTH,
    "police_notification": BOTH,
    "meld_misdaad_anoniem": NL,
    "platform_report": BOTH,
    "stopncii": BOTH,
    "slachtofferhulp": NL,
    "perspectief_herstelbemiddeling": NL,
    "helpwanted": NL,
    "child_focus": BE,
    "igvm": BE,
    "fraudehelpdesk": NL,
    "cmi": NL,
    "advieslijn_professionals": NL,
    "veilig_thuis": NL,
    "vertrouwenscentrum_1712": BE,
    "caw_slachtofferhulp": BE,
    "unia": BE,
    "discriminatie_meldpunt": NL,
    "meldpunt_kinderporno": NL,
    "take_it_down": BOTH,
    "zelfmoordpreventie_113": NL,
    "zelfmoordlijn_1813": BE,
    "centrum_seksueel_geweld": NL,
    "zorgcentrum_seksueel_geweld": BE,
    "bank_fraud_line": BOTH,
    "internal_confidant": BOTH,
    "clb": BE,
    "centrum_veilige_sport": NL,
    "kindertelefoon": NL,
    "awel": BE,
}
EXPECTED = {(code, country) for code, countries in CONTRACT_CODES.items() for country in countries}

# The new referral destinations of contract v2: each has a demo partner in its country.
NEW_REFERRAL_CODES = {
    "veilig_thuis": "NL",
    "vertrouwenscentrum_1712": "BE",
    "caw_slachtofferhulp": "BE",
    "unia": "BE",
    "discriminatie_meldpunt": "NL",
    "meldpunt_kinderporno": "NL",
    "centrum_seksueel_geweld": "NL",
    "zorgcentrum_seksueel_geweld": "BE",
    "clb": "BE",
    "centrum_veilige_sport": "NL",
}

# Where no central number exists (or none could be confirmed), the description says
# where to find one. Everything else has a phone.
NO_PHONE = {
    ("police_report", "BE"),  # each politiezone has its own number
    ("police_notification", "BE"),
    ("platform_report", "NL"),  # no organisation: the platform's report button
    ("platform_report", "BE"),
    ("stopncii", "NL"),  # websites
    ("stopncii", "BE"),
    ("take_it_down", "NL"),
    ("take_it_down", "BE"),
    ("meldpunt_kinderporno", "NL"),  # reports go through the online form
    ("discriminatie_meldpunt", "NL"),  # the regional bureau's number
    ("caw_slachtofferhulp", "BE"),  # the local CAW's number
    ("clb", "BE"),  # the school's own CLB
    ("zorgcentrum_seksueel_geweld", "BE"),  # each centre has its own number
    ("bank_fraud_line", "NL"),  # the victim's own bank
    ("internal_confidant", "NL"),  # inside the organisation
    ("internal_confidant", "BE"),
}
NO_WEBSITE = {
    ("platform_report", "NL"),
    ("platform_report", "BE"),
    ("bank_fraud_line", "NL"),
    ("internal_confidant", "NL"),
    ("internal_confidant", "BE"),
}
PHONE_RE = re.compile(r"^\+?[0-9][0-9 -]*[0-9]$")
# Words and organisations of the other country (routing.md, guidance principle 4).
NOT_IN_NL = (
    "België",
    "Belgi",
    "Vlaanderen",
    "klacht",
    "politiezone",
    ".be",
    "Child Focus",
    "Awel",
    "Unia",
    "Card Stop",
)
NOT_IN_BE = ("aangifte", "politie.nl", "Nederland", ".nl", "Kindertelefoon", "Veilig Thuis", "Helpwanted", "0900")

CONTRACT_COPY = Path(__file__).resolve().parents[2] / "referrals" / "routing" / "contract" / "routing.md"


def all_text(entry) -> str:
    return " ".join([entry.name, entry.phone, entry.website, entry.opening_hours, entry.description])


def rows() -> dict[tuple[str, str], DirectoryEntry]:
    return {(row.code, row.country): row for row in DirectoryEntry.objects.all()}


# --- The data ------------------------------------------------------------------------


def test_the_mapping_here_is_the_contracts():
    """Keeps CONTRACT_CODES honest against the in-repository copy of the contract."""
    if not CONTRACT_COPY.exists():
        pytest.skip("no copy of the routing contract in the repository")
    text = CONTRACT_COPY.read_text(encoding="utf-8")
    table = text.split("## Destination codes", 1)[1].split("\n## ", 1)[0]
    found = {}
    for code, description in re.findall(r"^\| `([a-z0-9_]+)` \| \w+ \| (.*) \|$", table, flags=re.MULTILINE):
        marked = re.search(r"\((NL|BE)[,)]", description)
        found[code] = frozenset({marked.group(1)}) if marked else BOTH
    assert found == CONTRACT_CODES


def test_every_code_has_one_active_entry_in_each_country_it_serves_and_none_elsewhere():
    shipped = [(entry.code, entry.country) for entry in ENTRIES]
    assert len(shipped) == len(set(shipped)), "an entry is shipped twice"
    assert set(shipped) == EXPECTED
    # The data migration loaded them.
    active = set(DirectoryEntry.objects.filter(is_active=True).values_list("code", "country"))
    assert active == EXPECTED


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.code}-{e.country}")
def test_entry_formats(entry):
    key = (entry.code, entry.country)
    assert entry.name.strip() and entry.description.strip()
    if key in NO_PHONE:
        assert entry.phone == ""
    else:
        assert PHONE_RE.match(entry.phone), entry.phone
    if key in NO_WEBSITE:
        assert entry.website == ""
    else:
        assert entry.website.startswith("https://") and " " not in entry.website, entry.website
    # One or two sentences, short enough for the advice page and the field.
    assert len(re.findall(r"[.!?](?:\s|$)", entry.description)) <= 2, entry.description
    assert len(entry.description) <= 300 and len(entry.name) <= 200 and len(entry.opening_hours) <= 200
    assert entry.phone == entry.phone.strip() and "  " not in entry.description


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.code}-{e.country}")
def test_no_entry_speaks_of_the_other_country(entry):
    forbidden = NOT_IN_NL if entry.country == "NL" else NOT_IN_BE
    text = all_text(entry)
    for word in forbidden:
        assert word.lower() not in text.lower(), f"{entry.code} ({entry.country}) mentions {word!r}"


def test_life_saving_numbers_are_the_confirmed_ones():
    """The numbers a child in danger needs, pinned: a typo here must fail a test."""
    phones = {(entry.code, entry.country): entry.phone for entry in ENTRIES}
    assert phones[("police_emergency", "NL")] == phones[("police_emergency", "BE")] == "112"
    assert phones[("zelfmoordpreventie_113", "NL")] == "113"
    assert phones[("zelfmoordlijn_1813", "BE")] == "1813"
    assert phones[("kindertelefoon", "NL")] == "0800-0432"
    assert phones[("awel", "BE")] == "102"
    assert phones[("veilig_thuis", "NL")] == "0800-2000"
    assert phones[("vertrouwenscentrum_1712", "BE")] == "1712"
    assert phones[("centrum_seksueel_geweld", "NL")] == "0800-0188"
    assert phones[("child_focus", "BE")] == "116 000"
    assert phones[("advieslijn_professionals", "NL")] == "0900-0101"
    advice_line = next(e for e in ENTRIES if e.code == "advieslijn_professionals")
    assert "optie 3" in advice_line.description


# --- Loading -------------------------------------------------------------------------


def load(*args: str) -> str:
    out = StringIO()
    call_command("load_directory", *args, stdout=out)
    return out.getvalue()


def test_load_directory_is_idempotent():
    before = {key: (row.pk, row.updated_at) for key, row in rows().items()}
    assert "0 created, 0 updated, 39 unchanged, 0 skipped." in load()
    assert "0 created, 0 updated, 39 unchanged, 0 skipped." in load()
    assert {key: (row.pk, row.updated_at) for key, row in rows().items()} == before


def test_a_missing_entry_comes_back_and_a_new_shipped_value_reaches_untouched_rows():
    DirectoryEntry.objects.filter(code="awel").delete()
    stale = DirectoryEntry.objects.get(code="kindertelefoon")
    # As the previous release shipped it: the loader wrote these values itself.
    stale.opening_hours = "Vroeger anders"
    stale.loaded_hash = directory_values_hash(
        {name: getattr(stale, name) for name in ("name", "phone", "website", "opening_hours", "description")}
        | {"is_active": True}
    )
    stale.save()
    result = directory_load()
    assert (result.created, result.updated, result.skipped) == (1, 1, 0)
    assert DirectoryEntry.objects.get(code="awel").phone == "102"
    assert DirectoryEntry.objects.get(code="kindertelefoon").opening_hours == "Elke dag van 11.00 tot 21.00 uur"


def test_admin_edits_are_kept_unless_forced():
    row = DirectoryEntry.objects.get(code="kindertelefoon")
    row.opening_hours = "Aangepast door de beheerder"
    row.save()
    switched_off = DirectoryEntry.objects.get(code="unia")
    switched_off.is_active = False
    switched_off.save()
    added = DirectoryEntry.objects.create(
        code="jongerenwerk", country="NL", name="Jongerenwerk", description="Eigen toevoeging."
    )

    output = load()
    assert "0 created, 0 updated, 37 unchanged, 2 skipped." in output
    assert "kindertelefoon (NL)" in output and "unia (BE)" in output
    assert DirectoryEntry.objects.get(code="kindertelefoon").opening_hours == "Aangepast door de beheerder"
    assert not DirectoryEntry.objects.get(code="unia").is_active

    output = load("--force")
    assert "0 created, 2 updated, 37 unchanged, 0 skipped." in output
    assert DirectoryEntry.objects.get(code="kindertelefoon").opening_hours == "Elke dag van 11.00 tot 21.00 uur"
    assert DirectoryEntry.objects.get(code="unia").is_active
    assert DirectoryEntry.objects.get(pk=added.pk).name == "Jongerenwerk"  # never touched
    # Forced rows belong to the loader again.
    assert "0 created, 0 updated, 39 unchanged, 0 skipped." in load()


# --- Reading -------------------------------------------------------------------------


def test_directory_for_reads_the_countrys_active_entries_in_one_query(django_assert_num_queries):
    DirectoryEntry.objects.filter(code="unia").update(is_active=False)
    codes = ["police_report", "kindertelefoon", "awel", "unia", "child_focus", "local:jongerenwerk", "unknown"]
    with django_assert_num_queries(1):
        found = directory_for(country="BE", codes=codes)
        assert set(found) == {"police_report", "awel", "child_focus"}  # no NL-only, switched-off or local codes
        assert found["awel"].phone == "102" and found["police_report"].country == "BE"
    with django_assert_num_queries(1):
        found = directory_for(country="NL", codes=iter(codes))
        assert set(found) == {"police_report", "kindertelefoon"}
        assert found["police_report"].phone == "0900-8844"
    with django_assert_num_queries(0):
        assert directory_for(country="NL", codes=["local:jongerenwerk"]) == {}


# --- The admin -----------------------------------------------------------------------

URL = "/django-admin/referrals/directoryentry/"


def staff_client(role: Role) -> Client:
    organisation = PlatformFactory(name=f"Platform {role}", slug=f"platform-{role}".replace("_", "-"), country="NL")
    membership = MembershipFactory(organisation=organisation, user=UserFactory(with_totp=True), role=role)
    user_sync_staff_flags(user=membership.user)
    client = Client()
    client.force_login(membership.user)
    return client


def test_platform_admin_lists_filters_searches_and_changes_entries():
    client = staff_client(Role.PLATFORM_ADMIN)
    listing = client.get(URL)
    assert listing.status_code == 200 and "De Kindertelefoon" in listing.text and "Awel" in listing.text
    belgian = client.get(URL, {"country__exact": "BE"}).text
    assert "Awel" in belgian and "De Kindertelefoon" not in belgian
    searched = client.get(URL, {"q": "Kindertelefoon"}).text
    assert "De Kindertelefoon" in searched and "Awel" not in searched

    row = DirectoryEntry.objects.get(code="kindertelefoon")
    page = client.get(f"{URL}{row.pk}/change/")
    assert page.status_code == 200 and "0800-0432" in page.text
    response = client.post(
        f"{URL}{row.pk}/change/",
        {
            "name": row.name,
            "phone": row.phone,
            "website": row.website,
            "opening_hours": "Elke dag van 11.00 tot 20.00 uur",
            "description": row.description,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content
    row.refresh_from_db()
    assert row.opening_hours == "Elke dag van 11.00 tot 20.00 uur" and row.code == "kindertelefoon"
    assert "kindertelefoon (NL)" in load()  # the loader keeps the correction
    # Switched off, never deleted: a deleted shipped entry would come back on the next load.
    assert client.post(f"{URL}{row.pk}/delete/", {"post": "yes"}).status_code == 403


@pytest.mark.parametrize("role", [Role.CONTENT_EDITOR, Role.ORG_COORDINATOR, Role.MUNICIPAL_COORDINATOR])
def test_other_roles_do_not_reach_the_directory_admin(role, member_factory, org):
    if role == Role.CONTENT_EDITOR:
        client = staff_client(role)  # staff, so the admin answers 403 instead of the login page
        assert client.get(URL).status_code == 403
        assert client.get("/django-admin/").status_code == 200
        assert URL not in client.get("/django-admin/").text
    else:
        membership = member_factory(org, role)
        client = Client()
        client.force_login(membership.user)
        response = client.get(URL)
        assert response.status_code == 302 and "/django-admin/login/" in response["Location"]
    row = DirectoryEntry.objects.get(code="kindertelefoon")
    client.post(f"{URL}{row.pk}/change/", {"name": "Gekaapt", "description": "x", "is_active": "on"})
    row.refresh_from_db()
    assert row.name == "De Kindertelefoon"


# --- The demo ------------------------------------------------------------------------


def test_demo_has_a_partner_for_every_new_referral_destination_and_stays_idempotent():
    first = seed_demo()
    assert first["organisations"] > 0
    with scopes_disabled():
        for code, country in NEW_REFERRAL_CODES.items():
            partner = partner_for(code, country)
            assert partner is not None, code
            assert partner.kind == OrganisationKind.PARTNER and partner.country == country
            other = "BE" if country == "NL" else "NL"
            assert partner_for(code, other) is None, code
        school = Organisation.objects.get(slug="sint-jozefschool")
        assert partner_for("clb", school.country).name == "CLB Scheldeveld"
        count = Organisation.objects.count()
    assert seed_demo() == {"organisations": 0, "users": 0, "memberships": 0}
    with scopes_disabled():
        assert Organisation.objects.count() == count
