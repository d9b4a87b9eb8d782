"""Benchmark harness: the app and a hello-world ceiling under gunicorn, loaded with wrk."""
