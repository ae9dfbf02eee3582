from django.urls import path, re_path
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from editorial.api import views
from editorial.api.exceptions import json_not_found
from editorial.api.views_languagetool import (
    LanguageToolCheckApi,
    LanguageToolLanguagesApi,
    languagetool_unslashed,
)
from editorial.api.views_stats import StatsApi

# The reference pages (Swagger UI, Redoc) initialise with inline code: allow it there and nowhere else.
DOCS_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "worker-src": [CSP.SELF, "blob:"],
    "object-src": [CSP.NONE],
}

app_name = "api"
urlpatterns = [
    path("drafts/", views.DraftListCreateApi.as_view(), name="drafts"),
    path("drafts/<int:pk>/", views.DraftDetailApi.as_view(), name="draft"),
    path("drafts/<int:pk>/transitions/", views.DraftTransitionApi.as_view(), name="draft-transitions"),
    path("drafts/<int:pk>/findings/<int:finding_id>/dismiss/", views.FindingDismissApi.as_view(),
         name="finding-dismiss"),
    path("check/", views.CheckApi.as_view(), name="check"),
    path("stats/", StatsApi.as_view(), name="stats"),
    path("languagetool/v2/check", LanguageToolCheckApi.as_view(), name="languagetool-check"),
    path("languagetool/v2/languages", LanguageToolLanguagesApi.as_view(), name="languagetool-languages"),
    # A LanguageTool client given the server URL without its final slash (.../languagetool) resolves "v2/..."
    # one level up, here: a 308 sends it (body and method kept) to the LanguageTool endpoints above.
    path("v2/<str:rest>", languagetool_unslashed),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", csp_override(DOCS_CSP)(SpectacularSwaggerView.as_view(url_name="api:schema")), name="docs"),
    path("redoc/", csp_override(DOCS_CSP)(SpectacularRedocView.as_view(url_name="api:schema")), name="redoc"),
    # Anything else under /api/v1/ answers JSON, not the site's HTML 404 (nor an APPEND_SLASH redirect).
    re_path(r"^.*$", json_not_found, name="not-found"),
]
