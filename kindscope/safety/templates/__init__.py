"""Jinja2 templates of the safety pages (a package so that setuptools ships them)."""
