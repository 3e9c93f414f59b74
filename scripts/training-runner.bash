# Sourced by the training scripts (after they set $here): builds the class path once and defines run, which calls
# TrainingRunner with it. Passive OpenMP waiting keeps a 2-core machine usable while a run goes on.
cp="$("$here/app-classpath.sh")"
export OMP_WAIT_POLICY=PASSIVE
run() {
  java -Xmx3g -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$cp" io.defectstudio.training.runner.TrainingRunner "$@"
}
