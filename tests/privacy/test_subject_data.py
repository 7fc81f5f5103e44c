"""Subject access (art. 15 AVG): what ``subject_collect`` gathers about a victim or a
member, only from the requesting organisation, without other people's names."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from portal.processing_log import Operation, record, staff_subject, subject_entries, victim_subject
from portal.roles import Role
from privacy.subject_data import StaffSubject, VictimSubject, subject_collect, subject_size, subject_validate
from referrals.models import PersonalDataAccess
from tests.factories import PartnerFactory
from tests.privacy.helpers import full_case, staff_traces, training_in
from tests.training.builders import build_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def handler(org, member_factory):
    return member_factory(org, Role.CASE_HANDLER, first_name="Henk", last_name="Handelaar", email="henk@school.nl")


@pytest.fixture
def other_handler(other_org, member_factory):
    return member_factory(other_org, Role.CASE_HANDLER, first_name="Olga", last_name="Overkant")


@pytest.fixture
def partner():
    return PartnerFactory(name="Slachtofferhulp Regio West")


def dumped(data) -> str:
    return json.dumps(data, ensure_ascii=False)


# --- Validation ------------------------------------------------------------------------------


def test_validate_accepts_a_case_of_this_organisation_with_its_pseudonym(org, handler):
    full_case(org, handler, reference="2026-0001", pseudonym="J.B.")
    subject_validate(organisation=org, subject=VictimSubject(case_references=(" 2026-0001 ",), pseudonym="j.b."))


def test_validate_refuses_an_unknown_reference_and_a_wrong_pseudonym(org, other_org, handler, other_handler):
    full_case(org, handler, reference="2026-0001", pseudonym="J.B.")
    full_case(other_org, other_handler, reference="2026-0002", pseudonym="K.L.")
    with pytest.raises(ValidationError) as error:
        subject_validate(organisation=org, subject=VictimSubject(case_references=("2026-0002",), pseudonym="K.L."))
    assert "case_references" in error.value.message_dict  # the other organisation's case is unknown here
    with pytest.raises(ValidationError) as error:
        subject_validate(organisation=org, subject=VictimSubject(case_references=("2026-0001",), pseudonym="J.B"))
    assert "pseudonym" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        subject_validate(organisation=org, subject=VictimSubject(case_references=(), pseudonym="J.B."))
    assert "case_references" in error.value.message_dict


def test_validate_accepts_a_deleted_case_the_access_log_still_knows(org, other_org):
    with scope(organisation=org):
        PersonalDataAccess.objects.create(organisation=org, case=None, case_reference="2024-0007", reason="bellen")
    subject_validate(organisation=org, subject=VictimSubject(case_references=("2024-0007",), pseudonym=""))
    with pytest.raises(ValidationError):  # the same reference is unknown in the other organisation
        subject_validate(organisation=other_org, subject=VictimSubject(case_references=("2024-0007",), pseudonym=""))


def test_validate_staff_needs_a_membership_here(org, other_org, member_factory):
    here = member_factory(org, Role.LEARNER)
    elsewhere = member_factory(other_org, Role.LEARNER)
    subject_validate(organisation=org, subject=StaffSubject(user_id=here.user_id))
    with pytest.raises(ValidationError) as error:
        subject_validate(organisation=org, subject=StaffSubject(user_id=elsewhere.user_id))
    assert "user" in error.value.message_dict


# --- A victim ---------------------------------------------------------------------------------


def test_victim_export_holds_the_case_and_nothing_of_the_other_organisation(
    org, other_org, handler, other_handler, partner
):
    full_case(org, handler, reference="2026-0001", pseudonym="J.B.", partner=partner, note_text="Notitie hier")
    # The same reference and a look-alike pseudonym in another organisation.
    full_case(other_org, other_handler, reference="2026-0001", pseudonym="J.B", note_text="Notitie daar")
    # Another victim in the same organisation.
    full_case(org, handler, reference="2026-0002", pseudonym="X.Y.", note_text="Andere leerling")
    with scope(organisation=org):
        record(
            organisation_id=org.pk,
            operation=Operation.READ,
            name="case.file.read",
            activity="case_handling",
            subject=victim_subject(org.pk, "2026-0001"),
            actor=handler.user,
        )
    progress: list[int] = []

    data = subject_collect(
        organisation=org,
        subject=VictimSubject(case_references=("2026-0001",), pseudonym="J.B."),
        progress=progress.append,
    )

    text = dumped(data)
    assert data["kop"]["organisatie"] == org.name
    assert data["kop"]["soort_verzoek"] == "inzage"
    assert "Artikel 15 AVG" in data["kop"]["grondslag"]
    [case] = data["casussen"]
    assert case["kenmerk"] == "2026-0001" and case["verwijderd"] is False
    assert case["contactgegevens"]["telefoon"] == "06-12345678"  # decrypted: the victim's own data
    assert [note["tekst"] for note in case["notities"]] == ["Notitie hier (0)"]
    assert "Notitie daar" not in text
    assert "Andere leerling" not in text and "X.Y." not in text and "2026-0002" not in text
    assert case["bewijs"][0]["wat_is_bewaard"] == "Schermafbeelding 0"
    assert case["taken"][0]["taak"] == "Taak 0"
    assert {row["wat"] for row in case["chronologie"]} >= {"Signaal gemeld", "Notitie"}
    [referral] = case["doorverwijzingen"]
    assert referral["naar"] == partner.name
    assert referral["toestemmingen"][0]["gegeven_door"] == "Een ouder of voogd"
    assert referral["berichten"][0]["bericht"] == "We hebben contact gehad."
    readers = {row["organisatie_van_de_lezer"] for row in case["inzagelog"]}
    assert readers == {org.name, partner.name}
    assert any(row["handeling"] == "case.file.read" for row in case["verwerkingslogboek"])
    # Staff are named by role, never by name or address.
    for forbidden in ("Henk", "Handelaar", "henk@school.nl", "Olga", "Overkant"):
        assert forbidden not in text
    assert case["behandelaar"].endswith(f"van {org.name}")
    # Free text is marked for the coordinator, and the notice is honest.
    check = data["controleer_voor_verzenden"]
    assert "niet automatisch" in check["uitleg"]
    assert "casussen[0].notities[0].tekst" in check["velden"]
    assert "casussen[0].melding" in check["velden"]
    assert progress and progress == sorted(progress) and progress[-1] >= 5
    json.loads(text)  # serialisable


def test_victim_export_of_a_deleted_case_holds_only_the_logs(org):
    with scope(organisation=org):
        PersonalDataAccess.objects.create(
            organisation=org, case=None, case_reference="2024-0007", reader_organisation=org, reason="bellen"
        )
    data = subject_collect(organisation=org, subject=VictimSubject(case_references=("2024-0007",), pseudonym=""))
    [case] = data["casussen"]
    assert case["verwijderd"] is True
    assert len(case["inzagelog"]) == 1
    assert "notities" not in case


def test_victim_export_queries_do_not_grow_with_the_rows(org, handler, partner):
    full_case(org, handler, reference="2026-0001", rows=1, partner=partner)
    full_case(org, handler, reference="2026-0002", rows=8, partner=partner)

    def queries(reference: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            subject_collect(organisation=org, subject=VictimSubject(case_references=(reference,), pseudonym="J.B."))
        return len(captured)

    small, large = queries("2026-0001"), queries("2026-0002")
    assert small == large
    assert large <= 20


def test_subject_size_counts_rows(org, handler):
    full_case(org, handler, reference="2026-0001", rows=1)
    full_case(org, handler, reference="2026-0002", rows=6)
    small = subject_size(organisation=org, subject=VictimSubject(case_references=("2026-0001",), pseudonym="J.B."))
    large = subject_size(organisation=org, subject=VictimSubject(case_references=("2026-0002",), pseudonym="J.B."))
    assert 5 <= small < large


# --- A member of staff --------------------------------------------------------------------------


@pytest.fixture
def course(db):
    return build_module()


def test_staff_export_holds_only_this_organisations_membership_and_training(org, other_org, member_factory, course):
    module, lessons = course
    here = member_factory(org, Role.LEARNER, first_name="Bo", last_name="Beide")
    from tests.factories import MembershipFactory

    there = MembershipFactory(organisation=other_org, user=here.user, role=Role.CASE_HANDLER)
    staff_traces(here, detail="hier")
    staff_traces(there, detail="daar")
    _attempt_here, certificate_here = training_in(here, module, lessons)
    _attempt_there, certificate_there = training_in(there, module, lessons)
    with scope(organisation=org):
        record(
            organisation_id=org.pk,
            operation=Operation.UPDATE,
            name="membership.role.change",
            activity="accounts",
            subject=staff_subject(here.user_id),
        )
    with scope(organisation=other_org):
        record(
            organisation_id=other_org.pk,
            operation=Operation.READ,
            name="elsewhere.only",
            activity="accounts",
            subject=staff_subject(here.user_id),
        )

    progress: list[int] = []
    data = subject_collect(organisation=org, subject=StaffSubject(user_id=here.user_id), progress=progress.append)

    text = dumped(data)
    assert progress and progress == sorted(progress)
    assert data["account"]["naam"] == "Bo Beide"
    assert data["lidmaatschap"]["organisatie"] == org.name
    assert data["lidmaatschap"]["rol"].startswith("Deelnemer")
    assert other_org.name not in text
    assert [row["controlecode"] for row in data["training"]["certificaten"]] == [certificate_here.display_code]
    assert certificate_there.display_code not in text
    assert len(data["training"]["pogingen"]) == 1
    assert data["training"]["pogingen"][0]["antwoorden"][0]["goed"] is True
    assert data["training"]["niet_opgenomen"]  # says something was left out, without saying where
    assert [row["onderwerp"] for row in data["meldingen"]] == [f"Training bij {org.name}"]
    assert [row["toelichting"] for row in data["auditspoor"]] == ["hier"]
    names = [row["handeling"] for row in data["verwerkingslogboek"]]
    assert "membership.role.change" in names and "elsewhere.only" not in names
    with scope(organisation=org):
        assert len(names) == subject_entries(staff_subject(here.user_id)).count()


def test_staff_export_leaves_out_who_else_an_audit_row_is_about(org, member_factory):
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    invitee = "nieuw.lid@example.org"
    from portal.models import AuditEvent

    with scope(organisation=org):
        AuditEvent.objects.create(
            organisation=org, kind=AuditEvent.Kind.INVITATION_SENT, actor=coordinator.user, detail=invitee
        )
    data = subject_collect(organisation=org, subject=StaffSubject(user_id=coordinator.user_id))
    assert invitee not in dumped(data)
    assert data["auditspoor"][0]["door"] == "jij"


def test_staff_export_queries_do_not_grow_with_the_rows(org, member_factory, course):
    module, lessons = course
    few = member_factory(org, Role.LEARNER)
    many = member_factory(org, Role.LEARNER)
    training_in(few, module, lessons)
    staff_traces(few)
    for _number in range(5):
        training_in(many, module, lessons)
        staff_traces(many)

    def queries(membership) -> int:
        with CaptureQueriesContext(connection) as captured:
            subject_collect(organisation=org, subject=StaffSubject(user_id=membership.user_id))
        return len(captured)

    assert queries(few) == queries(many)


# --- The files ------------------------------------------------------------------------------------


def test_overview_explains_rights_and_marks_free_text(org, handler, partner):
    from privacy.subject_data import subject_html

    full_case(org, handler, reference="2026-0001", partner=partner, note_text="Notitie met naam van de buurman")
    data = subject_collect(organisation=org, subject=VictimSubject(case_references=("2026-0001",), pseudonym="J.B."))
    html = subject_html(data)
    assert "artikel 15 van de AVG" in html
    assert "Autoriteit Persoonsgegevens" in html and "Gegevensbeschermingsautoriteit" not in html
    assert "lees dit na voordat je het verstuurt" in html
    assert "Notitie met naam van de buurman" in html
    assert html.count("CONTROLEREN") == len(data["controleer_voor_verzenden"]["velden"]) + 1  # + the explanation
    assert "Casus 2026-0001" in html
    assert "Henk" not in html and "henk@school.nl" not in html


def test_overview_of_a_belgian_organisation_names_the_belgian_authority(member_factory):
    from portal.models import Country
    from privacy.subject_data import subject_html
    from tests.factories import MunicipalityFactory, SchoolFactory

    school = SchoolFactory(parent=MunicipalityFactory(country=Country.BE))
    learner = member_factory(school, Role.LEARNER)
    html = subject_html(subject_collect(organisation=school, subject=StaffSubject(user_id=learner.user_id)))
    assert "Gegevensbeschermingsautoriteit" in html and "Autoriteit Persoonsgegevens" not in html
    assert "Niets vastgelegd." in html  # an empty section says so


def test_zip_holds_json_pdf_and_readme(org, handler, partner):
    import io
    import zipfile

    from privacy.subject_data import subject_zip

    full_case(org, handler, reference="2026-0001", partner=partner)
    data = subject_collect(organisation=org, subject=VictimSubject(case_references=("2026-0001",), pseudonym="J.B."))

    archive = zipfile.ZipFile(io.BytesIO(subject_zip(data)))

    assert sorted(archive.namelist()) == ["LEESMIJ.txt", "gegevens.json", "overzicht.pdf"]
    raw = archive.read("gegevens.json")
    assert json.loads(raw.decode("utf-8")) == data
    assert b'\n  "kop": {' in raw  # indent 2
    assert b"Schuilnaam" not in raw  # keys, not labels
    assert org.name.encode("utf-8") in raw  # UTF-8, not \\u escapes
    pdf = archive.read("overzicht.pdf")
    assert pdf.startswith(b"%PDF")
    readme = archive.read("LEESMIJ.txt").decode("utf-8")
    assert "overzicht.pdf" in readme and "gegevens.json" in readme
    assert "casussen[0].notities[0].tekst" in readme
    assert "&quot;" not in readme and "&#x27;" not in readme


def test_pdf_is_tagged_for_accessibility(org, member_factory):
    import re
    import zlib

    from privacy.subject_data import subject_pdf

    learner = member_factory(org, Role.LEARNER)
    pdf = subject_pdf(subject_collect(organisation=org, subject=StaffSubject(user_id=learner.user_id)))
    assert pdf.startswith(b"%PDF")
    content = pdf
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            content += zlib.decompress(stream)
        except zlib.error:
            continue
    assert b"pdfuaid" in content
    assert b"StructTreeRoot" in content


def test_the_coordinators_read_for_the_export_is_logged(org, other_org, handler, other_handler, member_factory):
    from privacy.subject_data import subject_reads_record

    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    full_case(org, handler, reference="2026-0001")
    full_case(other_org, other_handler, reference="2026-0001")
    subject = VictimSubject(case_references=("2026-0001",), pseudonym="J.B.")

    assert subject_reads_record(organisation=org, subject=subject, actor=coordinator.user) == 2

    with scope(organisation=org):
        rows = PersonalDataAccess.objects.filter(user=coordinator.user)
        assert sorted(rows.values_list("kind", flat=True)) == ["case_file", "contact_details"]
        assert {row.reason for row in rows} == {"Inzageverzoek van het slachtoffer (artikel 15 AVG)"}
    with scope(organisation=other_org):
        assert not PersonalDataAccess.objects.filter(user=coordinator.user).exists()
    assert (
        subject_reads_record(organisation=org, subject=StaffSubject(user_id=handler.user_id), actor=coordinator.user)
        == 0
    )


def test_advice_names_the_destinations_in_words(org, handler):
    from tests.referrals.factories import ADVICE

    case = full_case(org, handler, reference="2026-0001")
    with scope(organisation=org):
        type(case).objects.filter(pk=case.pk).update(routing_result=ADVICE)
    data = subject_collect(organisation=org, subject=VictimSubject(case_references=("2026-0001",), pseudonym="J.B."))
    names = [row["bestemming"] for row in data["casussen"][0]["advies"]]
    assert len(names) == 3 and "slachtofferhulp" not in names
