"""Checks a reviewer runs on the code itself (``python -m emm.tools.layers``).

The tools read the source with :mod:`ast`; they import nothing else of ``emm``.
"""
