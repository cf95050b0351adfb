#!/bin/bash
# Run perf/target/benchmarks.jar and keep a record of the run in perf/results/<name>.log (JDK, command, load average
# before and after, JMH's output) and <name>.json (JMH's results). Run from anywhere; the benchmarks run from the
# repository root, where they find ../shared/data and strategies/.
#
# usage: perf/bench.sh <name> <java executable> [JMH arguments...]
#   e.g. perf/bench.sh decoder-jdk17 java BinanceDecoderBenchmark -f 2 -wi 5 -w 2s -i 5 -r 1s -prof gc
set -euo pipefail
name=$1; shift
javabin=$1; shift
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/perf/results/$name"
mkdir -p "$root/perf/results"
cd "$root"
{
    echo "## $name"
    echo "start: $(date -u +%FT%TZ)"
    echo "load before: $(cat /proc/loadavg)"
    echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
    "$javabin" -version 2>&1
    echo "command: $javabin -jar perf/target/benchmarks.jar $* -rf json -rff perf/results/$name.json"
} > "$out.log"
"$javabin" -jar perf/target/benchmarks.jar "$@" -rf json -rff "$out.json" >> "$out.log" 2>&1 || echo "exit: $?" >> "$out.log"
{
    echo "load after: $(cat /proc/loadavg)"
    echo "end: $(date -u +%FT%TZ)"
} >> "$out.log"
