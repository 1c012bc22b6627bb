"""Benchmark harness: discovery, runners, and result reports for benchmarks/run.py."""
