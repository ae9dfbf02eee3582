"""The hostile-input suite uses both the API's CMS personas and the desk's signed-in client."""

from tests.api.conftest import _fresh_throttle_cache, anonymous, cms_a, cms_b  # noqa: F401
from tests.web.conftest import login  # noqa: F401
