"""factory-boy factories for the privacy app's rows (created with scopes disabled).

SubjectRequestFactory(organisation=org)                                  # an open access request about a victim
SubjectRequestFactory(organisation=org, kind="erasure", answered=True)   # answered
"""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from privacy.models import SubjectRequest
from privacy.requests.services import due_date
from tests.factories import SchoolFactory, TenantFactory


class SubjectRequestFactory(TenantFactory):
    class Meta:
        model = SubjectRequest

    class Params:
        answered = factory.Trait(
            status=SubjectRequest.Status.ANSWERED,
            answered_on=factory.LazyAttribute(lambda o: o.received_on + timedelta(days=10)),
            answer="Overzicht per beveiligde mail gestuurd.",
        )

    organisation = factory.SubFactory(SchoolFactory)
    kind = SubjectRequest.Kind.ACCESS
    subject_type = SubjectRequest.SubjectType.VICTIM
    case_references = factory.Sequence(lambda n: [f"2026-{n:04d}"])
    pseudonym = "J.B."
    received_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=5))
    due_on = factory.LazyAttribute(lambda o: due_date(o.received_on))
