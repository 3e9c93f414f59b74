# Sourced by the training scripts (after they set $here): builds the class path once and defines ds, which runs the
# product's command line (defect-studio <subcommand>) with it. Passive OpenMP waiting keeps a 2-core machine usable
# while a run goes on.
cp="$("$here/app-classpath.sh")"
export OMP_WAIT_POLICY=PASSIVE
ds() {
  java -Xmx3g -Dai.djl.offline=true -DOPT_OUT_TRACKING=true \
    -cp "$cp" io.defectstudio.app.Launcher "$@"
}
