from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Training")

    def ready(self) -> None:
        # What waits for a member here, counted on their start page (portal.worklist).
        from portal.worklist import register
        from training import work

        register(work.training_work)

        # What training sends (reminder kinds), for messaging's registry.
        from training import messages

        messages.register_kinds()
