"""gunicorn settings for production: ``gunicorn editorial.wsgi`` reads this file from the working directory.

Every number here is a limit on what one request can cost a worker; the app's own limits sit inside them:
- ``timeout`` (30 s) is when gunicorn kills a stuck worker and the client gets gunicorn's HTML 500. The app
  stops a request itself after ``EDITORIAL_REQUEST_TIME_LIMIT`` seconds (25 in production) and answers a 503 in
  its own shape (JSON under /api/), so this kill is the last resort.
- request line and header limits refuse absurd requests before Django sees them; bodies are limited by the app
  (413 before reading, ``editorial/failures.py``).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", max(2, multiprocessing.cpu_count() * 2)))
worker_class = "sync"  # the request time limit needs the request on the worker's main thread
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
max_requests = 2000  # recycle workers now and then (bounded memory growth)
max_requests_jitter = 200
