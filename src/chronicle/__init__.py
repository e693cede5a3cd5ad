"""chronicle: news reports in, a queryable record of political events out."""

__version__ = "0.2.0"
