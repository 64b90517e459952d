#!/usr/bin/env bash
# Regenerate the example reports from the seed articles (never edit the outputs by hand).
set -u
cd "$(dirname "$0")/.."
python -m consistency check seeds/ > reports/seeds.txt
python -m consistency check seeds/ --format json > reports/seeds.json
python -m consistency check seeds/ --format markdown > reports/seeds.md
python -m consistency check seeds/ --format sarif > reports/seeds.sarif
python -m consistency check seeds/ --format html --title "Seeds: critical minerals coalition" -o reports/seeds.html
python -m consistency timeline seeds/ > reports/seeds-timeline.txt
exit 0
