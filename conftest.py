"""Collection rules for the whole suite (``testpaths`` are ``tests`` and ``emm``, with the
doctests of every module: ``--doctest-modules`` in pyproject.toml)."""

collect_ignore_glob = [
    # Streamlit pages run when imported; they are tested with AppTest in tests/app.
    "emm/app/views/*",
    "emm/app/main.py",
    # Test conftests hold no doctests; collecting them as modules clashes with their
    # loading as conftests (two files named conftest.py outside packages).
    "tests/**/conftest.py",
    "tests/conftest.py",
]
