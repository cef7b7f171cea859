"""Shared by the training recipes: a packaged spaCy model carries no path of the machine it was trained on."""

from __future__ import annotations

from pathlib import Path


def clear_paths(config: Path) -> None:
    """Set the ``[paths]`` of a packaged model's config to null: they named the training machine's folders."""
    lines = config.read_text(encoding="utf-8").splitlines()
    section = ""
    for k, line in enumerate(lines):
        if line.startswith("["):
            section = line.strip()
        elif section == "[paths]" and "=" in line:
            lines[k] = line.split("=", 1)[0].rstrip() + " = null"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":  # python training/packaging_paths.py MODEL_DIR …: clear the paths of packaged models
    import sys

    for folder in sys.argv[1:]:
        clear_paths(Path(folder) / "config.cfg")
