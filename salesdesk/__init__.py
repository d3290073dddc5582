"""SalesDesk: an offline call-logging desk for field sales reps."""

APP_NAME = "SalesDesk"


def app_version() -> str:
    """The installed version of SalesDesk (from the package metadata)."""
    from importlib import metadata  # not at import time: it costs start-up milliseconds

    try:
        return metadata.version("salesdesk")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0+source"
