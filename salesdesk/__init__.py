"""SalesDesk: an offline call-logging desk for field sales reps."""

from importlib import metadata


def app_version() -> str:
    """The installed version of SalesDesk (from the package metadata)."""
    try:
        return metadata.version("salesdesk")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"


APP_NAME = "SalesDesk"
