"""Wagtail content: the e-learning library, lessons and platform takedown guides."""
