"""SalesDesk: an offline call-logging desk for field sales reps."""

APP_NAME = "SalesDesk"
#: Kept equal to ``[project] version`` in pyproject.toml (a test checks it); a constant,
#: because reading package metadata costs start-up time.
__version__ = "0.1.0"


def app_version() -> str:
    """The version of this SalesDesk."""
    return __version__
