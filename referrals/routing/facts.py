"""The facts of one case, and their validation.

``parse_facts`` turns untrusted input (decoded JSON) into ``Facts`` or raises
``FactsInvalid`` with ``{field: [message, …]}``. Nothing is ignored: unknown fields,
unknown list values, wrong types (JSON ``true`` is not an age) and out-of-range
ages are refused, each with a Dutch message under the field's name. A missing
optional field, or ``null``, means *unknown* – never *false*.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from referrals.routing.vocabulary import (
    COUNTRIES,
    FACT_TYPES,
    FACT_VALUES,
    FORMS,
    MAX_AGE,
    MIN_AGE,
    OFFENDER_RELATIONS,
    PHYSICAL_SEXUAL_VIOLENCE,
    SETTINGS,
    THREATS,
    VULNERABILITIES,
    WISHES,
)

NON_FIELD = "__all__"


class Facts(NamedTuple):
    """Validated facts. ``None`` is "unknown"; lists are frozensets."""

    country: str
    forms: frozenset[str]
    victim_age: int | None = None
    age_when_images_made: int | None = None
    threatened_with: frozenset[str] | None = None
    acute_danger: bool | None = None
    offender_known: bool | None = None
    meets_offender_again: bool | None = None
    hate_motive: bool | None = None
    intimate_images: bool | None = None
    images_online: bool | None = None
    vulnerabilities: frozenset[str] | None = None
    victim_wishes: frozenset[str] | None = None
    # Version 2
    setting: str | None = None
    offender_relation: str | None = None
    offender_is_minor: bool | None = None
    self_harm_signs: bool | None = None
    money_lost: bool | None = None
    physical_sexual_violence: str | None = None
    unsafe_home: bool | None = None

    def as_dict(self) -> dict[str, object]:
        """The facts as JSON-ready data (lists sorted), leaving out unknowns."""
        out: dict[str, object] = {}
        for name, value in zip(self._fields, self, strict=True):
            if value is None:
                continue
            out[name] = sorted(value) if isinstance(value, frozenset) else value
        return out


assert set(Facts._fields) == set(FACT_TYPES)


class FactsInvalid(ValueError):
    """The facts were refused. ``errors`` maps each field to its messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        self.errors = errors
        super().__init__(self.one_line())

    def one_line(self) -> str:
        return " ".join(f"{field}: {' '.join(messages)}" for field, messages in self.errors.items())


class _Bad(Exception):
    def __init__(self, message: str) -> None:
        self.message = message


def _parse_country(value: object) -> str:
    if type(value) is str and value in COUNTRIES:
        return value
    if value is None:
        raise _Bad('Dit veld is verplicht: kies "NL" of "BE".')
    raise _Bad(f'Kies "NL" of "BE", niet {_show(value)}.')


def _parse_age(value: object) -> int | None:
    if type(value) is int:
        if MIN_AGE <= value <= MAX_AGE:
            return value
        raise _Bad(f"Een leeftijd ligt tussen {MIN_AGE} en {MAX_AGE}, niet {value}.")
    if value is None:
        return None
    if type(value) is bool:
        raise _Bad("Geef een leeftijd als geheel getal, niet true of false.")
    raise _Bad(f"Geef een leeftijd als geheel getal, niet {_show(value)}.")


def _parse_bool(value: object) -> bool | None:
    if value is True or value is False or value is None:
        return value
    raise _Bad(f"Geef true, false of null (onbekend), niet {_show(value)}.")


def _list_parser(allowed: tuple[str, ...]) -> Callable[[object], frozenset[str] | None]:
    allowed_set = frozenset(allowed)
    choices = ", ".join(allowed)

    def parse(value: object) -> frozenset[str] | None:
        if type(value) is list:
            try:
                values = frozenset(value)
            except TypeError:  # an unhashable item, such as an object
                values = None
            if values is not None and values <= allowed_set:
                return values
            for item in value:
                if type(item) is not str:
                    raise _Bad(f"Elke waarde is een tekst, niet {_show(item)}.")
                if item not in allowed_set:
                    raise _Bad(f'Onbekende waarde "{item}". Kies uit: {choices}.')
        if value is None:
            return None
        raise _Bad(f'Geef een lijst, bijvoorbeeld ["{allowed[0]}"], niet {_show(value)}.')

    return parse


def _choice_parser(allowed: tuple[str, ...]) -> Callable[[object], str | None]:
    choices = ", ".join(f'"{value}"' for value in allowed)

    def parse(value: object) -> str | None:
        if value is None:
            return None
        if type(value) is str and value in allowed:
            return value
        raise _Bad(f"Kies een van {choices} of null (onbekend), niet {_show(value)}.")

    return parse


_PARSERS = {
    "country": _parse_country,
    "victim_age": _parse_age,
    "age_when_images_made": _parse_age,
    "forms": _list_parser(FORMS),
    "threatened_with": _list_parser(THREATS),
    "acute_danger": _parse_bool,
    "offender_known": _parse_bool,
    "meets_offender_again": _parse_bool,
    "hate_motive": _parse_bool,
    "intimate_images": _parse_bool,
    "images_online": _parse_bool,
    "vulnerabilities": _list_parser(VULNERABILITIES),
    "victim_wishes": _list_parser(WISHES),
    "setting": _choice_parser(SETTINGS),
    "offender_relation": _choice_parser(OFFENDER_RELATIONS),
    "offender_is_minor": _parse_bool,
    "self_harm_signs": _parse_bool,
    "money_lost": _parse_bool,
    "physical_sexual_violence": _choice_parser(PHYSICAL_SEXUAL_VIOLENCE),
    "unsafe_home": _parse_bool,
}
assert set(_PARSERS) == set(FACT_TYPES) and set(FACT_VALUES) <= set(_PARSERS)
_KNOWN_FIELDS = ", ".join(FACT_TYPES)


def _show(value: object) -> str:
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str):
        return f'de tekst "{value[:40]}"'
    if isinstance(value, int | float):
        return f"het getal {value}"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een object"
    return type(value).__name__


_FIELD_SET = frozenset(FACT_TYPES)
_FORMS, _THREATS = frozenset(FORMS), frozenset(THREATS)
_VULNERABILITIES, _WISHES = frozenset(VULNERABILITIES), frozenset(WISHES)
_SETTINGS, _RELATIONS = frozenset(SETTINGS), frozenset(OFFENDER_RELATIONS)
_VIOLENCE = frozenset(PHYSICAL_SEXUAL_VIOLENCE)
_new_facts = tuple.__new__


def _set_or_bad(value: object, allowed: frozenset[str]) -> frozenset[str] | None | bool:
    """A list's values as a set when all are allowed; None when unknown; False when not valid."""
    if value is None:
        return None
    if type(value) is not list:
        return False
    try:
        values = frozenset(value)
    except TypeError:
        return False
    return values if values <= allowed else False


def parse_facts(raw: object) -> Facts:
    """Validate decoded JSON and return ``Facts``; raise ``FactsInvalid`` otherwise.

    The straight path below accepts valid facts quickly; anything it does not
    accept goes through ``_parse_facts_checked``, which finds and names every
    problem (and accepts whatever the straight path was too cautious about).
    """
    if type(raw) is not dict or not raw.keys() <= _FIELD_SET:
        return _parse_facts_checked(raw)
    get = raw.get
    country = get("country")
    forms = _set_or_bad(get("forms"), _FORMS)
    threatened_with = _set_or_bad(get("threatened_with"), _THREATS)
    vulnerabilities = _set_or_bad(get("vulnerabilities"), _VULNERABILITIES)
    victim_wishes = _set_or_bad(get("victim_wishes"), _WISHES)
    age, images_age = get("victim_age"), get("age_when_images_made")
    bools = (
        get("acute_danger"),
        get("offender_known"),
        get("meets_offender_again"),
        get("hate_motive"),
        get("intimate_images"),
        get("images_online"),
    )
    setting, relation, violence = get("setting"), get("offender_relation"), get("physical_sexual_violence")
    bools2 = (get("offender_is_minor"), get("self_harm_signs"), get("money_lost"))
    unsafe_home = get("unsafe_home")
    if (
        (country != "NL" and country != "BE")
        or not forms
        or threatened_with is False
        or vulnerabilities is False
        or victim_wishes is False
        or (age is not None and (type(age) is not int or not MIN_AGE <= age <= MAX_AGE))
        or (images_age is not None and (type(images_age) is not int or not MIN_AGE <= images_age <= MAX_AGE))
        or (age is not None and images_age is not None and images_age > age)
        or (images_age is not None and bools[4] is False)
        or (setting is not None and (type(setting) is not str or setting not in _SETTINGS))
        or (relation is not None and (type(relation) is not str or relation not in _RELATIONS))
        or (violence is not None and (type(violence) is not str or violence not in _VIOLENCE))
    ):
        return _parse_facts_checked(raw)
    for value in (*bools, *bools2, unsafe_home):
        if value is not None and value is not True and value is not False:
            return _parse_facts_checked(raw)
    return _new_facts(
        Facts,
        (
            country,
            forms,
            age,
            images_age,
            threatened_with,
            *bools,
            vulnerabilities,
            victim_wishes,
            setting,
            relation,
            *bools2,
            violence,
            unsafe_home,
        ),
    )


def _parse_facts_checked(raw: object) -> Facts:
    if type(raw) is not dict:
        raise FactsInvalid(
            {
                NON_FIELD: [
                    f'Stuur de feiten als één JSON-object, zoals {{"country": "NL", "forms": ["threat"]}}, niet {_show(raw)}.'
                ]
            }
        )
    values: dict[str, object] = {}
    errors: dict[str, list[str]] | None = None
    for key, value in raw.items():
        parser = _PARSERS.get(key)
        try:
            if parser is None:
                raise _Bad(f'Onbekend veld "{str(key)[:60]}". Bekende velden: {_KNOWN_FIELDS}.')
            values[key] = parser(value)
        except _Bad as bad:
            if errors is None:
                errors = {}
            errors[key] = [bad.message]
    if values.get("country") is None and (errors is None or "country" not in errors):
        errors = errors or {}
        errors["country"] = ['Dit veld is verplicht: kies "NL" of "BE".']
    forms = values.get("forms")
    if not forms and (errors is None or "forms" not in errors):
        errors = errors or {}
        errors["forms"] = [
            'Kies minstens één vorm, bijvoorbeeld ["threat"].'
            if forms is not None
            else 'Dit veld is verplicht: kies minstens één vorm, bijvoorbeeld ["threat"].'
        ]
    age, images_age = values.get("victim_age"), values.get("age_when_images_made")
    if age is not None and images_age is not None and images_age > age:  # type: ignore[operator]
        errors = errors or {}
        errors.setdefault("age_when_images_made", []).append(
            "Kan niet hoger zijn dan de huidige leeftijd (victim_age)."
        )
    if values.get("intimate_images") is False and images_age is not None:
        errors = errors or {}
        errors.setdefault("age_when_images_made", []).append(
            "Hoort alleen bij intieme beelden, maar intimate_images is false."
        )
    if errors:
        raise FactsInvalid(errors)
    return Facts(**values)  # type: ignore[arg-type]
