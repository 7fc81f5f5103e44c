"""The national course and the platform takedown guides, as plain data.

Everything here is Dutch at B1 level, written in our own words from the facts in
the source documents (/work/shared/seeds). ``cms.services.course_load`` writes it
into Wagtail; the shapes follow StreamField raw data:

* a lesson ``body`` is a list of ``{"type": block_name, "value": {...}}``;
* ListBlock values are plain lists;
* knowledge_check options are ``{"text", "correct", "feedback"}`` dicts;
* a ``takedown_guide`` block names its guide by slug: ``{"guide_slug": "instagram", "note": "…"}``.

Slugs are stable: the loader matches pages and guides on them and derives the
ids of questions and answers from them. Do not rename a slug once it is live.
"""

from cms.content.guides import GUIDES
from cms.content.library import LIBRARY
from cms.content.modules import MODULES

__all__ = ["GUIDES", "LIBRARY", "MODULES"]
