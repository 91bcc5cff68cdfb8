"""Benchmark: retrieval latency, throughput, build time and memory at 45, 1,000 and 10,000 entries.

Same as `otvet bench retrieval`. Run by hand: `.venv/bin/python evals/bench_retrieval.py [--quick]`.
"""

from service.bench import main

if __name__ == "__main__":
    raise SystemExit(main())
