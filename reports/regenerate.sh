#!/usr/bin/env bash
# Regenerate the example reports from the seed articles (never edit the outputs by hand).
set -u
cd "$(dirname "$0")/.."
consistency check seeds/ > reports/seeds.txt
consistency check seeds/ --format json > reports/seeds.json
consistency check seeds/ --format markdown > reports/seeds.md
consistency check seeds/ --format sarif > reports/seeds.sarif
consistency timeline seeds/ > reports/seeds-timeline.txt
exit 0
