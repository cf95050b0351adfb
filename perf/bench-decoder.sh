#!/bin/bash
# Run BinanceDecoderBenchmark one message kind at a time, all three decoders each time, so that the three figures of a
# kind are measured within a minute or two of each other: on a shared machine whose load changes, their ratios stay
# comparable. Keeps perf/results/<name>.log (JDK, commands, load average before and after each kind, JMH's output)
# and perf/results/<name>/<kind>.json (JMH's results).
#
# usage: perf/bench-decoder.sh <name> <java executable> [JMH arguments...]
#   e.g. perf/bench-decoder.sh decoder-jdk25 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -f 2 -wi 5 -w 2s -i 5 -r 1s -prof gc
set -euo pipefail
name=$1; shift
javabin=$1; shift
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/perf/results/$name"
mkdir -p "$out"
cd "$root"
{
    echo "## $name"
    echo "start: $(date -u +%FT%TZ)"
    echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
    "$javabin" -version 2>&1
} > "$out.log"
for message in tradeSpot tradeUsdm bookTickerSpot bookTickerUsdm depthUpdateUsdm aggTradeUsdm klineUsdm \
    markPriceUsdm forceOrderUsdm depthSnapshotUsdm mixUsdm
do
    {
        echo "### $message"
        echo "load before: $(cat /proc/loadavg)"
        echo "command: $javabin -jar perf/target/benchmarks.jar BinanceDecoderBenchmark -p message=$message $*" \
            "-rf json -rff perf/results/$name/$message.json"
    } >> "$out.log"
    "$javabin" -jar perf/target/benchmarks.jar BinanceDecoderBenchmark -p "message=$message" "$@" \
        -rf json -rff "$out/$message.json" >> "$out.log" 2>&1 || echo "exit: $?" >> "$out.log"
    echo "load after: $(cat /proc/loadavg)" >> "$out.log"
done
echo "end: $(date -u +%FT%TZ)" >> "$out.log"
