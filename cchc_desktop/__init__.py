"""CCHC Desktop: run a People's Committee office's administrative-reform plan."""

__version__ = "0.1.0"
