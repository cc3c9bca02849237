"""Clinic App: structured anterior knee pain examination with decision support."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("clinic-app")
except PackageNotFoundError:  # running from a checkout without installation
    __version__ = "0.0.0+unknown"
