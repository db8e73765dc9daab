"""`make bench`: the platform's throughput, latency and memory, each beside a baseline measured
in the same run on the same broker. See `python -m tools.bench --help` and BENCHMARKS.md."""
