"""Demo content for `make run` and the benchmark."""
