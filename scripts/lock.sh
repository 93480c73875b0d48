#!/usr/bin/env bash
# Refresh requirements.lock: install the project with its test tools in a throwaway virtual
# environment from the newest versions pyproject.toml allows, and pin what was installed.
#   scripts/lock.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PYTHON" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet --upgrade pip
"$tmp/venv/bin/python" -m pip install --quiet ".[test,sentry]"
{
  echo "# Pinned versions of every dependency (runtime and test tools), used as constraints by"
  echo "# ./dev and .ci/run. Refresh after changing pyproject.toml: scripts/lock.sh"
  "$tmp/venv/bin/python" -m pip freeze --exclude-editable | grep -v '^ccpcj-floor'
} > requirements.lock
echo "requirements.lock refreshed ($(grep -vc '^#' requirements.lock) packages)"
