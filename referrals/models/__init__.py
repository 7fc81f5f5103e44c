"""The referrals app's models, one module per concern.

- ``routing``: rule set versions (platform-wide), a municipality's local destinations and rules
- ``api_tokens``: personal tokens for the routing API
- ``cases``: a case, its chronology, notes, evidence, tasks, the victim's contact details and
  the personal-data access log
- ``referrals``: referrals, the consent that covers them and the partner's updates
- ``partners``: the partner's one-time links
- ``settings``: an organisation's case settings and the retention run's log
- ``directory``: the national directory (sociale kaart)

Every model is re-exported here, so ``referrals.models.Case`` (and the migrations) keep
working; import from ``referrals.models``, not from the modules.
"""

from referrals.models.api_tokens import ApiToken
from referrals.models.cases import (
    Case,
    CaseEvent,
    CaseNote,
    CaseTask,
    EvidenceItem,
    PersonalDataAccess,
    VictimContact,
)
from referrals.models.directory import DirectoryEntry
from referrals.models.partners import PartnerLink
from referrals.models.referrals import Referral, ReferralConsent, ReferralUpdate
from referrals.models.routing import KIND_CHOICES, LocalDestination, LocalRule, RuleSetVersion
from referrals.models.settings import DeletionLog, OrganisationCaseSettings

__all__ = [
    "KIND_CHOICES",
    "ApiToken",
    "Case",
    "CaseEvent",
    "CaseNote",
    "CaseTask",
    "DeletionLog",
    "DirectoryEntry",
    "EvidenceItem",
    "LocalDestination",
    "LocalRule",
    "OrganisationCaseSettings",
    "PartnerLink",
    "PersonalDataAccess",
    "Referral",
    "ReferralConsent",
    "ReferralUpdate",
    "RuleSetVersion",
    "VictimContact",
]
