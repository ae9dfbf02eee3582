"""gunicorn's limits for this app; gunicorn reads this file from its working directory (flags override it).

Each number bounds what one request can cost a worker; the app's own limits sit inside them:
- ``timeout`` is when gunicorn kills a stuck worker, and the client then gets gunicorn's HTML 500. The app
  stops a request itself after ``EDITORIAL_REQUEST_TIME_LIMIT`` seconds (25 in production) and answers 503 in
  its own shape (JSON under /api/, ``editorial/failures.py``), so the kill is only the last resort: keep
  ``timeout`` above that limit.
- ``worker_class`` stays ``sync``: the request time limit is a signal, delivered to a worker's main thread.
- request line and header limits refuse absurd requests before Django sees them; bodies are refused by the app
  (413 before they are read).
Workers and the address are given on the command line (docs/deploy.md).
"""

worker_class = "sync"
timeout = 30
graceful_timeout = 30
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
