"""The HTTP service: ``quellenlage serve`` (FastAPI on uvicorn), its API and its web page."""

from .app import create_app
from .settings import ServiceSettings

__all__ = ["ServiceSettings", "create_app"]
