"""Static files in production: hashed, compressed names from the manifest ``collectstatic`` writes.

``collectstatic`` run without ``DJANGO_ENV=production`` copies the files under their plain names and writes no
manifest. Django's manifest storage then fails every page that names a static file with a 500 (the API reference
among them). Here a name missing from the manifest is served under its plain name instead (WhiteNoise serves it
from ``STATIC_ROOT``, without the far-future caching hashed names get), logged once, and the start-up checks warn
(``editorial.W003``).
"""

from __future__ import annotations

import logging

from whitenoise.storage import CompressedManifestStaticFilesStorage

log = logging.getLogger(__name__)
MANIFEST = CompressedManifestStaticFilesStorage.manifest_name


class StaticStorage(CompressedManifestStaticFilesStorage):
    _warned = False

    def stored_name(self, name):
        try:
            return super().stored_name(name)
        except ValueError:
            if not StaticStorage._warned:
                StaticStorage._warned = True
                log.warning("static file %s is not in %s: served under its plain name (run collectstatic with "
                            "DJANGO_ENV=production)", name, MANIFEST)
            return name
