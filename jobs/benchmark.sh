#!/usr/bin/env bash
# Times the full job (every check, run folder and report) on synthetic elections, one JVM per size so that the
# peak memory figures belong to that size. Rows are appended to reports/benchmark/benchmark.csv.
#   jobs/benchmark.sh                     # 100,000, 1,000,000 and 10,000,000 precincts
#   jobs/benchmark.sh 100000 1000000      # chosen sizes
# MVN="mvn -o" runs Maven offline. The generated data go to ${TMPDIR:-/tmp}/sanaq-benchmark-<n> and are removed.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=${MVN:-mvn}
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000 1000000 10000000)
$MVN -q -B -DskipTests compile
for n in "${sizes[@]}"; do
  data="${TMPDIR:-/tmp}/sanaq-benchmark-$n"
  $MVN -q -B exec:exec -Dsanaq.args="benchmark --precincts $n --data $data"
  rm -rf "$data" "reports/benchmark/run-$n" "reports/benchmark/job-$n.yaml"
done
cat reports/benchmark/benchmark.csv
