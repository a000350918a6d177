"""gunicorn's settings for the portal, read from the folder gunicorn starts in (README,
docs/deployment.md, the benchmarks and the operations tests all start it here).

Every value can be set from the environment for one machine or another."""

import multiprocessing
import os

wsgi_app = "civiccenter.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
# The application, its URLs and its views (WeasyPrint and fontTools among their imports) are
# loaded once in the master before the workers are forked: a worker is ready at once, and a
# busy machine cannot time a worker out while it imports them on its first request.
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = 30
keepalive = 5
# Requests are handed over by the reverse proxy on these addresses only; its
# X-Forwarded-Proto is believed from them alone (the client's address: ALLAUTH's trusted
# proxy count, settings/base.py).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# No control socket: its default path is in the user's home, which a service user may not
# have, and the portal is stopped and reloaded by signals.
control_socket_disable = True
