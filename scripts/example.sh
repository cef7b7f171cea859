#!/usr/bin/env bash
# Install, then analyse the bundled example articles: the German one as a terminal summary plus
# out/example.html + .json, the English one as out/example-en.html + .json.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
.venv/bin/quellenlage analyze examples/news-de-putin-kasachstan.txt --format html -o out/example.html
.venv/bin/quellenlage analyze examples/news-de-putin-kasachstan.txt --format json -o out/example.json
.venv/bin/quellenlage analyze examples/news-de-putin-kasachstan.txt
.venv/bin/quellenlage analyze examples/wikinews-en-north-korea-quasi-state-of-war.txt --format html -o out/example-en.html
.venv/bin/quellenlage analyze examples/wikinews-en-north-korea-quasi-state-of-war.txt --format json -o out/example-en.json
