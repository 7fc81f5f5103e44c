"""Learners' progress, knowledge-check answers, certificates and assignments.

Two kinds of ownership live here:

* Progress, attempts, answers and certificates belong to the *learner* (a person
  keeps them when they move between organisations). They carry no organisation and
  have no scoped manager; tenant views reach them only through members of the
  organisation in scope (see ``training.selectors``).
* Assignments belong to an *organisation*: scoped manager, indexes leading with
  ``organisation``.

Statuses such as "overdue" or "expiring" are never stored: they are computed from
due dates and certificate validity (``training.selectors.training_status``).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from portal.roles import Role

# Certificates expiring within this window show as "expiring" to learner and coordinator.
EXPIRING_WITHIN = timedelta(days=30)

# Codes are typed over the phone and read from paper: no 0/O, 1/I/L look-alikes.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12  # 31**12 ≈ 2**59: not guessable, so no rate limit is needed on the public page.


class ModuleAttempt(models.Model):
    """One pass through a module by one learner. Attempts are numbered and kept."""

    class Status(models.TextChoices):
        OPEN = "open", _("Bezig")
        PASSED = "passed", _("Gehaald")
        FAILED = "failed", _("Niet gehaald")
        STOPPED = "stopped", _("Gestopt")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deelnemer"),
        on_delete=models.CASCADE,
        related_name="training_attempts",
    )
    module = models.ForeignKey("cms.ModulePage", verbose_name=_("module"), on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField(_("poging"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    started_at = models.DateTimeField(_("begonnen op"), default=timezone.now)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    correct_count = models.PositiveSmallIntegerField(_("goede antwoorden"), null=True, blank=True)
    question_count = models.PositiveSmallIntegerField(_("aantal vragen"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(_("score (procent)"), null=True, blank=True)

    class Meta:
        verbose_name = _("poging")
        verbose_name_plural = _("pogingen")
        ordering = ["user", "module", "number"]
        constraints = [
            models.UniqueConstraint(fields=["user", "module", "number"], name="attempt_unique_number"),
            # At most one attempt in progress per learner and module, also under races.
            models.UniqueConstraint(
                fields=["user", "module"], condition=Q(status="open"), name="attempt_one_open_per_module"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.module_id} #{self.number}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class LessonProgress(models.Model):
    """A lesson done within an attempt. A row exists only for a completed lesson."""

    attempt = models.ForeignKey(ModuleAttempt, on_delete=models.CASCADE, related_name="lesson_progress")
    lesson = models.ForeignKey("cms.LessonPage", verbose_name=_("les"), on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(_("afgerond op"), default=timezone.now)

    class Meta:
        verbose_name = _("voortgang per les")
        verbose_name_plural = _("voortgang per les")
        constraints = [models.UniqueConstraint(fields=["attempt", "lesson"], name="progress_unique_lesson")]

    def __str__(self) -> str:
        return f"{self.attempt} – {self.lesson_id}"


class Answer(models.Model):
    """A learner's answer to one knowledge check in one attempt, scored on the server."""

    attempt = models.ForeignKey(ModuleAttempt, on_delete=models.CASCADE, related_name="answers")
    lesson = models.ForeignKey("cms.LessonPage", verbose_name=_("les"), on_delete=models.CASCADE, related_name="+")
    question_id = models.CharField(_("vraag (blok-id)"), max_length=64)
    option_ids = models.JSONField(_("gekozen antwoorden (ids)"), default=list)
    is_correct = models.BooleanField(_("goed"))
    answered_at = models.DateTimeField(_("beantwoord op"), default=timezone.now)

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [models.UniqueConstraint(fields=["attempt", "question_id"], name="answer_once_per_attempt")]

    def __str__(self) -> str:
        return f"{self.attempt} – {self.question_id}"


class Certificate(models.Model):
    """Proof that a learner passed a module. Name, module title and the issuing
    organisation's name are copied at issue time, so the public verification keeps working when a page is renamed or
    removed and shows nothing but what the certificate itself says."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("deelnemer"), on_delete=models.CASCADE, related_name="certificates"
    )
    module = models.ForeignKey(
        "cms.ModulePage", verbose_name=_("module"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    attempt = models.OneToOneField(
        ModuleAttempt, on_delete=models.SET_NULL, null=True, blank=True, related_name="certificate"
    )
    code = models.CharField(_("controlecode"), max_length=CODE_LENGTH, unique=True, editable=False)
    holder_name = models.CharField(_("naam"), max_length=300)
    module_title = models.CharField(_("module"), max_length=255)
    # Where the learner finished the module. The name is copied at issue, so the
    # certificate keeps saying who issued it when the organisation is renamed or
    # removed, or the learner downloads it in another organisation. Certificates
    # from before this field are blank: their PDF names the downloading organisation.
    organisation = models.ForeignKey(
        "portal.Organisation",
        verbose_name=_("uitgegeven door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation_name = models.CharField(_("naam van de organisatie"), max_length=200, blank=True)
    issued_at = models.DateTimeField(_("uitgegeven op"), default=timezone.now)
    expires_at = models.DateTimeField(_("geldig tot"))

    class Meta:
        verbose_name = _("certificaat")
        verbose_name_plural = _("certificaten")
        ordering = ["-issued_at"]
        indexes = [
            models.Index(fields=["user", "module", "-issued_at"], name="certificate_user_module"),
            models.Index(fields=["expires_at"], name="certificate_expires"),
        ]

    def __str__(self) -> str:
        return f"{self.module_title} – {self.holder_name} ({self.display_code})"

    @property
    def display_code(self) -> str:
        """The code in groups of four, easier to read aloud: ABCD-EFGH-JKMN."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))

    def is_valid(self, at: datetime | None = None) -> bool:
        return self.expires_at > (at or timezone.now())

    def is_expiring(self, at: datetime | None = None) -> bool:
        at = at or timezone.now()
        return self.is_valid(at) and self.expires_at <= at + EXPIRING_WITHIN


class Assignment(models.Model):
    """A module an organisation asks a role or one member to do, by a due date."""

    organisation = models.ForeignKey("portal.Organisation", verbose_name=_("organisatie"), on_delete=models.CASCADE)
    module = models.ForeignKey(
        "cms.ModulePage", verbose_name=_("module"), on_delete=models.CASCADE, related_name="+", db_index=False
    )
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices, blank=True)
    membership = models.ForeignKey(
        "portal.Membership",
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="training_assignments",
        db_index=False,
    )
    due_date = models.DateField(_("klaar voor"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", db_index=False
    )
    created_at = models.DateTimeField(_("toegewezen op"), default=timezone.now)

    objects: ClassVar[models.Manager[Assignment]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("toewijzing")
        verbose_name_plural = _("toewijzingen")
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(role="") & Q(membership__isnull=False)) | (~Q(role="") & Q(membership__isnull=True)),
                name="assignment_role_xor_person",
            ),
            models.UniqueConstraint(
                fields=["organisation", "module", "role"], condition=~Q(role=""), name="assignment_unique_role"
            ),
            models.UniqueConstraint(
                fields=["organisation", "module", "membership"],
                condition=Q(membership__isnull=False),
                name="assignment_unique_person",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "role"], name="assignment_org_role"),
            models.Index(fields=["organisation", "membership"], name="assignment_org_member"),
            models.Index(fields=["organisation", "due_date"], name="assignment_org_due"),
        ]

    def __str__(self) -> str:
        return f"{self.module_id} → {self.role or self.membership_id} ({self.due_date})"

    @property
    def target_label(self) -> str:
        if self.membership is not None:
            user = self.membership.user
            return str(user)
        return str(self.get_role_display())
