"""Jinja2 templates of report.html (a package so that setuptools ships them)."""
