from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _create_groups(sender, **kwargs) -> None:
    from editorial.roles import ensure_groups

    ensure_groups()


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial checks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Role groups exist as soon as the database is migrated (after auth has created permissions).
        post_migrate.connect(_create_groups, sender=self)
