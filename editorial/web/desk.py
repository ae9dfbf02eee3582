"""The desk: the drafts a member cares about, most urgent first, with open findings counted."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from editorial import selectors
from editorial.web.access import newsroom_required
from editorial.web.forms import DeskFilterForm

PAGE_SIZE = 50


# What a row never shows: the texts (an 800-word draft is ~8 KB in each) and the metadata, read, detoasted and
# decoded for nothing 50 times a page.
UNSHOWN = ("body_text", "source_html", "metadata")


def _rows(request, qs):
    page = Paginator(qs.defer(*UNSHOWN), PAGE_SIZE).get_page(request.GET.get("page"))
    counts = selectors.open_counts_many(page.object_list)
    rows = [{"draft": d, "counts": counts.get(d.pk, {})} for d in page.object_list]
    return page, rows


@newsroom_required
def desk(request):
    form = DeskFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    scope = data.get("scope") or "attention"
    qs = selectors.desk_drafts(request.user, scope=scope, q=data.get("q", ""), status=data.get("status", ""),
                               findings=data.get("findings", ""))
    page, rows = _rows(request, qs)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "editorial/desk.html", {
        "form": form, "page": page, "rows": rows, "scope": scope, "query": query.urlencode(),
        "heading": dict(DeskFilterForm.SCOPES)[scope],
    })


@newsroom_required
def waiting(request):
    page, rows = _rows(request, selectors.waiting_for(request.user))
    return render(request, "editorial/waiting.html", {"page": page, "rows": rows,
                                                      "heading": _("Waiting for my review")})
