#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan/UBSan) in build-fuzz/ and runs each for SECONDS (default 10).
#   fuzz/run.sh [SECONDS] [TARGET...]        targets: http axon json scale zip hcl (default: all)
# Seeds and regressions: fuzz/corpus/<target>/ (read only here; ctest replays them in the normal build). New
# inputs found during a run go to build-fuzz/corpus/<target>/; crashes to build-fuzz/crashes/ - fix the bug and
# copy the crashing input into fuzz/corpus/<target>/ as its regression test. Environment: FUZZ_BUILD_DIR
# (build-fuzz), FUZZ_JOBS (2), CC (clang). Exit status: non-zero if a target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(http axon json scale zip hcl)
build=${FUZZ_BUILD_DIR:-build-fuzz}
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=${CC:-clang} cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DMINER_SANITIZE=ON -DMINER_FUZZ=ON >/dev/null
fi
cmake --build "$build" -j"${FUZZ_JOBS:-2}" --target "${targets[@]/#/fuzz_}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
mkdir -p "$build/crashes"
failed=0
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t"
  echo "== fuzz_$t for ${secs}s"
  dict=()
  [ -f "fuzz/$t.dict" ] && dict=(-dict="fuzz/$t.dict")
  if ! "$build/fuzz/fuzz_$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
      -print_final_stats=1 -artifact_prefix="$build/crashes/$t-" "${dict[@]}" \
      "$build/corpus/$t" "fuzz/corpus/$t" 2>"$build/fuzz_$t.log"; then
    failed=1
    echo "fuzz_$t: FAILED (log: $build/fuzz_$t.log, inputs: $build/crashes/$t-*)"
    grep -E "ERROR|invariant|runtime error|SUMMARY" "$build/fuzz_$t.log" | head -5 || true
  else
    grep -E "^stat::number_of_executed_units|^Done" "$build/fuzz_$t.log" | tr '\n' ' '
    echo
  fi
done
exit $failed
