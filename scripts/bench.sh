#!/usr/bin/env bash
# Runs the sobatch benchmarks: JMH codec micro-benchmarks (-prof gc) and the end-to-end comparison against
# a fixed-response server in its own JVM. Writes batch-benchmarks/target/bench-results/results.md (and
# .tsv/.json beside it). See docs/BENCHMARKS.md for the method and the latest figures.
#
#   scripts/bench.sh           full set, about 8-9 minutes on 2 cores
#   scripts/bench.sh --smoke   every benchmark and contender for about a second each (CI); exits non-zero
#                              when anything fails to build or run
#   scripts/bench.sh --profile JFR recordings of (a) and (b) at 64 in flight, summarised into profile.md
#   Environment: BENCH_OUT=dir (results folder), MVN_ARGS="-o" (extra Maven arguments, e.g. offline)
set -euo pipefail

mode=full
case "${1:-}" in
  --smoke) mode=smoke ;;
  --profile) mode=profile ;;
  "" ) ;;
  *) echo "usage: $0 [--smoke|--profile]" >&2; exit 64 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${BENCH_OUT:-$root/batch-benchmarks/target/bench-results}"
mkdir -p "$out"
start=$(date +%s)

echo "== building batch-benchmarks (-Pbench)" >&2
# shellcheck disable=SC2086
mvn -B -q ${MVN_ARGS:-} -Pbench -pl batch-benchmarks -am -DskipTests package >&2

cp="$root/batch-benchmarks/target/classes:$(cat "$root/batch-benchmarks/target/bench-classpath.txt")"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
prefix=$([ "$mode" = smoke ] && echo smoke- || true)

if [ "$mode" = profile ]; then
  jfr_dir="$out/jfr"
  mkdir -p "$jfr_dir"
  "$java_bin" -Xmx256m -cp "$cp" dev.sobatch.bench.EndToEnd --only raw,sdk-reactive --levels 64 --rounds 1 \
    --first-warmup 5 --measure 10 --jfr "$jfr_dir" --out "$out/profile-end-to-end.md" > /dev/null
  {
    echo "# JFR profile of the client JVMs at 64 calls in flight ($(date -u '+%Y-%m-%d %H:%M UTC'))"
    echo
    echo "Command: \`scripts/bench.sh --profile\`; the first 5 s (start-up, warm-up) are left out."
    for c in raw sdk-reactive; do
      echo
      echo "## $c"
      echo
      "$java_bin" -cp "$cp" dev.sobatch.bench.JfrSummary "$jfr_dir/$c.jfr" 25 5
    done
  } > "$out/profile.md"
  cat "$out/profile.md"
  exit 0
fi

if [ "$mode" = smoke ]; then
  jmh_args=(-f 1 -wi 1 -w 200ms -i 1 -r 200ms -p tasks=10)
  e2e=(--smoke)
else
  jmh_args=(-f 1 -wi 3 -w 1s -i 4 -r 1s -p tasks=10,100,1000)
  e2e=()
fi

echo "== JMH codec benchmarks" >&2
"$java_bin" -cp "$cp" org.openjdk.jmh.Main 'dev.sobatch.bench.CodecBenchmark\.' -prof gc -foe true \
  "${jmh_args[@]}" -rf json -rff "$out/${prefix}jmh.json" > "$out/${prefix}jmh.txt"

echo "== end to end" >&2
"$java_bin" -Xmx256m -cp "$cp" dev.sobatch.bench.EndToEnd "${e2e[@]}" --out "$out/${prefix}end-to-end.md" > /dev/null

# JMH's summary: keep time and normalised allocation rows only
jmh_summary() {
  sed -n '/^Benchmark /,$p' "$1" | grep -E '^Benchmark |avgt' | grep -vE 'gc\.(alloc\.rate |count|time|churn)' || true
}

results="$out/${prefix}results.md"
{
  echo "# sobatch benchmark results ($mode run)"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); host: $(nproc) CPUs; JVM: $("$java_bin" -version 2>&1 | sed -n 2p)"
  echo "- command: \`scripts/bench.sh${1:+ $1}\`; took $(( $(date +%s) - start )) s"
  echo
  echo "## Codec (JMH, avgt ns/op; ·gc.alloc.rate.norm rows are B/op)"
  echo
  echo '```'
  jmh_summary "$out/${prefix}jmh.txt"
  echo '```'
  echo
  echo "## End to end (loopback, server in its own JVM)"
  echo
  tail -n +3 "$out/${prefix}end-to-end.md" | sed 's/^## /### /'
} > "$results"
cat "$results"
echo "== results: $results ($(( $(date +%s) - start )) s)" >&2
