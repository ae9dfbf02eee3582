"""The OpenAPI schema and the browsable reference, served from our own static files."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_schema_is_openapi_3_and_documents_every_endpoint(anonymous):
    r = anonymous.get("/api/v1/schema/?format=json")
    assert r.status_code == 200
    schema = r.json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) >= {
        "/api/v1/drafts/", "/api/v1/drafts/{id}/", "/api/v1/drafts/{id}/transitions/",
        "/api/v1/drafts/{id}/findings/{finding_id}/dismiss/", "/api/v1/check/",
        "/api/v1/languagetool/v2/check",
    }
    assert schema["components"]["securitySchemes"]["bearerKey"]["scheme"] == "bearer"
    post = schema["paths"]["/api/v1/drafts/"]["post"]
    assert {"200", "201", "400", "401", "413", "415", "429"} <= set(post["responses"])


def test_the_schema_carries_arabic_examples(anonymous):
    text = anonymous.get("/api/v1/schema/?format=json").content.decode()
    assert "يرجى إضافته" in text or "\\u064a\\u0631\\u062c\\u0649" in text


def test_the_schema_validates():
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.validation import validate_schema

    validate_schema(SchemaGenerator().get_schema(request=None, public=True))


def test_the_docs_page_loads_everything_from_our_own_static_files(anonymous):
    r = anonymous.get("/api/v1/docs/")
    assert r.status_code == 200
    html = r.content.decode()
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert urls and all(u.startswith(("/static/", "/api/")) for u in urls), urls
    # Words, not substrings: the page's random CSRF token may hold the letters "cdn".
    assert not re.search(r"\b(?:cdn|unpkg|jsdelivr)\b", html.lower())
    assert anonymous.get("/api/v1/redoc/").status_code == 200


def test_the_docs_assets_exist_in_the_static_files():
    from django.contrib.staticfiles import finders

    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")


def test_the_schema_documents_the_rate_limit_fields_where_answers_carry_them(anonymous, cms_a):
    schema = anonymous.get("/api/v1/schema/?format=json").json()
    listed = schema["paths"]["/api/v1/drafts/"]["get"]["responses"]
    assert set(listed["200"]["headers"]) == {"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset",
                                             "RateLimit-Policy"}
    assert "Retry-After" in listed["429"]["headers"] and "headers" not in listed["401"]
    assert "headers" not in schema["paths"]["/api/v1/languagetool/v2/languages"]["get"]["responses"]["200"]
    answer = cms_a.get("/api/v1/drafts/")  # what the schema says is what comes
    assert all(answer.has_header(h) for h in listed["200"]["headers"])
    assert not anonymous.get("/api/v1/languagetool/v2/languages").has_header("RateLimit-Limit")


@pytest.mark.django_db
def test_a_patch_without_its_base_revision_is_what_the_schema_calls_invalid(anonymous, cms_a):
    """Every edit names the revision it was made on, PATCH included: the schema says so (schemathesis once
    generated an empty PATCH the schema allowed and the server refused)."""
    schema = anonymous.get("/api/v1/schema/?format=json").json()
    ref = schema["paths"]["/api/v1/drafts/{id}/"]["patch"]["requestBody"]["content"]["application/json"]["schema"]
    component = schema["components"]["schemas"][ref["$ref"].rsplit("/", 1)[1]]
    assert component["required"] == ["base_revision"]
    # and the body itself is required: a PATCH with no body at all is refused as well
    assert schema["paths"]["/api/v1/drafts/{id}/"]["patch"]["requestBody"]["required"] is True
    made = cms_a.post("/api/v1/drafts/", {"title": "عنوان الخبر", "body": "نص الخبر الكامل هنا."}, format="json")
    answer = cms_a.patch(f"/api/v1/drafts/{made.json()['id']}/", {"title": "عنوان آخر"}, format="json")
    assert answer.status_code == 400 and "base_revision" in answer.json()["fields"]
    empty = cms_a.patch(f"/api/v1/drafts/{made.json()['id']}/")
    assert empty.status_code == 400 and "base_revision" in empty.json()["fields"]
