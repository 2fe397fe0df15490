#!/usr/bin/env bash
# Builds and runs every test in PadHub.sln, then prints "N passed, N failed, N skipped" as the last line of output.
# Exits non-zero when a test failed, when dotnet test failed, or when no test ran.
set -euo pipefail
cd "$(dirname "$0")"

readonly chromium=/usr/bin/chromium
readonly results_dir="$PWD/TestResults"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# The end-to-end tests drive Debian's Chromium; Playwright never downloads a browser here.
if [[ ! -x "$chromium" ]]; then
  if [[ "$(id -u)" -eq 0 ]]; then
    echo "test.sh: $chromium is missing; installing Debian's chromium package"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  else
    echo "test.sh: $chromium is missing. The end-to-end tests need Debian's chromium package; install it as root:" >&2
    echo "  apt-get update && apt-get install -y chromium" >&2
    exit 1
  fi
fi

rm -rf "$results_dir"

test_status=0
# Build the whole solution first: dotnet test builds only what the test project references, and the benchmarks
# (never run here) must still compile with zero warnings.
if ! dotnet build PadHub.sln; then
  echo "test.sh: dotnet build PadHub.sln failed" >&2
  echo "0 passed, 0 failed, 0 skipped"
  exit 1
fi
dotnet test PadHub.sln --no-build --logger "trx;LogFilePrefix=results" --results-directory "$results_dir" || test_status=$?

# Reads one attribute of a TRX <Counters .../> element; absent means 0.
counter() {
  local value
  value=$(printf '%s\n' "$2" | sed -n "s/.* $1=\"\([0-9][0-9]*\)\".*/\1/p")
  echo "${value:-0}"
}

passed=0 failed=0 skipped=0 trx_files=0
shopt -s nullglob
for trx in "$results_dir"/*.trx; do
  trx_files=$((trx_files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)
  if [[ -z "$counters" ]]; then
    echo "test.sh: no <Counters> element in $trx" >&2
    test_status=1
    continue
  fi
  passed=$((passed + $(counter passed "$counters")))
  failed=$((failed + $(counter failed "$counters") + $(counter error "$counters") \
    + $(counter timeout "$counters") + $(counter aborted "$counters")))
  # VSTest counts a skipped test in total but not in executed (its notExecuted counter stays 0).
  skipped=$((skipped + $(counter total "$counters") - $(counter executed "$counters")))
done

if [[ "$trx_files" -eq 0 ]]; then
  echo "test.sh: dotnet test wrote no TRX file to $results_dir" >&2
  test_status=1
elif [[ $((passed + failed)) -eq 0 ]]; then
  echo "test.sh: no test ran" >&2
  test_status=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
if [[ "$test_status" -ne 0 || "$failed" -ne 0 || $((passed + failed)) -eq 0 ]]; then
  exit 1
fi
