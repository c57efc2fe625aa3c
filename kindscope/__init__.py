"""kindscope: how kind are you to your community, and how kind is it to you?"""

__all__ = ["__version__"]

__version__ = "0.1.0"
