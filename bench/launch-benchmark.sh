#!/usr/bin/env bash
# Launch benchmark (docs/performance.md): starts Microlearn with its embedded MariaDB as its own
# process, then drives full login + launch + landing page flows against it and reports launches/s,
# latency percentiles and the tool's CPU time per launch.
# Usage: bench/launch-benchmark.sh [threads] [seconds] [landing: true|false]
# TOOL_JAVA (another java binary), TOOL_JAVA_OPTS (default -XX:+UseParallelGC
# -XX:+UseTransparentHugePages, as the Dockerfile;
# set it empty for the JVM's default G1) and TOOL_ARGS change how the tool is started.
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${1:-4}
seconds=${2:-20}
landing=${3:-true}
# pinned: the tool gets CPU 0, MariaDB and the load-generating client CPU 1 (as on a tool node
# whose database and users are elsewhere); unpinned, all three share both CPUs.
if [[ ${4:-unpinned} == pinned ]]; then tool_cpus=0; others_cpus=1; else tool_cpus=; others_cpus=; fi
port=18080
token=bench-admin-token

./mvnw -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="target/classes:target/test-classes:$(cat target/bench.classpath)"
rm -rf target/bench-mariadb

${tool_cpus:+taskset -c $tool_cpus} ${TOOL_JAVA:-java} -Xms512m -Xmx512m ${TOOL_JAVA_OPTS--XX:+UseParallelGC -XX:+UseTransparentHugePages} -cp "$cp" org.microlearn.TestMicrolearnApplication \
    --server.port=$port --microlearn.embedded-mariadb.home=target/bench-mariadb \
    --microlearn.admin.token=$token --microlearn.base-url=http://localhost:$port \
    --logging.level.root=WARN --spring.thymeleaf.cache=true ${TOOL_ARGS:-} > target/bench-tool.log 2>&1 &
tool=$!
trap 'kill $tool 2>/dev/null && wait $tool 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
    sleep 0.5
done
db=$(pgrep -f "target/bench-mariadb/base/bin/mariadbd" | paste -sd, -)
echo "tool pid $tool, MariaDB pid $db"
if [[ -n $tool_cpus ]]; then
    for pid in ${db//,/ }; do taskset -a -p -c "$others_cpus" "$pid" >/dev/null; done
    echo "tool on CPU $tool_cpus; MariaDB and the benchmark client on CPU $others_cpus"
fi

${tool_cpus:+taskset -c $others_cpus} ./mvnw -B -q -o test -Dspotless.check.skip=true -Dtest=LaunchBenchmark -Dgroups=benchmark -DexcludedGroups=none \
    -Dbench.tool="http://localhost:$port" -Dbench.pids="$tool,$db" -Dbench.token=$token \
    -Dbench.threads="$threads" -Dbench.seconds="$seconds" -Dbench.landing="$landing"
cat target/surefire-reports/org.microlearn.bench.LaunchBenchmark-output.txt
