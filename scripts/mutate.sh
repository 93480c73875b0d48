#!/usr/bin/env bash
# Mutation testing of one module against a few test files (see README, "Mutation testing").
#   scripts/mutate.sh MODULE TEST_FILE... [-- MUTANT_NAME...]
#   scripts/mutate.sh voting/rules.py tests/test_voting_rules.py
#   scripts/mutate.sh resolutions/services.py tests/test_papers_services.py tests/test_papers_transitions.py
# mutmut reads its settings from pyproject.toml only, and tries each mutant against every test
# of its selection that reaches the mutated function: with the whole list of pyproject.toml a
# helper such as ``_record`` costs minutes per mutant. This runs mutmut in a scratch copy
# (var/mutate/<module>/, git-ignored, kept between runs so a rerun only tries what changed)
# whose [tool.mutmut] mutates MODULE and selects only TEST_FILE... Names after "--" rerun those
# mutants only. One worker: the tests share one SQLite test database.
set -euo pipefail
cd "$(dirname "$0")/.."
module=$1
shift
tests=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  tests+=("$1")
  shift
done
[ $# -gt 0 ] && shift
[ ${#tests[@]} -gt 0 ] || { echo "usage: $0 MODULE TEST_FILE... [-- MUTANT_NAME...]" >&2; exit 2; }
root=$(pwd)
scratch="var/mutate/$(echo "$module" | tr '/.' '__')"
mkdir -p "$scratch/var"
rsync -a --delete --exclude /mutants --exclude /.venv --exclude /.git --exclude /var \
  --exclude /pyproject.toml ./ "$scratch/"
python3 - "$module" "${tests[@]}" > "$scratch/pyproject.toml" <<'EOF'
import json, sys
text = open("pyproject.toml").read()
start = text.index("[tool.mutmut]")
end = text.find("\n[", start + 1)
head, tail = text[:start], ("" if end < 0 else text[end:])
print(head + f"""[tool.mutmut]
source_paths = ["resolutions/", "sessions/", "voting/", "outcome/"]
only_mutate = [{json.dumps(sys.argv[1])}]
also_copy = ["ccpcj/", "templates/", "static/", "manage.py", "dev"]
pytest_add_cli_args = ["-p", "no:cacheprovider", "-m", "not browser", "-q", "--reuse-db"]
timeout_constant = 30
pytest_add_cli_args_test_selection = {json.dumps(sys.argv[2:])}""" + tail)
EOF
cd "$scratch"
"$root/.venv/bin/mutmut" run --max-children 1 "$@"
"$root/.venv/bin/mutmut" results
