#!/usr/bin/env bash
# Runs each example spec N times in a row in each mode (default: inproc threads, chronicle processes,
# tcp processes) and prints one table: pass count and wall times (median, range) per spec and mode.
# Not part of the build. Exits non-zero if any run failed; failed runs' folders are kept under
# examples/target/multinode and the whole output is in examples/target/loop-specs-<time>.log.
#
# Usage, from anywhere, after `mvn -B -q install -DskipTests` at the repository root:
#   examples/scripts/loop-specs.sh [runs=20] [modes=inproc/thread,chronicle/process,tcp/process] [maven args...]
# e.g. examples/scripts/loop-specs.sh 5 tcp/process,tcp/thread -o
set -euo pipefail
runs=${1:-20}
modes=${2:-inproc/thread,chronicle/process,tcp/process}
cd "$(dirname "$0")/../.."
mkdir -p examples/target
log="examples/target/loop-specs-$(date +%Y%m%d-%H%M%S).log"
echo "Running each example spec $runs times in $modes; output in $log"
mvn -B -q "${@:3}" -pl examples compile exec:java -Dspecs.transports="$modes" -Dspecs.runs="$runs" 2>&1 | tee "$log"
