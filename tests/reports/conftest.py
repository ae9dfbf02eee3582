"""A small newsroom with known figures: two desks, placeholder findings, review events at chosen times."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from editorial import review, services
from editorial.models import CheckRun, Finding, ReviewEvent
from editorial.reports import rollup
from tests.conftest import SAMPLE_BODY, SAMPLE_TITLE

# One bracketed instruction the placeholder check flags (an error): a draft that carries it cannot be approved
# without an override.
PLACEHOLDER_BODY = SAMPLE_BODY + "\n\nوأضاف [اسم المتحدث – يرجى التأكد] أن العمل سيبدأ الشهر المقبل."


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()


def at(draft, *times: dt.datetime) -> None:
    """Put the draft's review events (oldest first) at the given times."""
    events = list(ReviewEvent.objects.filter(draft=draft).order_by("created_at", "id"))
    assert len(events) == len(times)
    for event, when in zip(events, times, strict=True):
        ReviewEvent.objects.filter(pk=event.pk).update(created_at=when)
    rollup.rebuild()  # the times were changed behind the services' back: count again


def checked_at(draft, when: dt.datetime) -> None:
    CheckRun.objects.filter(revision__draft=draft).update(created_at=when)
    rollup.rebuild()


@pytest.fixture
def newsroom(writer, other_writer, reviewer, publisher, admin_user):
    return build_newsroom(writer, other_writer, reviewer)


def build_newsroom(writer, other_writer, reviewer) -> dict:
    """Drafts on two desks, a week ago; one approved over an open error, one approved clean, one waiting."""
    now = timezone.now()
    week_ago = now - dt.timedelta(days=7)
    clean = services.draft_create(title=SAMPLE_TITLE, body_text=SAMPLE_BODY, user=writer, desk="economy")
    dirty = services.draft_create(title=SAMPLE_TITLE, body_text=PLACEHOLDER_BODY, user=other_writer, desk="sports")
    waiting = services.draft_create(title="مسودة تنتظر المراجعة", body_text=SAMPLE_BODY, user=writer, desk="sports")
    for d in (clean, dirty, waiting):
        checked_at(d, week_ago)
        services.draft_transition(draft=d, action=review.SUBMIT, user=d.author)
    services.draft_transition(draft=clean, action=review.APPROVE, user=reviewer)
    services.draft_transition(draft=dirty, action=review.APPROVE, user=reviewer,
                              override_reason="الخبر عاجل والاسم يضاف عند النشر")
    services.draft_assign(draft=waiting, assignee=reviewer, user=reviewer)
    # A fourth draft, not submitted: the reviewer judges its placeholder a false alarm (a dismissals row).
    judged = services.draft_create(title=SAMPLE_TITLE, body_text=PLACEHOLDER_BODY, user=other_writer, desk="sports")
    checked_at(judged, week_ago)
    services.finding_dismiss(finding=Finding.objects.get(check_run__revision__draft=judged),
                             kind=review.DismissalKind.FALSE_ALARM, user=reviewer)
    # In review for 2 hours (clean) and 6 hours (dirty); waiting has been in review for three days.
    at(clean, week_ago, week_ago + dt.timedelta(hours=2))
    at(dirty, week_ago, week_ago + dt.timedelta(hours=6))
    at(waiting, now - dt.timedelta(days=3))
    return {"clean": clean, "dirty": dirty, "waiting": waiting, "writer": writer, "other_writer": other_writer,
            "reviewer": reviewer}
