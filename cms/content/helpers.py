"""Small builders for the course content (plain data, see cms/content/__init__.py)."""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict


class LessonSpec(TypedDict):
    slug: str
    title: str
    summary: NotRequired[str]
    body: list[dict[str, Any]]  # StreamField raw data: {"type": block name, "value": …}


class ModuleSpec(TypedDict):
    slug: str
    title: str
    intro: str
    learning_goals: list[str]
    estimated_minutes: int
    audience: NotRequired[str]
    pass_mark: int
    certificate_validity_months: int
    lessons: list[LessonSpec]


def country(code: str, *body: dict[str, Any]) -> dict[str, Any]:
    """A ``country`` block: only learners of an organisation in ``code`` ("NL" or "BE") see ``body``."""
    assert code in {"NL", "BE"}, code
    return {"type": "country", "value": {"country": code, "body": list(body)}}


def text(html: str) -> dict[str, Any]:
    return {"type": "text", "value": html}


def callout(kind: str, title: str, html: str) -> dict[str, Any]:
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": html}}


def option(key: str, text: str, feedback: str, *, correct: bool = False) -> dict[str, Any]:
    """A knowledge-check option with a stable key (format.md point 2)."""
    return {"key": key, "text": text, "correct": correct, "feedback": feedback}


def check(question: str, *options: dict[str, Any], multiple: bool = False) -> dict[str, Any]:
    return {"type": "knowledge_check", "value": {"question": question, "multiple": multiple, "options": list(options)}}
