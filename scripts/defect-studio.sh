#!/usr/bin/env bash
# Runs the defect-studio launcher from the source tree, from any folder: no arguments opens the workstation, arguments
# run the CLI. It starts what is built; it builds (online or from the local Maven cache) only when nothing is, and
# after a change you rebuild with: mvn -B -DskipTests -pl app -am package
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
classes="$root/app/target/classes"
deps="$root/app/target/runtime-classpath.txt"
if [[ ! -f "$classes/io/defectstudio/app/Launcher.class" || ! -s "$deps" ]]; then
  echo "defect-studio: nothing built yet; building once (a few minutes)..." >&2
  (cd "$root" && mvn -B -q -DskipTests -pl app -am package dependency:build-classpath \
    -Dmdep.outputFile="$deps" -DincludeScope=runtime -Dstyle.color=never >&2)
fi
# File names are bytes the JVM decodes by the locale; under LANG=C it cannot represent non-ASCII names at all.
if [[ "$(locale charmap 2>/dev/null)" != "UTF-8" ]]; then
  export LC_ALL=C.UTF-8
fi
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
exec java -Dai.djl.offline=true -DOPT_OUT_TRACKING=true \
  ${DS_JAVA_OPTS:-} -cp "$classes:$(cat "$deps")" io.defectstudio.app.Launcher "$@"
