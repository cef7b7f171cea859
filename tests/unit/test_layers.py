"""The dependency direction of docs/ARCHITECTURE.md: no module imports from a layer above its own.

Layers, bottom up: the data model and errors; the language seam (``lang``: Language, Lexicon,
rule registry) and bundled resources; ingestion and the linguistic layers; the analysis stages
with their shared kernels; the language packages (``lang.de``), plug-ins above the kernels they
build on; the pipeline; reports, evaluation and training; the edges (service, corpus); the
command line and the public facade.  Imports inside functions count too: a lazy import is still a
dependency.  The stages reach a language package only through ``lang.get`` (an import by name),
never by an import statement.
"""

from __future__ import annotations

import ast
from pathlib import Path

from quellenlage.lang import PREVIEW, REGISTRY
from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "quellenlage"
LAYERS = {
    "_version": 0, "errors": 0, "model": 0,
    "lang": 1, "resources": 1,
    "ingest": 2, "nlp": 2,
    "attribution": 3, "provenance": 3, "learned": 3,
    **{package.removeprefix("quellenlage."): 4 for package in (*REGISTRY.values(), *PREVIEW.values())},
    "pipeline": 5,
    "report": 6, "evaluation": 6, "learned.dataset": 6, "learned.train": 6,
    "service": 7, "corpus": 7,
    "cli": 8, "__init__": 8, "__main__": 8,
}  # fmt: skip


def _layer(module: str) -> int:
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        if ".".join(parts[:n]) in LAYERS:
            return LAYERS[".".join(parts[:n])]
    raise AssertionError(f"{module} is in no layer: add it to LAYERS and to docs/ARCHITECTURE.md")


def _imports(path: Path, module: str) -> set[str]:
    package = module.split(".")[:-1] if path.name != "__init__.py" else module.split(".")
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1] if node.level > 1 else package
            if node.module:  # from ..x import y: the module x
                found.add(".".join([*base, node.module]))
            else:  # from .. import x, y: the modules x and y (or the package's __init__ for a name)
                found.update(".".join([*base, alias.name]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("quellenlage."):
            found.add(node.module.removeprefix("quellenlage."))
    return found


def test_no_module_imports_from_a_layer_above_it() -> None:
    violations = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        module = module.removesuffix(".__init__") if module != "__init__" else module
        for target in _imports(path, module):
            if target.split(".")[0] == "__version__":
                target = "_version"
            if target and _layer(target) > _layer(module):
                violations.append(f"{module} (layer {_layer(module)}) imports {target} (layer {_layer(target)})")
    assert violations == []


def test_the_layers_know_every_language_package() -> None:
    packages = {p.parent.name for p in (PACKAGE / "lang").glob("*/__init__.py")}
    assert {f"lang.{name}" for name in packages} == {k for k in LAYERS if k.startswith("lang.")}
