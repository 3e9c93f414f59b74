#!/usr/bin/env bash
# Compiles the app and its modules (test-compile: the app tests use the training test-jar) and prints the runtime class path (reactor target/classes + jars), for the training scripts. No install; online or from the local Maven cache.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp)"
mvn -B -q -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile="$out" -DincludeScope=runtime >&2
echo "$PWD/app/target/classes:$(cat "$out")"
rm -f "$out"
