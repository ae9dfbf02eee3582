from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


def _create_groups(sender, **kwargs) -> None:
    from editorial.roles import ensure_groups

    ensure_groups()


class InternalTasksConfig(TasksAppConfig):
    """The background-task tables (django-tasks-db) under a heading of ours, apart from the newsroom's tables."""

    verbose_name = _("Internal: background tasks")


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial checks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from editorial import system_checks  # noqa: F401 - registers the start-up checks

        # Role groups exist as soon as the database is migrated (after auth has created permissions).
        post_migrate.connect(_create_groups, sender=self)
        _connect_cache_invalidation()
        from django.tasks.signals import task_finished

        from editorial.observability import log_task_finished

        task_finished.connect(log_task_finished, dispatch_uid="editorial-task-log")


def _connect_cache_invalidation() -> None:
    """Cached copies (API keys with their client, the check configuration) leave the cache when saved or deleted,
    at once and again when the write commits (a request in between may have cached the old row)."""
    from django.db import transaction
    from django.db.models.signals import post_delete, post_save

    from editorial import rule_settings
    from editorial.api import keycache
    from editorial.models import ApiClient, ApiKey, NewsroomPhrases, RuleSetting

    def later(fn):
        def handler(sender, instance, **kwargs):
            fn(sender, instance)
            transaction.on_commit(lambda: fn(sender, instance))
        return handler

    for model, fn in ((ApiKey, keycache.forget_key), (ApiClient, keycache.forget_client),
                      (RuleSetting, rule_settings.forget), (NewsroomPhrases, rule_settings.forget)):
        for signal in (post_save, post_delete):
            signal.connect(later(fn), sender=model, weak=False, dispatch_uid=f"cache-{model.__name__}-{signal}")

    # The API's cached detail of a draft names clients and users (dismissals, history): a save of either
    # replaces every detail's global token (``detail_cache``); a sign-in does not.
    from django.contrib.auth import get_user_model

    from editorial import detail_cache

    for model in (ApiClient, get_user_model()):
        post_save.connect(detail_cache.everything_changed, sender=model, weak=False,
                          dispatch_uid=f"detail-cache-{model.__name__}")
