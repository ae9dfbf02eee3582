"""API views: HTTP in, one service or selector call, HTTP out. Errors are mapped in ``exceptions``."""

from __future__ import annotations

import datetime
import math

from django.http import HttpResponse, HttpResponseNotModified
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import parse_etags
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.pagination import CursorPagination, PageNumberPagination
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from editorial import detail_cache, rule_settings, selectors, services
from editorial.api import presenters, schema
from editorial.api import serializers as s
from editorial.api import services as api_services
from editorial.api.authentication import ApiKeyAuthentication, client_of
from editorial.api.exceptions import api_exception_handler
from editorial.api.filters import DraftFilter
from editorial.api.parsers import JSONOnlyNegotiation, JSONParser
from editorial.api.permissions import IsApiClient, IsApiClientOrNewsroomMember
from editorial.api.throttling import ApiClientRateThrottle
from editorial.checks import check_draft
from editorial.checks.text import normalise_title
from editorial.ids import MAX_ID
from editorial.models import Draft, Finding

API_TIME_ZONE = datetime.UTC  # every time the API reads or writes is in UTC, as in the webhooks


class ApiView(APIView):
    authentication_classes = (ApiKeyAuthentication,)
    permission_classes = (IsApiClient,)
    throttle_classes = (ApiClientRateThrottle,)
    parser_classes = (JSONParser,)
    renderer_classes = (JSONRenderer,)
    content_negotiation_class = JSONOnlyNegotiation

    # Methods of this view that run the checks: the rule settings are read in the API key's cache round trip.
    checks_on: tuple[str, ...] = ()

    def cache_keys(self, request) -> tuple:
        """What authentication reads from the shared cache with the API key, in the same round trip."""
        return (rule_settings.cache_key(),) if request.method in self.checks_on else ()

    def get_exception_handler(self):
        return api_exception_handler

    def dispatch(self, request, *args, **kwargs):
        with timezone.override(API_TIME_ZONE):
            return super().dispatch(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        """Every counted request says where its caller stands (IETF ``RateLimit-*`` fields: the limit, what is
        left of it, and seconds until the window resets); a 429 also carries ``Retry-After``."""
        response = super().finalize_response(request, response, *args, **kwargs)
        count = getattr(self, "rate_count", None)
        if count is not None:
            response["RateLimit-Limit"] = str(count.limit)
            response["RateLimit-Remaining"] = str(max(0, count.limit - count.used))
            response["RateLimit-Reset"] = str(math.ceil(count.wait()))
            response["RateLimit-Policy"] = f"{count.limit};w={count.seconds}"
        return response


class DraftCursorPagination(CursorPagination):
    """The list walked by a stable key: the draft's id, which never changes. A draft that changes while a client
    pages through is neither repeated nor skipped (nothing moves past the cursor); drafts created meanwhile come
    at the end. With ``updated_since`` this is the way to sync (docs/api.md)."""

    ordering = "id"
    page_size_query_param = "page_size"
    max_page_size = 200

    invalid_cursor_message = _("No such page: a cursor is taken only as `next` or `previous` gave it.")

    def paginate_queryset(self, queryset, request, view=None):
        self.count = queryset.count()
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        return Response({"count": self.count, "next": self.get_next_link(), "previous": self.get_previous_link(),
                         "results": data})


class DraftPagination(PageNumberPagination):
    """The first list: page numbers over the drafts by last update, newest first. Still answered when ``page`` is
    sent, for clients written against it; a draft that changes between two pages moves and may be repeated or
    skipped, so a sync follows the cursor instead."""

    page_size_query_param = "page_size"
    max_page_size = 200


def client_draft(request, pk: int) -> Draft:
    """The requesting client's draft, or 404 (another client's draft does not exist for it)."""
    draft = selectors.client_drafts(client_of(request)).filter(pk=pk).first() if 0 < pk <= MAX_ID else None
    if draft is None:
        raise exceptions.NotFound(_("No such draft."))
    return draft


def _conditional(request, entry) -> HttpResponse:
    """The rendered detail, or 304 when the client holds it already (``If-None-Match`` names its ETag)."""
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match and (if_none_match.strip() == "*" or entry.etag in parse_etags(if_none_match)
                          or "W/" + entry.etag in parse_etags(if_none_match)):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(entry.body, content_type="application/json")
    response["ETag"] = entry.etag
    return response


def _config_held(request):
    """The rule settings read with the API key (``ApiView.cache_keys``), for the checks this request runs."""
    return rule_settings.held(getattr(request.auth, "fetched", None))


def _input(serializer_class, request, **kw) -> dict:
    serializer = serializer_class(data=request.data, **kw)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _written(draft: Draft, request, created: bool, revision_created: bool) -> Response:
    shown = presenters.detail(draft, client_of(request), written=revision_created, created=created)
    data = {**shown, "created": created, "revision_created": revision_created}
    if not created:
        return Response(s.represent(s.DraftWriteResultSerializer, data))
    location = request.build_absolute_uri(reverse("api:draft", args=[draft.pk]))
    return Response(s.represent(s.DraftWriteResultSerializer, data), status=status.HTTP_201_CREATED,
                    headers={"Location": location})




class DraftListCreateApi(ApiView):
    checks_on = ("POST",)

    @extend_schema(operation_id="drafts_list", parameters=[s.DraftListQuerySerializer],
                   description="The client's drafts by id, a page at a time: follow `next` (a cursor) to the end. "
                               "A draft that changes meanwhile is neither repeated nor skipped. To sync, send "
                               "`updated_since`. `page` (a number) gives the first, deprecated paging by last "
                               "update instead.",
                   responses={200: s.DraftPageSerializer, **schema.errors(400, 401, 404, 429)})
    def get(self, request):
        # A plain dict, so DRF reads "?updated_since=" as an empty value to refuse, not as "absent".
        s.DraftListQuerySerializer(data=request.query_params.dict()).is_valid(raise_exception=True)
        filterset = DraftFilter(request.query_params, queryset=selectors.client_drafts(client_of(request)))
        if not filterset.is_valid():
            raise exceptions.ValidationError(filterset.errors)
        if "page" in request.query_params:
            paginator, drafts = DraftPagination(), filterset.qs.order_by("-updated_at", "-id")
        else:
            paginator, drafts = DraftCursorPagination(), filterset.qs
        page = paginator.paginate_queryset(drafts, request, view=self)
        return paginator.get_paginated_response(
            [s.represent(s.DraftSummarySerializer, presenters.summary(d)) for d in page]
        )

    @extend_schema(
        operation_id="drafts_submit", request=s.DraftInputSerializer, examples=schema.DRAFT_REQUEST_EXAMPLES,
        description="Create a draft, or a new revision of the draft with this `external_id` (the same content "
                    "again creates nothing: `revision_created` is false). Checks run before the answer.",
        responses={201: s.DraftWriteResultSerializer, 200: s.DraftWriteResultSerializer,
                   **schema.errors(400, 401, 409, 413, 415, 429)},
    )
    def post(self, request):
        data = _input(s.DraftInputSerializer, request)
        body_text, source_html = api_services.body_to_text(data["body"], data["body_format"])
        with _config_held(request):
            draft, created, revision_created = api_services.draft_submit(
                client=client_of(request), title=data["title"], body_text=body_text, source_html=source_html,
                source_format=data["body_format"], external_id=data["external_id"], desk=data.get("desk"),
                author_name=data.get("author_name"), metadata=data.get("metadata"),
                base_revision=data.get("base_revision"),
            )
        return _written(draft, request, created, revision_created)


class DraftDetailApi(ApiView):
    checks_on = ("PUT", "PATCH")

    def cache_keys(self, request) -> tuple:
        """Read with the API key, in its round trip (``authentication``): what a cached detail needs, or the rule
        settings for an edit."""
        pk = self.kwargs.get("pk", 0)
        if request.method != "GET":
            return super().cache_keys(request)
        if not 0 < pk <= MAX_ID or not detail_cache.enabled():
            return ()
        return detail_cache.keys(pk, get_language())

    @extend_schema(operation_id="drafts_read", responses={200: s.DraftSerializer, **schema.errors(401, 404, 429)},
                   description="The draft with its latest report, the actions this client may take and its "
                               "history. The answer carries an `ETag`: send it back in `If-None-Match` to get "
                               "`304 Not Modified` (no body) while the draft is unchanged.")
    def get(self, request, pk: int):
        client = client_of(request)
        if not 0 < pk <= MAX_ID:
            raise exceptions.NotFound(_("No such draft."))
        found = detail_cache.lookup(pk, get_language(), getattr(request.auth, "fetched", None))
        entry = found.entry
        if entry is None or entry.client_id != client.pk:
            draft, run = selectors.draft_with_run(pk, api_client=client)
            if draft is None:
                raise exceptions.NotFound(_("No such draft."))
            shown = s.represent(s.DraftSerializer, presenters.detail(draft, client, run=run))
            body = self.renderer_classes[0]().render(shown)
            entry = detail_cache.Entry(client.pk, detail_cache.etag_of(body), body)
            detail_cache.store(found, client.pk, entry.body, entry.etag)
        return _conditional(request, entry)

    @extend_schema(operation_id="drafts_replace", request=s.DraftUpdateSerializer,
                   responses={200: s.DraftWriteResultSerializer, **schema.errors(400, 401, 404, 409, 413, 415, 429)})
    def put(self, request, pk: int):
        return self._revise(request, pk, partial=False)

    @extend_schema(operation_id="drafts_update", request=s.DraftUpdateSerializer(partial=True),
                   responses={200: s.DraftWriteResultSerializer, **schema.errors(400, 401, 404, 409, 413, 415, 429)})
    def patch(self, request, pk: int):
        return self._revise(request, pk, partial=True)

    @extend_schema(operation_id="drafts_delete", responses={204: None, **schema.errors(401, 403, 404, 409, 429)},
                   description="Delete (hide) the draft: it disappears from the API and the newsroom's desk; its "
                               "revisions and history are kept and a newsroom admin can restore it. Allowed while "
                               "the draft is `draft` or `changes_requested`.")
    def delete(self, request, pk: int):
        services.draft_delete(draft=client_draft(request, pk), client=client_of(request))
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _revise(self, request, pk: int, *, partial: bool) -> Response:
        draft = client_draft(request, pk)
        data = _input(s.DraftUpdateSerializer, request, partial=partial, context={"draft": draft})
        if "body" in data:
            body_format = data.get("body_format", "text")
            body_text, source_html = api_services.body_to_text(data["body"], body_format)
        else:
            body_format, body_text, source_html = draft.source_format, draft.body_text, draft.source_html
        with _config_held(request):
            draft, _created, revision_created = api_services.draft_revise(
                client=client_of(request), draft=draft, title=data.get("title", draft.title), body_text=body_text,
                source_html=source_html, source_format=body_format, desk=data.get("desk"),
                author_name=data.get("author_name"), metadata=data.get("metadata"),
                base_revision=data["base_revision"],
            )
        return _written(draft, request, False, revision_created)


class DraftTransitionApi(ApiView):
    @extend_schema(
        operation_id="drafts_transition", request=s.TransitionInputSerializer,
        examples=schema.TRANSITION_EXAMPLES,
        description="Move the draft: `submit`, then `publish` or `archive` once the newsroom approved it.",
        responses={200: s.DraftSerializer, **schema.errors(400, 401, 403, 404, 409, 413, 415, 429)},
    )
    def post(self, request, pk: int):
        draft = client_draft(request, pk)
        data = _input(s.TransitionInputSerializer, request)
        services.draft_transition(draft=draft, action=data["action"], client=client_of(request),
                                  comment=data["comment"], override_reason=data["override_reason"])
        draft.refresh_from_db()
        return Response(s.represent(s.DraftSerializer, presenters.detail(draft, client_of(request))))


class FindingDismissApi(ApiView):
    @extend_schema(
        operation_id="findings_dismiss", request=s.DismissInputSerializer, examples=schema.DISMISS_EXAMPLES,
        description="Dismiss a finding with a reason; the dismissal follows the finding to later revisions.",
        responses={201: s.StoredFindingSerializer, **schema.errors(400, 401, 403, 404, 409, 413, 415, 429)},
    )
    def post(self, request, pk: int, finding_id: int):
        draft = client_draft(request, pk)
        finding = None
        if 0 < finding_id <= MAX_ID:
            finding = Finding.objects.filter(pk=finding_id, check_run__revision__draft=draft).first()
        if finding is None:
            raise exceptions.NotFound(_("No such finding on this draft."))
        data = _input(s.DismissInputSerializer, request)
        dismissal = services.finding_dismiss(finding=finding, kind=data["kind"], reason=data["reason"],
                                             client=client_of(request))
        body = {**finding.as_dict(), "dismissed": True, "dismissal": presenters._dismissal(dismissal)}
        return Response(s.represent(s.StoredFindingSerializer, body), status=status.HTTP_201_CREATED)


class CheckApi(ApiView):
    authentication_classes = (ApiKeyAuthentication, SessionAuthentication)
    permission_classes = (IsApiClientOrNewsroomMember,)
    checks_on = ("POST",)

    @extend_schema(
        operation_id="check", request=s.CheckInputSerializer, examples=schema.CHECK_REQUEST_EXAMPLES,
        description="Check a title and body and return the report; nothing is stored. A signed-in newsroom "
                    "browser session (with its CSRF token) may call this too.",
        responses={200: s.CheckReportSerializer, **schema.errors(400, 401, 403, 413, 415, 429)},
    )
    def post(self, request):
        data = _input(s.CheckInputSerializer, request)
        body_text, _html = api_services.body_to_text(data["body"], data["body_format"])
        with _config_held(request):
            config = rule_settings.current_config()
        report = check_draft(normalise_title(data["title"]), body_text, config).as_dict()
        return Response(s.represent(s.CheckReportSerializer, report))
