#!/usr/bin/env bash
# Runs every test under ASan/UBSan: C units (ctest), Lua tests (miner test), process-level tests (node --test).
# Ends with one line "N passed, N failed" summing all three.
set -uo pipefail
cd "$(dirname "$0")/.."
# no Terraform download from the test command (CI has only the package registries)
MINER_SKIP_TERRAFORM=1 scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export MINER_BIN="$PWD/build-asan/miner"
export TEST_TMPDIR="$(mktemp -d)"
trap 'rm -rf "$TEST_TMPDIR"' EXIT
passed=0
failed=0
log="$TEST_TMPDIR/out.log"

echo "== C unit tests (ctest)"
(cd build-asan && ctest --output-on-failure) | tee "$log"
line=$(grep -E "tests passed, [0-9]+ tests failed out of" "$log" | tail -1)
if [ -n "$line" ]; then
  f=$(echo "$line" | sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/')
  t=$(echo "$line" | sed -E 's/.* out of ([0-9]+).*/\1/')
  passed=$((passed + t - f)); failed=$((failed + f))
else
  failed=$((failed + 1))
fi

echo "== Lua tests (miner test tests/lua)"
"$MINER_BIN" test tests/lua 2>"$TEST_TMPDIR/lua.stderr" | tee "$log"
if grep -q "ERROR: \(Address\|Leak\|Undefined\)Sanitizer\|runtime error:" "$TEST_TMPDIR/lua.stderr"; then
  cat "$TEST_TMPDIR/lua.stderr"; failed=$((failed + 1))
fi
line=$(grep -E "^[0-9]+ passed, [0-9]+ failed$" "$log" | tail -1)
if [ -n "$line" ]; then
  passed=$((passed + $(echo "$line" | cut -d' ' -f1))); failed=$((failed + $(echo "$line" | cut -d' ' -f3)))
else
  failed=$((failed + 1))
fi

# The solver on the project's corpora (generator tasks, LLM rewrites, LLM dev + holdout; the list is in the
# baseline) against the committed per-task baseline: any task that loses an invariant fails. After a solver
# change that improves tasks (or one whose regressions are accepted), regenerate it with one command:
#   build/miner eval --save tests/corpus/baseline.json
echo "== solver corpora vs tests/corpus/baseline.json (miner eval)"
if "$MINER_BIN" eval --baseline tests/corpus/baseline.json >"$TEST_TMPDIR/eval.log" 2>"$TEST_TMPDIR/eval.stderr" \
  && ! grep -q "ERROR: \(Address\|Leak\|Undefined\)Sanitizer\|runtime error:" "$TEST_TMPDIR/eval.stderr"; then
  grep -E "^(changes vs|[0-9]+ tasks, )" "$TEST_TMPDIR/eval.log"
  echo "ok miner_eval_baseline"; passed=$((passed + 1))
else
  sed -n '/^changes vs/,$p' "$TEST_TMPDIR/eval.log"; cat "$TEST_TMPDIR/eval.stderr"
  echo "not ok miner_eval_baseline (regenerate after an accepted change: build/miner eval --save tests/corpus/baseline.json)"
  failed=$((failed + 1))
fi

if [ -d tests/js ] && ls tests/js/*.test.mjs >/dev/null 2>&1; then
  echo "== process tests (node --test tests/js)"
  node --test --test-concurrency=1 tests/js/ 2>&1 | tee "$log"
  p=$(grep -E "^# pass [0-9]+" "$log" | tail -1 | awk '{print $3}')
  f=$(grep -E "^# fail [0-9]+" "$log" | tail -1 | awk '{print $3}')
  if [ -n "$p" ] && [ -n "$f" ]; then passed=$((passed + p)); failed=$((failed + f)); else failed=$((failed + 1)); fi
fi

# A short libFuzzer run of every target (FUZZ_SECONDS each, 0 skips; longer runs: fuzz/run.sh 600).
fuzz_secs=${FUZZ_SECONDS:-5}
if [ "$fuzz_secs" != 0 ]; then
  echo "== fuzz (fuzz/run.sh $fuzz_secs)"
  for t in http axon json scale zip hcl; do
    if fuzz/run.sh "$fuzz_secs" "$t" >"$TEST_TMPDIR/fuzz-$t.log" 2>&1; then
      echo "ok fuzz_$t"; passed=$((passed + 1))
    else
      echo "not ok fuzz_$t"; tail -30 "$TEST_TMPDIR/fuzz-$t.log"; failed=$((failed + 1))
    fi
  done
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
