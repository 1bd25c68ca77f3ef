#!/usr/bin/env bash
# Runs a sanaq job on a Spark cluster with the shaded jar that `mvn -DskipTests package` builds.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: jobs/spark-submit.sh <master> <job.yaml> [spark-submit options...] [-- sanaq options...]

Runs `$SPARK_HOME/bin/spark-submit --master <master> --class org.sanaq.cli.Main [spark-submit options]
target/sanaq-<version>-spark.jar run <job.yaml> [sanaq options]`.

  <master>    e.g. spark://host:7077, yarn, local[4]
  <job.yaml>  the job file; in client mode (the default) read by the driver on this machine
  --          what follows goes to sanaq, e.g. `-- --output reports/run1`

Needs SPARK_HOME (a Spark 4.1 install; for a 3.5 cluster build with `mvn -Pspark-3.5 -DskipTests package`)
and the shaded jar. The driver's --add-opens flags are not passed: spark-submit (3.3 and later) adds them itself,
and Spark passes them on to the executors.

examples:
  jobs/spark-submit.sh spark://10.0.0.5:7077 jobs/kz-2023-majilis.yaml --executor-memory 4g
  jobs/spark-submit.sh local[2] jobs/kz-2023-majilis.yaml -- --output /tmp/kz
USAGE
}

die() {
  echo "spark-submit.sh: $*" >&2
  exit 2
}

case "${1:-}" in
  -h | --help) usage; exit 0 ;;
esac
if (($# < 2)); then
  usage >&2
  exit 2
fi
master=$1
job=$2
shift 2

spark_args=()
while (($# > 0)) && [[ $1 != -- ]]; do
  spark_args+=("$1")
  shift
done
(($# > 0)) && shift # the --
sanaq_args=("$@")

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[[ -n ${SPARK_HOME:-} ]] || die "SPARK_HOME is not set; point it at the Spark installation whose bin/spark-submit to use."
[[ -x $SPARK_HOME/bin/spark-submit ]] || die "$SPARK_HOME/bin/spark-submit not found or not executable; is SPARK_HOME ($SPARK_HOME) a Spark installation?"
shopt -s nullglob
jars=("$root"/target/sanaq-*-spark.jar)
shopt -u nullglob
((${#jars[@]} > 0)) || die "no shaded jar $root/target/sanaq-*-spark.jar; build it with: mvn -DskipTests package"
((${#jars[@]} == 1)) || die "several shaded jars in $root/target (${jars[*]##*/}); rebuild with: mvn clean -DskipTests package"
[[ -f $job ]] || die "job file not found: $job"

exec "$SPARK_HOME/bin/spark-submit" --master "$master" --class org.sanaq.cli.Main "${spark_args[@]}" \
  "${jars[0]}" run "$job" "${sanaq_args[@]}"
