#!/usr/bin/env bash
# Kernel benchmarks, Java (JMH) against numpy on the same inputs and the same machine, in one invocation:
#   scripts/bench.sh                 # every kernel
#   scripts/bench.sh 'lambdaMin|gd'  # kernels whose name matches a JMH regex (extra JMH options may follow)
# Prints, per kernel, the Java time, the numpy time and the ratio Java/numpy (medians of 5), with the load average.
# Needs Java 17+, Maven and python3 with numpy and scipy (the script says so when numpy is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench
mkdir -p "$out"
filter="${1:-overparam.bench}"
shift || true

mvn -B -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat "$out/classpath.txt")"

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$cp" overparam.bench.BenchData "$out/inputs"
java -cp "$cp" org.openjdk.jmh.Main -rf json -rff "$out/jmh.json" "$filter" "$@"
echo "== load average after JMH: $(cut -d' ' -f1-3 /proc/loadavg)"
if ! command -v python3 >/dev/null; then
  echo "python3 is MISSING: no numpy comparison (Java results in $out/jmh.json)"
  exit 1
fi
python3 scripts/bench/numpy_bench.py --inputs "$out/inputs" --jmh "$out/jmh.json" --out "$out/results.json"
