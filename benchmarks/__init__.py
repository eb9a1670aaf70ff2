"""Benchmarks of the EMM Workbench: ``python -m benchmarks.run [--quick] [--only NAME]``.

Each ``benchmarks/bench_<name>.py`` module exposes ``run(quick: bool) -> list[dict]``; see
``benchmarks/README.md``.
"""
