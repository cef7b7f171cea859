#!/usr/bin/env bash
# Install, then analyse the bundled example article: terminal summary plus out/example.html + .json.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
.venv/bin/quellenlage analyze examples/news-de-putin-kasachstan.txt --format html -o out/example.html
.venv/bin/quellenlage analyze examples/news-de-putin-kasachstan.txt --format json -o out/example.json
.venv/bin/quellenlage analyze examples/news-de-putin-kasachstan.txt
