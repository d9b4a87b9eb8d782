"""gunicorn settings shared by `make run`, production and `make bench`."""

import multiprocessing
import os

bind = os.environ.get("CIVICAPP_BIND", "127.0.0.1:5000")
# One sync worker per core. civicapp's requests spend their time in Python, not waiting on
# the network (SQLite is a local file; mail goes through the job queue), so processes beyond
# the cores only time-slice, thrash the CPU caches and queue on SQLite's single write lock.
# Measured on 2 cores with `make bench` (signed-in list / vote): 2 workers served 1,332 / 810
# requests a second with a 99th percentile of 21 / 26 ms, the former 2 * cores + 1 (5) only
# 1,084 / 492 at 27 / 57 ms. Where requests do wait on the network (PostgreSQL on another
# host, SMTP without Redis), set CIVICAPP_WORKERS higher.
workers = int(os.environ.get("CIVICAPP_WORKERS", multiprocessing.cpu_count()))
worker_class = "sync"
timeout = 30
graceful_timeout = 10
keepalive = 5
accesslog = os.environ.get("CIVICAPP_ACCESS_LOG", None)
errorlog = "-"
preload_app = False
forwarded_allow_ips = os.environ.get("CIVICAPP_FORWARDED_ALLOW_IPS", "127.0.0.1")
