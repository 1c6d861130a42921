#!/usr/bin/env bash
# The whole test suite: typecheck, lint, server tests on PGlite and again on PostgreSQL,
# web build, browser journeys. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
passed=0
failed=0

check() {
  local name=$1
  shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "!! $name failed"; fi
}

# Runs vitest with a JSON report and adds its test counts; a run without a report counts as one failure.
suite() {
  local name=$1
  shift
  echo "== $name"
  rm -f "$out/$name.json"
  "$@" --reporter=default --reporter=json --outputFile.json="$out/$name.json"
  if [ -s "$out/$name.json" ]; then
    read -r p f < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests + (r.numFailedTestSuites||0))' "$out/$name.json")
    passed=$((passed + p))
    failed=$((failed + f))
  else
    failed=$((failed + 1))
    echo "!! $name produced no report"
  fi
}

# Vitest keeps a core free by default; on a 2-core runner that halves the server suites. Each worker
# has a database of its own (PGlite in memory; on PostgreSQL one copied from a template).
workers=$(node -p 'Math.max(2, require("os").availableParallelism() - 1)')

check typecheck npm run --silent typecheck
check lint npm run --silent lint

suite pglite npx vitest run --project server --project contracts --project web --maxWorkers="$workers"

pg_url=${ANJU_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/anju_test}
if node scripts/pg-test-db.mjs "$pg_url"; then
  DATABASE_URL=$pg_url suite postgres npx vitest run --project server --maxWorkers="$workers"
elif [ "${ANJU_REQUIRE_POSTGRES:-}" = 1 ]; then
  failed=$((failed + 1))
  echo "!! PostgreSQL is required but not reachable at $pg_url"
else
  echo "-- PostgreSQL not reachable at $pg_url: its run is skipped (set ANJU_TEST_DATABASE_URL)"
fi

check web-build npm run --silent build -w web
if [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  suite e2e npx vitest run --project e2e
elif [ "${ANJU_REQUIRE_BROWSER:-}" = 1 ]; then
  failed=$((failed + 1))
  echo "!! Chromium is required but missing"
else
  echo "-- Chromium not installed: browser journeys skipped (apt-get install chromium)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
