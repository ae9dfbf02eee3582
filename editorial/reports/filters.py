"""The period and desk a report is drawn over: parsed from a query string, with safe defaults."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_WEEKS = 12
MAX_DAYS = 2 * 366  # a longer span is refused: the page stays fast and the weekly charts readable


@dataclass(frozen=True)
class Period:
    """Half-open [start, end) in aware datetimes, plus an optional desk; what every query filters on."""

    start: dt.datetime
    end: dt.datetime
    desk: str = ""
    first_day: dt.date | None = None
    last_day: dt.date | None = None

    def query(self) -> dict[str, str]:
        q = {"from": self.first_day.isoformat(), "to": self.last_day.isoformat()}
        if self.desk:
            q["desk"] = self.desk
        return q


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    desk = forms.CharField(label=_("Desk"), required=False, max_length=100)

    def __init__(self, data=None, *, desks: list[str] | None = None, **kw):
        # The query string says from/to (the words a reader sees in the address); the form fields say start/end.
        if data is not None:
            data = {"start": data.get("from", ""), "end": data.get("to", ""), "desk": data.get("desk", "")}
        super().__init__(data, **kw)
        if desks is not None:
            self.fields["desk"] = forms.ChoiceField(
                label=_("Desk"), required=False, choices=[("", _("All desks"))] + [(d, d) for d in desks]
            )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The start of the period is after its end."))
        if start and end and (end - start).days > MAX_DAYS:
            raise forms.ValidationError(_("Choose a period of at most two years."))
        return cleaned

    def period(self) -> Period:
        """The chosen period, or the last twelve weeks when nothing (or nothing valid) was chosen."""
        today = timezone.localdate(timezone=timezone.get_default_timezone())
        cleaned = self.cleaned_data if self.is_bound and self.is_valid() else {}
        last = cleaned.get("end") or today
        first = cleaned.get("start") or (last - dt.timedelta(weeks=DEFAULT_WEEKS) + dt.timedelta(days=1))
        if (last - first).days > MAX_DAYS:
            first = last - dt.timedelta(days=MAX_DAYS)
        tz = timezone.get_default_timezone()  # the newsroom's days, also for the API (whose times are UTC)
        start = dt.datetime.combine(first, dt.time.min, tzinfo=tz)
        end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        return Period(start=start, end=end, desk=cleaned.get("desk", "") or "", first_day=first, last_day=last)


def period_from(params, desks: list[str] | None = None) -> tuple[PeriodForm, Period]:
    form = PeriodForm(params if params else None, desks=desks)
    return form, form.period()
