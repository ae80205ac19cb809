#!/usr/bin/env bash
# Runs an nn command on Spark's local-cluster master: a Spark master, workers and executors in JVMs of
# their own on this machine, as on a real cluster (jars shipped, executors on the class path). Spark's
# own test suites use this master; it needs a SPARK_HOME, made here from the jars Maven resolved.
#   nn-spark/scripts/local-cluster.sh grid --spec grid.json --data /usr/share/datasets/fashion-mnist
# runs `./nn grid ... --spark local-cluster[2,1,1024]` (2 workers of 1 core and 1 GB each).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/nn" plugins >/dev/null              # builds nn if needed
"$root/nn" plugins --spark local[1] >/dev/null 2>&1 || true   # builds nn-spark/target/lib if needed
home=$(mktemp -d)
mkdir -p "$home/jars"
for jar in "$root"/nn-spark/target/lib/*.jar; do
  [ "$(basename "$jar")" = nn-spark.jar ] || ln -s "$jar" "$home/jars/"
done
touch "$home/RELEASE"
export SPARK_HOME=$home SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
trap 'rm -rf "$home"' EXIT
"$root/nn" "$@" --spark "local-cluster[2,1,1024]"
