"""The FastAPI application: ``POST /v1/analyze``, ``/v1/analyze/upload``, ``/v1/schema``,
``/healthz``, the web page at ``/`` and OpenAPI documentation at ``/docs``.

The pipeline is built once, when the app starts, and shared by the worker threads.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

from fastapi import FastAPI, File, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import ingest
from .._version import __version__
from ..errors import QuellenlageError
from ..model import Analysis, Article
from ..pipeline import Pipeline, default_pipeline, warm_up
from ..report import SCHEMA_VERSION, render_html, schema, to_dict
from ..resources import resource_path
from . import problems
from .limits import BodyLimit
from .runner import BusyError, Runner
from .settings import ServiceSettings

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


def _respond(analysis: Analysis, as_html: bool) -> Response:
    if as_html:
        return HTMLResponse(render_html(analysis))
    return JSONResponse(to_dict(analysis))


def create_app(settings: ServiceSettings | None = None, pipeline: Pipeline | None = None) -> FastAPI:
    """The app; ``pipeline`` defaults to the shipped analysis, built when the app starts."""
    settings = settings or ServiceSettings.from_env()
    state: dict[str, Any] = {}

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        state["pipeline"] = pipeline or warm_up(default_pipeline())
        state["runner"] = Runner(settings.max_concurrency, settings.max_queue, settings.time_limit_s)
        yield
        state["runner"].shutdown()

    app = FastAPI(
        title="Quellenlage",
        version=__version__,
        summary="Who claims what in a news article, on whose authority, and how hedged.",
        lifespan=lifespan,
    )
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)

    async def analyse(make_article: Callable[[], Article]) -> Analysis:
        pipe: Pipeline = state["pipeline"]

        def job(deadline: float) -> Analysis:
            return pipe(make_article(), deadline=deadline)

        result: Analysis = await state["runner"].run(job)
        return result

    @app.exception_handler(QuellenlageError)
    async def _deliberate(_: Request, exc: QuellenlageError) -> Response:
        if isinstance(exc, BusyError):
            return problems.problem(503, exc.code, exc.message, hint=exc.hint, headers={"Retry-After": "2"})
        return problems.from_error(exc)

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

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> Response:
        log.exception("unexpected error while answering a request")
        return problems.problem(500, "internal", "an unexpected error occurred; it has been logged")

    @app.post("/v1/analyze", summary="Analyse one article (text, HTML or URL)",
              responses={200: {"content": {"text/html": {}}, "description": "The JSON (or HTML) report"}})  # fmt: skip
    async def analyze(body: AnalyzeRequest, request: Request) -> Response:
        if body.url is not None:
            url, limits = body.url, settings.fetch_limits
            analysis = await analyse(lambda: ingest.from_url(url, lang=body.lang, limits=limits))
        else:
            content = body.text if body.text is not None else body.html or ""
            analysis = await analyse(lambda: ingest.from_text(content, lang=body.lang))
        return _respond(analysis, _wants_html(request, body.format))

    @app.post("/v1/analyze/upload", summary="Analyse an uploaded HTML or text file")
    async def analyze_upload(
        request: Request,
        file: Annotated[UploadFile, File(description="An HTML page or a text file")],
        lang: Annotated[Language, Form()] = "auto",
        format: Annotated[Format | None, Form()] = None,
    ) -> Response:
        data = await file.read()
        name = file.filename or "upload"
        analysis = await analyse(lambda: ingest.from_bytes(data, name=name, lang=lang))
        return _respond(analysis, _wants_html(request, format))

    @app.get("/v1/schema", summary=f"JSON Schema of the report (version {SCHEMA_VERSION})")
    async def get_schema() -> JSONResponse:
        return JSONResponse(schema(), media_type="application/schema+json")

    @app.get("/healthz", summary="Liveness and readiness")
    async def healthz() -> dict[str, Any]:
        runner: Runner | None = state.get("runner")
        return {
            "status": "ok" if runner else "starting", "version": __version__, "schema_version": SCHEMA_VERSION,
            "pending": runner.pending if runner else 0, "capacity": runner.capacity if runner else 0,
        }  # fmt: skip

    web = resource_path("web")

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(web / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=web), name="static")
    return app
