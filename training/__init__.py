"""Learners' progress, knowledge checks, certificates and assignments."""
