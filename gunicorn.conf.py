"""gunicorn settings shared by `make run`, production and `make bench`."""

import multiprocessing
import os

bind = os.environ.get("CIVICAPP_BIND", "127.0.0.1:5000")
workers = int(os.environ.get("CIVICAPP_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = 30
graceful_timeout = 10
keepalive = 5
accesslog = os.environ.get("CIVICAPP_ACCESS_LOG", None)
errorlog = "-"
preload_app = False
forwarded_allow_ips = os.environ.get("CIVICAPP_FORWARDED_ALLOW_IPS", "127.0.0.1")
