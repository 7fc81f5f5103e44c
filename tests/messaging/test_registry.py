"""The registry of kinds: every kind the database knows is registered by the app it
belongs to, and the engine asks the kind what to send."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from messaging import registry
from messaging.models import NotificationKind
from portal.roles import Action

K = NotificationKind


def test_every_notification_kind_is_registered_once_with_who_receives_it():
    kinds = registry.registered()
    assert set(kinds) == set(NotificationKind.values)
    for name, kind in kinds.items():
        assert kind.name == name
        assert kind.label == str(NotificationKind(name).label)
        assert kind.receivers and all(isinstance(action, Action) for action in kind.receivers)


@pytest.mark.parametrize(
    ("name", "module"),
    [
        (K.CASE_FOLLOW_UP, "referrals.messages"),
        (K.PARTNER_ESCALATION, "referrals.messages"),
        (K.REFERRAL_ACCEPTED, "messaging.notices"),
        (K.TRAINING_DUE, "training.messages"),
        (K.CERTIFICATE_EXPIRING, "training.messages"),
        (K.WEEKLY_DIGEST, "messaging.digest"),
    ],
)
def test_each_kind_is_built_by_its_own_app(name, module):
    assert registry.get(name).build.__module__ == module


def test_registering_again_is_a_no_op_but_a_second_kind_under_a_taken_name_is_refused():
    kind = registry.get(K.TASK_OVERDUE)
    assert registry.register(kind) is kind
    with pytest.raises(ImproperlyConfigured, match="registered twice"):
        registry.register(registry.Kind(name=K.TASK_OVERDUE, build=lambda reminder, now, batch: []))
    assert registry.get(K.TASK_OVERDUE) is kind


def test_a_kind_the_database_does_not_know_is_refused():
    with pytest.raises(ImproperlyConfigured, match="Unknown notification kind 'birthday'"):
        registry.register(registry.Kind(name="birthday", build=lambda reminder, now, batch: []))
