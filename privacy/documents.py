"""The privacy officer's documents, written from the data inventory and the code.

``build()`` returns Markdown per file name; nothing in it depends on the moment it is
run, so ``tests/privacy/test_documents.py`` can check that the copies committed under
``docs/privacy/`` are current. ``pdf()`` renders one document with WeasyPrint.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from portal.roles import MFA_ROLES, Role
from privacy.inventory import classification
from privacy.inventory import stored_fields as inventory_fields
from privacy.inventory.activities import ACTIVITIES, Activity
from privacy.inventory.base import RETENTION_TEXT, Category, Classified, Retention, Subject
from privacy.open_points import OPEN_POINTS
from privacy.subprocessors import SUBPROCESSORS
from reporting.suppression import SMALL_MAX

CATEGORY_TEXT = {
    Category.IDENTIFIER: "verwijzing naar een persoon (nummer, kenmerk)",
    Category.PSEUDONYM: "schuilnaam",
    Category.IDENTITY: "naam en contactgegevens",
    Category.ACCOUNT: "inloggegevens en beveiliging",
    Category.ACTIVITY: "wat iemand deed in het portaal",
    Category.CASE: "gegevens van een casus",
    Category.SEXUAL_LIFE: "bijzonder persoonsgegeven: seksueel leven",
    Category.CRIMINAL: "strafrechtelijk persoonsgegeven",
    Category.FREE_TEXT: "vrije tekst (kan bijzondere persoonsgegevens bevatten)",
}
SUBJECT_TEXT = {
    Subject.VICTIM: "slachtoffers (vaak minderjarig)",
    Subject.STAFF: "medewerkers en vrijwilligers van scholen, clubs en gemeenten",
    Subject.PARTNER: "medewerkers van partnerorganisaties",
    Subject.EDITOR: "redacteuren en beheerders",
    Subject.ANY_MEMBER: "iedereen met een account",
}
SPECIAL = (Category.SEXUAL_LIFE, Category.CRIMINAL, Category.FREE_TEXT)
HEADER = (
    "<!-- Geschreven door `manage.py privacy_docs` uit privacy/inventory/ en de code. "
    "Niet met de hand wijzigen: pas de inventaris aan en draai het commando opnieuw. -->\n\n"
)


def stored_fields() -> list[tuple[str, str, str, Classified]]:
    """(model label, verbose name, field name, classification) for every stored field."""
    rows = []
    for model, name in inventory_fields():
        item = classification(model._meta.label_lower, name)
        if item is not None:
            rows.append((model._meta.label_lower, str(model._meta.verbose_name), name, item))
    return rows


def _personal() -> list[tuple[str, str, str, Classified]]:
    return [row for row in stored_fields() if row[3].is_personal]


def _lines(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _by_activity() -> dict[str, list[tuple[str, str, str, Classified]]]:
    grouped: dict[str, list[tuple[str, str, str, Classified]]] = defaultdict(list)
    for row in _personal():
        grouped[row[3].activity].append(row)
    return grouped


def _register_entry(activity: Activity, rows: list[tuple[str, str, str, Classified]]) -> str:
    subjects = sorted({SUBJECT_TEXT[row[3].subject] for row in rows})
    categories = sorted({CATEGORY_TEXT[row[3].category] for row in rows})
    retention = sorted({RETENTION_TEXT[row[3].retention] for row in rows})
    shared = sorted({f"`{row[0]}.{row[2]}`" for row in rows if row[3].shared_with_partners})
    parts = [
        f"## {activity.name}",
        f"**Doel.** {activity.purpose}",
        f"**Grondslag.** {activity.basis}",
    ]
    if activity.special_ground:
        parts.append(f"**Bijzondere en strafrechtelijke gegevens.** {activity.special_ground}")
    parts += [
        f"**Betrokkenen.**\n\n{_lines(subjects)}",
        f"**Soorten gegevens.**\n\n{_lines(categories)}",
        f"**Ontvangers.** {activity.recipients}",
    ]
    if shared:
        parts.append(f"**Wat een partner kan lezen (na toestemming).** {', '.join(shared)}")
    parts += [
        "**Doorgifte buiten de EER.** Het portaal geeft geen gegevens door buiten de EER. Zie de subverwerkers.",
        f"**Bewaartermijnen.**\n\n{_lines(retention)}",
        f"**Maatregelen.**\n\n{_lines(activity.measures)}",
    ]
    return "\n\n".join(parts)


def register() -> str:
    grouped = _by_activity()
    entries = [_register_entry(activity, grouped[activity.id]) for activity in ACTIVITIES if grouped.get(activity.id)]
    intro = (
        "# Verwerkingsregister (bouwstenen)\n\n"
        "Per verwerking in het portaal: doel, grondslag, betrokkenen, gegevens, ontvangers, bewaartermijn en "
        "maatregelen (art. 30 AVG). De organisatie die het portaal gebruikt is verwerkingsverantwoordelijke; "
        "neem deze bouwstenen over in het eigen register en laat de functionaris gegevensbescherming de "
        "grondslagen toetsen."
    )
    return HEADER + intro + "\n\n" + "\n\n".join(entries) + "\n"


def inventory() -> str:
    lines = [
        "# Gegevensinventaris",
        "",
        "Elk veld dat het portaal opslaat en dat iets over een persoon zegt: soort gegeven, van wie, grondslag, "
        "bewaartermijn, of het versleuteld is en of een partner het kan lezen. Velden zonder persoonsgegevens "
        "(configuratie, inhoud, tellingen) zijn ook ingedeeld, maar staan niet in deze lijst.",
        "",
        "| tabel | veld | soort | van wie | verwerking | bewaren | versleuteld | partner |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for label, _verbose, name, item in _personal():
        lines.append(
            f"| `{label}` | `{name}` | {CATEGORY_TEXT[item.category]} | {SUBJECT_TEXT[item.subject]} | "
            f"{item.activity} | {item.retention.value} | {'ja' if item.encrypted else 'nee'} | "
            f"{'ja' if item.shared_with_partners else 'nee'} |"
        )
    lines += ["", "## Bewaarregels", ""]
    lines += [f"- `{rule.value}`: {RETENTION_TEXT[rule]}" for rule in Retention if rule != Retention.NOT_PERSONAL]
    return HEADER + "\n".join(lines) + "\n"


def privacy_sheet() -> str:
    personal = _personal()
    categories = sorted({CATEGORY_TEXT[row[3].category] for row in personal})
    retention = sorted({RETENTION_TEXT[row[3].retention] for row in personal})
    parts = [
        "# Privacybijsluiter Veilig Online",
        "**Wat het portaal doet.** Scholen, sportclubs en gemeenten helpen slachtoffers van online bedreiging, "
        "sextortion, doxing en het delen van naaktbeelden zonder toestemming. Medewerkers volgen e-learning, "
        "leggen signalen vast, volgen een stappenplan en verwijzen door naar partners.",
        f"**Welke gegevens.**\n\n{_lines(categories)}",
        "**Waarom.**\n\n" + _lines(f"{activity.name}: {activity.purpose}" for activity in ACTIVITIES),
        "**Waar.** In de database van het portaal, in de EER. Contactgegevens van slachtoffers staan versleuteld "
        "in de database. Het portaal vraagt nooit om beelden en slaat bij een casus geen afbeeldingen op.",
        f"**Hoe lang.**\n\n{_lines(retention)}",
        "**Wie kan erbij.** Alleen leden van de eigen organisatie met een rol die erbij hoort; partners alleen "
        "wat met toestemming is gedeeld. Wie casussen kan zien, logt in met tweestapsverificatie.",
        "**Subverwerkers.** Zie `subverwerkers.md`.",
    ]
    return HEADER + "\n\n".join(parts) + "\n"


def dpia_building_blocks() -> str:
    personal = _personal()
    special = [
        f"`{label}.{name}` ({CATEGORY_TEXT[item.category]})"
        for label, _v, name, item in personal
        if item.category in SPECIAL
    ]
    encrypted = [f"`{label}.{name}`" for label, _v, name, item in personal if item.encrypted]
    mfa_roles = sorted(str(Role(role).label) for role in MFA_ROLES)
    subjects: dict[Subject, set[str]] = defaultdict(set)
    for _label, _v, _name, item in personal:
        subjects[item.subject].add(CATEGORY_TEXT[item.category])
    data = [f"{SUBJECT_TEXT[subject]}: {', '.join(sorted(kinds))}" for subject, kinds in sorted(subjects.items())]
    risks = [
        (
            "Onbevoegde inzage in een casus (bijzondere gegevens van een kind).",
            f"Tweestapsverificatie verplicht voor: {', '.join(mfa_roles)}. Elke inzage staat in het inzagelog. "
            "Gegevens van elke organisatie zijn gescheiden: een zoekopdracht buiten de eigen organisatie faalt.",
        ),
        (
            "Een gelekte database.",
            f"Versleuteld opgeslagen: {', '.join(encrypted) or 'geen velden'}. Wachtwoorden alleen als hash; "
            "tokens en uitnodigingslinks alleen als hash.",
        ),
        (
            "Gegevens langer bewaard dan nodig.",
            "Automatische verwijdering na de bewaartermijn van de organisatie; exportbestanden verlopen na een dag; "
            "de inlogregistratie na 180 dagen.",
        ),
        (
            "Een persoon herkenbaar in cijfers.",
            f"Dashboards tonen aantallen van 1 tot en met {SMALL_MAX} niet (kleine-getallenregel).",
        ),
        (
            "Gegevens van slachtoffers in e-mail of logbestanden.",
            "E-mails en meldingen bevatten geen naam of contactgegevens van het slachtoffer: een kenmerk, een link "
            "en soms de naam van een partner of taak (zie de open punten). Logregels bevatten geen gegevens van "
            "slachtoffers.",
        ),
        (
            "Beelden van een minderjarige in het portaal (strafbaar bezit).",
            "Uploaden van afbeeldingen bij een casus kan niet; de training zegt dat je geen beelden bewaart of doorstuurt.",
        ),
        (
            "Niet kunnen nagaan wat er met de gegevens van één persoon is gebeurd.",
            "Elke verwerking (inzien, vastleggen, wijzigen, delen met een partner, exporteren, verwijderen) is een "
            "regel in het verwerkingslogboek met trace- en span-id, handeling, status, begin en einde, de "
            "verwerkingsactiviteit en een pseudoniem van de betrokkene. De database weigert wijzigen en eerder "
            "verwijderen. Een coördinator zoekt de regels over één persoon op.",
        ),
        (
            "Een inzage- of verwijderverzoek niet (op tijd) beantwoorden.",
            "De coördinator registreert het verzoek; het portaal rekent de wettelijke termijn van een maand en "
            "herinnert een week ervoor. Het overzicht (JSON en PDF in één ZIP) bevat alleen wat de eigen "
            "organisatie over de persoon heeft, zonder namen van medewerkers; vrije tekst moet de coördinator "
            "zelf nalezen. Verwijderen volgt vaste regels en legt vast wat bleef en waarom.",
        ),
        (
            "Een identiteitsprovider die mensen in de verkeerde organisatie laat inloggen.",
            "Elke provider hoort bij één organisatie; accounts alleen voor geverifieerde domeinen of "
            "federatiegegevens; rollen die casussen zien worden alleen door een coördinator gegeven.",
        ),
    ]
    parts = [
        "# DPIA: bouwstenen",
        "Deze bouwstenen helpen de organisatie bij haar gegevensbeschermingseffectbeoordeling (art. 35 AVG).",
        f"## Gegevens\n\n{_lines(data)}",
        f"## Bijzondere en strafrechtelijke gegevens\n\n{_lines(special) if special else 'Geen.'}",
        "## Doelen\n\n" + _lines(f"{activity.name}: {activity.purpose}" for activity in ACTIVITIES),
        "## Risico's en maatregelen\n\n" + "\n".join(f"- **{risk}** {measure}" for risk, measure in risks),
        "## Open punten\n\nWat het portaal nog niet doet zoals het zou moeten (gevonden bij het maken van de "
        "inventaris):\n\n" + _lines(OPEN_POINTS),
    ]
    return HEADER + "\n\n".join(parts) + "\n"


def subprocessors() -> str:
    lines = [
        "# Subverwerkers",
        "",
        "| partij | wat | welke gegevens | wanneer |",
        "|---|---|---|---|",
    ]
    lines += [f"| {s.name} | {s.role} | {s.data} | {s.when} |" for s in SUBPROCESSORS]
    return HEADER + "\n".join(lines) + "\n"


def build() -> dict[str, str]:
    return {
        "verwerkingsregister.md": register(),
        "gegevensinventaris.md": inventory(),
        "privacybijsluiter.md": privacy_sheet(),
        "dpia-bouwstenen.md": dpia_building_blocks(),
        "subverwerkers.md": subprocessors(),
    }


def pdf(markdown_text: str) -> bytes:
    """One document as PDF (WeasyPrint), for the privacy officer's file."""
    import markdown
    from weasyprint import HTML

    body = markdown.markdown(markdown_text, extensions=["tables"])
    html = (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><style>'
        "body{font-family:sans-serif;font-size:10pt;line-height:1.4}"
        "table{border-collapse:collapse;font-size:8pt}td,th{border:1px solid #999;padding:2px 4px}"
        f"</style></head><body>{body}</body></html>"
    )
    return HTML(string=html).write_pdf()
