#!/usr/bin/env bash
# Runs the three example specs N times in a row in each transport (inproc threads, chronicle and
# tcp processes) and prints the pass count per transport. Not part of the normal build.
# Usage (from the repository root, after `mvn -B -q install -DskipTests`):
#   examples/scripts/loop-specs.sh [runs=20] [transports=inproc,chronicle,tcp]
set -uo pipefail
runs=${1:-20}
transports=${2:-inproc,chronicle,tcp}
cd "$(dirname "$0")/../.."
for transport in ${transports//,/ }; do
  passed=0
  for ((i = 1; i <= runs; i++)); do
    if mvn -B -q -o -pl examples exec:java -Dspecs.transports="$transport" > "target/loop-$transport-$i.log" 2>&1; then
      passed=$((passed + 1))
      rm -f "target/loop-$transport-$i.log"
    fi
  done
  echo "$transport: $passed of $runs runs passed all three specs (failed runs' output: target/loop-$transport-*.log)"
done
