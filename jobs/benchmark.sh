#!/usr/bin/env bash
# Times the full job (every check, run folder and report) on synthetic elections, one JVM per size so that the
# peak memory figures belong to that size. Rows are appended to reports/benchmark/benchmark.csv (local mode) or
# reports/benchmark/cluster.csv (--cluster). Each row gives the wall time of the run, then per stage: spark_start_s
# (from the SparkContext's creation to the session being ready), read_s, compute_s, judge_s, write_s, and the Spark
# jobs each stage started (read_jobs ... write_jobs, spark_jobs for all four), counted by a SparkListener; then
# throughput, heap and machine. A CSV left by an older sanaq with other columns is refused: move it away first.
# Reading is always cold: the inputs are parsed and the ingest cache is written (as `run --no-cache` does).
#   jobs/benchmark.sh                       # 100,000, 1,000,000 and 10,000,000 precincts on embedded local Spark
#   jobs/benchmark.sh 100000 1000000        # chosen sizes
#   jobs/benchmark.sh --cluster 10000000    # on a Spark standalone cluster started here on 127.0.0.1
#   jobs/benchmark.sh --jobs                # the shipped kz and ru-2018 jobs from the command line (see below)
#   jobs/benchmark.sh --jobs jobs/ge-2024-parliament.yaml
# With --cluster the script starts a master and a worker from Spark's Maven jars (no Spark install needed), submits
# each size with the driver in its own JVM limited to DRIVER_MEMORY (default 1g), so the heap figures are the
# driver's alone, and stops the cluster at the end. WORKER_CORES (default: all), EXECUTOR_MEMORY (default 12g) and
# MASTER_PORT (default 7177) can be set. MVN="mvn -o" runs Maven offline. The generated data go to
# ${TMPDIR:-/tmp}/sanaq-benchmark-<n> and are removed.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=${MVN:-mvn}

# --jobs: real jobs timed from the command to the report, JVM start included, as a user runs them: `run --no-cache`
# (cold: parse the inputs, store the ingest cache), `run` again (warm: read the cache), then the README's way through
# Maven (`exec:exec`, warm), whose difference to the warm run is what Maven adds. Each stage's seconds and Spark jobs
# come from the run's own progress lines. Rows go to reports/benchmark/jobs.csv.
if [[ ${1:-} == --jobs ]]; then
  shift
  jobs=("$@")
  [ ${#jobs[@]} -eq 0 ] && jobs=(jobs/kz-2023-majilis.yaml jobs/ru-2018-president.yaml)
  $MVN -q -B -DskipTests compile
  $MVN -q -B dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt
  cp="target/classes:$(cat target/benchmark-classpath.txt)"
  read -r -a opens <<<"$(sed -n 's:.*<spark.add.opens>\(.*\)</spark.add.opens>.*:\1:p' pom.xml)"
  # the JIT option exec:exec uses (pom.xml's sanaq.jit), so that the java and exec rows compare
  read -r -a jit <<<"$(sed -n 's:.*<sanaq.jit>\(.*\)</sanaq.jit>.*:\1:p' pom.xml)"
  opens+=("${jit[@]}")
  csv=reports/benchmark/jobs.csv
  mkdir -p reports/benchmark
  [ -f "$csv" ] || echo "job,mode,wall_s,spark_start_s,read_s,compute_s,judge_s,write_s,read_jobs,compute_jobs,judge_jobs,write_jobs,load_average" >"$csv"
  # the seconds and Spark jobs of one stage's closing line, e.g. "[3/5] computing the checks: … (2.1 s, 3 Spark jobs)"
  stage() { grep -E "sanaq: \[[0-9]/[0-9]\] $1[^…]*: " "$2" | tail -1 | sed -nE 's/.*\(([0-9.]+) s(, ([0-9]+) Spark jobs?)?\)$/\1 \3/p'; }
  for job in "${jobs[@]}"; do
    out="${TMPDIR:-/tmp}/sanaq-benchmark-job/$(basename "$job" .yaml)"
    rm -rf "$out"
    for mode in cold warm exec; do
      log=$(mktemp)
      start=$(date +%s.%N)
      case $mode in
        cold) java "${opens[@]}" -Xmx4g -cp "$cp" org.sanaq.cli.Main run "$job" --output "$out" --no-cache 2>"$log" ;;
        warm) java "${opens[@]}" -Xmx4g -cp "$cp" org.sanaq.cli.Main run "$job" --output "$out" 2>"$log" ;;
        exec) $MVN -q -B exec:exec -Dsanaq.args="run $job --output $out" 2>"$log" ;;
      esac
      wall=$(echo "$(date +%s.%N) - $start" | bc)
      row="$job,$mode,$(printf %.1f "$wall")"
      for s in starting reading computing judging writing; do
        read -r secs _ <<<"$(stage "$s" "$log")"
        row="$row,${secs:-}"
      done
      for s in reading computing judging writing; do
        read -r _ n <<<"$(stage "$s" "$log")"
        row="$row,${n:-}"
      done
      echo "$row,$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$csv"
      rm -f "$log"
    done
    rm -rf "$out" "$(dirname "$out")/.$(basename "$out").cache"
  done
  exit 0
fi

cluster=false
if [[ ${1:-} == --cluster ]]; then
  cluster=true
  shift
fi
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000 1000000 10000000)

if ! $cluster; then
  $MVN -q -B -DskipTests compile
  for n in "${sizes[@]}"; do
    data="${TMPDIR:-/tmp}/sanaq-benchmark-$n"
    $MVN -q -B exec:exec -Dsanaq.jit= -Dsanaq.args="benchmark --precincts $n --data $data"
    rm -rf "$data" "reports/benchmark/run-$n" "reports/benchmark/job-$n.yaml"
  done
  cat reports/benchmark/benchmark.csv
  exit 0
fi

# The shaded jar, and Spark's own jars as SPARK_HOME/jars (the same step that StandaloneClusterIT uses).
$MVN -q -B -DskipTests package
$MVN -q -B invoker:run@spark-home -DskipTests=false
spark_version=$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' pom.xml | head -1)
export SPARK_HOME=$PWD/target/spark-home-$spark_version
export SPARK_SCALA_VERSION=$(sed -n 's:.*<scala.binary.version>\(.*\)</scala.binary.version>.*:\1:p' pom.xml | head -1)
export SPARK_LOCAL_IP=127.0.0.1
unset SPARK_CONF_DIR
read -r -a opens <<<"$(sed -n 's:.*<spark.add.opens>\(.*\)</spark.add.opens>.*:\1:p' pom.xml)"
jar=$(ls target/sanaq-*-spark.jar)
logs=reports/benchmark/cluster-logs
mkdir -p "$logs"
port=${MASTER_PORT:-7177}
# A JVM on Spark's jars. The master and the worker log at Spark's INFO level (the wait below reads the master's
# log); the driver logs at WARN as local runs do (the same log4j2 file).
spark_java=(java "${opens[@]}" -cp "$SPARK_HOME/jars/*")
quiet=(-Dlog4j2.configurationFile="$PWD/src/main/resources/log4j2.properties")

# A master already on the port (say, left by a killed run) would take this run's worker and its memory.
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "benchmark.sh: something already listens on 127.0.0.1:$port (an earlier cluster?); stop it or set MASTER_PORT" >&2
  exit 1
fi
pids=()
stop_cluster() {
  # SIGTERM lets the worker stop its executors before it exits.
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_cluster EXIT
# `exec` in the background subshell, so that $! is the JVM itself and stop_cluster reaches it.
(exec "${spark_java[@]}" -Xmx512m -Dspark.master.rest.enabled=false org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$port" --webui-port $((port + 1)) >"$logs/master.log" 2>&1) &
pids+=($!)
(exec "${spark_java[@]}" -Xmx512m \
  org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$port" --host 127.0.0.1 \
  --cores "${WORKER_CORES:-$(nproc)}" --memory "${WORKER_MEMORY:-14g}" --webui-port $((port + 2)) \
  --work-dir "$PWD/$logs/worker" >"$logs/worker.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 120); do
  grep -q "Registering worker" "$logs/master.log" 2>/dev/null && break
  sleep 0.5
done
grep -q "Registering worker" "$logs/master.log" || { echo "benchmark.sh: the cluster did not start; see $logs" >&2; exit 1; }

for n in "${sizes[@]}"; do
  data="${TMPDIR:-/tmp}/sanaq-benchmark-$n"
  # Client mode: the driver is this JVM, so its -Xmx is the driver's memory.
  "${spark_java[@]}" "${quiet[@]}" "-Xmx${DRIVER_MEMORY:-1g}" \
    org.apache.spark.deploy.SparkSubmit \
    --master "spark://127.0.0.1:$port" --deploy-mode client --class org.sanaq.cli.Main \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 --conf spark.ui.enabled=false \
    --conf "spark.executor.memory=${EXECUTOR_MEMORY:-12g}" \
    "$jar" benchmark --precincts "$n" --data "$data" --csv reports/benchmark/cluster.csv
  rm -rf "$data" "reports/benchmark/run-$n" "reports/benchmark/job-$n.yaml"
done
cat reports/benchmark/cluster.csv
