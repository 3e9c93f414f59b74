#!/usr/bin/env bash
# Runs the defect-studio launcher from the source tree: no arguments opens the workstation, arguments run the CLI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cp="$("$here/app-classpath.sh")"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
exec java -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  ${DS_JAVA_OPTS:-} -cp "$cp" io.defectstudio.app.Launcher "$@"
