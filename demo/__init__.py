"""Demo, seed and scale data, and the commands that make it (``seed_demo``,
``seed_scale``, ``demo_totp``, ``rundemo``).

It stands alone on top: it calls the domain apps' services and models, and no
production module imports it (an import-linter contract in pyproject.toml).
"""
