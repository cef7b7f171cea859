"""The FastAPI application: ``POST /v1/analyze``, ``/v1/analyze/upload``, ``/v1/schema``,
``/healthz``, the web page at ``/`` and OpenAPI documentation at ``/docs`` and ``/redoc``.

Analyses run in worker processes (:mod:`.workers`), each with its own pipeline, built when the
app starts.  Every failure becomes an ``application/problem+json`` response inside the app, so no
exception reaches the server, which would close the keep-alive connection.  The documentation
pages load Swagger UI and ReDoc from files bundled by ``fastapi-offline``: they work offline.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

from fastapi import FastAPI, File, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from .._version import __version__
from ..errors import QuellenlageError
from ..ingest import InputLimits
from ..pipeline import Pipeline
from ..report import SCHEMA_VERSION, schema
from ..resources import resource_path
from . import problems
from .limits import BodyLimit
from .settings import ServiceSettings
from .workers import BusyError, Job, WorkerPool

log = logging.getLogger("quellenlage.service")

Language = Literal["auto", "de", "en"]
Format = Literal["json", "html"]


class AnalyzeRequest(BaseModel):
    """Exactly one of ``text``, ``html`` or ``url``."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, description="Article text, e.g. scraped plain text.")
    html: str | None = Field(None, description="A web page's HTML.")
    url: str | None = Field(None, description="An http(s) URL to fetch; private addresses are refused.")
    lang: Language = Field("auto", description="Language of the article; 'auto' detects it.")
    format: Format | None = Field(None, description="Report format; default JSON, or HTML if Accept asks for it.")

    @model_validator(mode="after")
    def _one_input(self) -> AnalyzeRequest:
        given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of text, html or url (got {', '.join(given) or 'none'})")
        return self


def _wants_html(request: Request, fmt: str | None) -> bool:
    if fmt is not None:
        return fmt == "html"
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept


def _respond(report: dict[str, Any] | str) -> Response:
    return HTMLResponse(report) if isinstance(report, str) else JSONResponse(report)


def _deliberate(exc: QuellenlageError) -> Response:
    if isinstance(exc, BusyError):
        return problems.problem(503, exc.code, exc.message, hint=exc.hint, headers={"Retry-After": "2"})
    return problems.from_error(exc)


def _unexpected() -> Response:
    log.exception("unexpected error while answering a request")
    return problems.problem(500, "internal", "an unexpected error occurred; it has been logged")


Analyse = Callable[..., Awaitable[Response]]


def create_app(settings: ServiceSettings | None = None, pipeline: Pipeline | None = None) -> FastAPI:
    """The app; ``pipeline`` defaults to the shipped analysis, built in each worker when the app starts.

    A given ``pipeline`` (tests) is pickled to the workers, so its stages must be importable.
    """
    settings = settings or ServiceSettings.from_env()
    state: dict[str, Any] = {}
    input_limits = InputLimits.from_env()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        state["pool"] = WorkerPool(settings.max_concurrency, settings.max_queue, settings.time_limit_s,
                                   pipeline=pipeline, memory_mb=settings.worker_memory_mb,
                                   rules_only=settings.rules_only)  # fmt: skip
        yield
        state["pool"].shutdown()

    app = FastAPIOffline(
        title="Quellenlage",
        version=__version__,
        summary="Who claims what in a news article, on whose authority, and how hedged.",
        lifespan=lifespan,
    )
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)

    async def analyse(kind: Literal["text", "bytes", "url"], payload: str | bytes, lang: str, as_html: bool,
                      name: str = "input") -> Response:  # fmt: skip
        job = Job(kind, payload, lang=lang, name=name, as_html=as_html, fetch_limits=settings.fetch_limits,
                  input_limits=input_limits)  # fmt: skip
        return _respond(await state["pool"].run(job))

    _add_error_handling(app)
    _add_analysis_routes(app, analyse)
    _add_info_routes(app, state)
    return app


def _add_error_handling(app: FastAPI) -> None:
    """Every failure as problem+json, answered inside the app (keep-alive survives it)."""

    @app.middleware("http")
    async def _never_raise(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        """The last line: an exception that escaped every handler is answered here, not re-raised."""
        try:
            return await call_next(request)
        except QuellenlageError as exc:
            return _deliberate(exc)
        except Exception:
            return _unexpected()

    @app.exception_handler(QuellenlageError)
    async def _deliberate_handler(_: Request, exc: QuellenlageError) -> Response:
        return _deliberate(exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        return problems.problem(422, "invalid_request", "the request does not match the API", errors=errors,
                                hint="see /docs for the request format")  # fmt: skip

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(exc.status_code, "http_error")
        hint = problems.TOO_LARGE_HINT if exc.status_code == 413 else ""
        return problems.problem(exc.status_code, code, str(exc.detail), hint=hint, headers=dict(exc.headers or {}))


def _add_analysis_routes(app: FastAPI, analyse: Analyse) -> None:
    @app.post("/v1/analyze", summary="Analyse one article (text, HTML or URL)",
              responses={200: {"content": {"text/html": {}}, "description": "The JSON (or HTML) report"}})  # fmt: skip
    async def analyze(body: AnalyzeRequest, request: Request) -> Response:
        as_html = _wants_html(request, body.format)
        if body.url is not None:
            return await analyse("url", body.url, body.lang, as_html)
        content = body.text if body.text is not None else body.html or ""
        return await analyse("text", content, body.lang, as_html)

    @app.post("/v1/analyze/upload", summary="Analyse an uploaded HTML or text file")
    async def analyze_upload(
        request: Request,
        file: Annotated[UploadFile, File(description="An HTML page or a text file")],
        lang: Annotated[Language, Form()] = "auto",
        format: Annotated[Format | None, Form()] = None,
    ) -> Response:
        data = await file.read()
        return await analyse("bytes", data, lang, _wants_html(request, format), name=file.filename or "upload")


def _add_info_routes(app: FastAPI, state: dict[str, Any]) -> None:
    """The schema, the health check and the web page."""

    @app.get("/v1/schema", summary=f"JSON Schema of the report (version {SCHEMA_VERSION})")
    async def get_schema() -> JSONResponse:
        return JSONResponse(schema(), media_type="application/schema+json")

    @app.get("/healthz", summary="Liveness and readiness")
    async def healthz() -> dict[str, Any]:
        pool: WorkerPool | None = state.get("pool")
        return {
            "status": "ok" if pool else "starting", "version": __version__, "schema_version": SCHEMA_VERSION,
            "pending": pool.pending if pool else 0, "capacity": pool.capacity if pool else 0,
            "workers": pool.size if pool else 0,
        }  # fmt: skip

    web = resource_path("web")

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(web / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=web), name="static")
    app.mount("/ui", StaticFiles(directory=resource_path("ui")), name="ui")  # the interface words, page and report
