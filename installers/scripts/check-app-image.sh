#!/usr/bin/env bash
# Builds the Defect Studio app-image and checks it the way an inspector's machine runs it: offline, from a fresh
# home folder, writing nothing outside the app's own folders and the chosen project.
#
#   installers/scripts/check-app-image.sh          build, then check
#   SKIP_BUILD=1 installers/scripts/check-app-image.sh   check the image already in installers/target
#
# Every launcher run gets an empty HOME (and user.home), a scoped java.io.tmpdir (through JAVA_TOOL_OPTIONS, which
# jpackage launchers read; the window run keeps the default /tmp), and, where unshare allows it (root or user
# namespaces), a private empty /tmp and no network at all.
# Prints one PASS/FAIL line per check and exits non-zero when any check failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCRIPTS="$ROOT/installers/scripts"
IMAGE="$ROOT/installers/target/jpackage/image/defect-studio"
APPDIR="$IMAGE/lib/app"
CFG="$APPDIR/defect-studio.cfg"
WORK="$ROOT/installers/target/check-app-image"
LAUNCHER="$IMAGE/bin/defect-studio"
SEGMENT_TIMEOUT="${SEGMENT_TIMEOUT:-900}"

failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
note() { echo "----- $*"; }
show_log() { sed 's/^/    | /' "$1" | tail -n "${2:-25}"; }

# --- prerequisites: a JDK 17 (jlink, jpackage, javac, jar) and binutils (strip) ---------------------------------------
need=()
command -v strip >/dev/null 2>&1 || need+=(binutils)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
fi
for tool in javac jar; do
  command -v "$tool" >/dev/null 2>&1 || { fail "$tool not found: a JDK 17 must be on the PATH"; exit 1; }
done

# --- build ------------------------------------------------------------------------------------------------------------
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  note "building the app-image: mvn -B -pl installers -am package -Pinstallers -Dinstallers.skipDeb=true -DskipTests"
  start=$(date +%s)
  if mvn -B -pl installers -am package -Pinstallers -Dinstallers.skipDeb=true -DskipTests; then echo
    pass "app-image built in $(( $(date +%s) - start )) s"
  else
    fail "the app-image build failed"
    exit 1
  fi
fi
[ -x "$LAUNCHER" ] && [ -f "$CFG" ] || { fail "no app-image at $IMAGE"; exit 1; }

# --- contents ---------------------------------------------------------------------------------------------------------
missing=()
for f in libtorch.so libtorch_cpu.so libc10.so libdjl_torch.so libsqlitejdbc.so libjnidispatch.so; do
  [ -f "$APPDIR/natives/$f" ] || missing+=("natives/$f")
done
compgen -G "$APPDIR/natives/libgomp*.so*" >/dev/null || missing+=("natives/libgomp*.so*")
for f in libglassgtk3.so libprism_sw.so libprism_es2.so libjavafx_font.so; do
  [ -f "$IMAGE/lib/runtime/lib/$f" ] || missing+=("runtime/lib/$f")
done
if [ ${#missing[@]} -eq 0 ]; then
  pass "natives unpacked: PyTorch, DJL JNI, SQLite, JNA in lib/app/natives; JavaFX in the runtime"
else
  fail "missing natives: ${missing[*]}"
fi
if compgen -G "$APPDIR/pytorch-native-*.jar" >/dev/null || compgen -G "$APPDIR/javafx-*.jar" >/dev/null; then
  fail "natives jar or JavaFX jar copied to the class path as well: $(cd "$APPDIR" && ls pytorch-native-*.jar javafx-*.jar 2>/dev/null | tr '\n' ' ')"
else
  pass "no duplicate natives/JavaFX jars on the class path"
fi
grep -q '^java-options=-DPYTORCH_LIBRARY_PATH=\$APPDIR/natives$' "$CFG" \
  && pass "launcher sets PYTORCH_LIBRARY_PATH=\$APPDIR/natives" \
  || fail "launcher options lack -DPYTORCH_LIBRARY_PATH=\$APPDIR/natives (see $CFG)"
resources_jar=$(compgen -G "$APPDIR/resources-*.jar" | head -n 1 || true)
listing=$( [ -n "$resources_jar" ] && jar tf "$resources_jar" || true)
grep -q '^io/defectstudio/resources/demo/index.tsv$' <<<"$listing" \
  && pass "demo project bundled ($(grep -c '^io/defectstudio/resources/demo/.*\.jpg$' <<<"$listing" || true) images)" \
  || fail "demo project (io/defectstudio/resources/demo/index.tsv) not in the resources jar"
grep -q '^io/defectstudio/resources/models/default/model.json$' <<<"$listing" \
  && pass "default model bundled" \
  || fail "default model (io/defectstudio/resources/models/default/model.json) not in the resources jar"
note "app-image size: $(du -sm "$IMAGE" | cut -f1) MiB ($(du -sm "$APPDIR/natives" | cut -f1) MiB natives, $(du -sm "$IMAGE/lib/runtime" | cut -f1) MiB runtime)"

# --- sandbox for every run ----------------------------------------------------------------------------------------------
rm -rf "$WORK"
mkdir -p "$WORK/home" "$WORK/tmp" "$WORK/logs" "$WORK/probe"
mkdir -p "$WORK/tmp-writes"
touch "$WORK/start-marker"
sleep 1
SANDBOX=()
PRIVATE_TMP=0
if unshare -m -n true 2>/dev/null; then
  SANDBOX=(unshare -m -n --propagation private); PRIVATE_TMP=1
elif unshare -r -m -n true 2>/dev/null; then
  SANDBOX=(unshare -r -m -n --propagation private); PRIVATE_TMP=1
fi
case "$ROOT/" in
  /tmp/*)
    # A private /tmp would hide the checkout itself: keep the sandbox's network cut, compare /tmp listings instead.
    PRIVATE_TMP=0 ;;
esac
if [ "$PRIVATE_TMP" = 1 ]; then
  note "runs use a private empty /tmp and no network (${SANDBOX[*]})"
else
  note "/tmp is checked by comparing listings${SANDBOX:+; no network (${SANDBOX[*]})}"
  ls -A /tmp | sort >"$WORK/tmp-before.txt"
fi

# The JVM takes user.home from the password database, not $HOME: point both at the scratch home.
JTO="-Duser.home=$WORK/home -Djava.io.tmpdir=$WORK/tmp"

# sandboxed LABEL CMD...: runs CMD with the scratch HOME and tmpdir; stdout/stderr go to logs/LABEL.{out,err}.
sandboxed() {
  local label=$1; shift
  env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 JAVA_TOOL_OPTIONS="$JTO" \
    "${SANDBOX[@]}" bash -c '
      private=$1 writes=$2; shift 2
      if [ "$private" = 1 ]; then mount -t tmpfs tmpfs /tmp || exit 90; fi
      rc=0; "$@" || rc=$?
      if [ "$private" = 1 ]; then find /tmp -mindepth 1 >>"$writes" 2>/dev/null || true; fi
      exit $rc' _ "$PRIVATE_TMP" "$WORK/tmp-writes/$label" "$@" >"$WORK/logs/$label.out" 2>"$WORK/logs/$label.err"
}

# The image's own runtime, class path and launcher options, for the helper classes below.
mapfile -t JOPTS < <(sed -n 's/^java-options=//p' "$CFG" | sed "s|\$APPDIR|$APPDIR|g")
CP=$(sed -n 's/^app.classpath=//p' "$CFG" | sed "s|\$APPDIR|$APPDIR|g" | paste -sd: -)
JAVA_IN_IMAGE="$IMAGE/lib/runtime/bin/java"

# --- 1. the launcher starts headless ---------------------------------------------------------------------------------
rc=0; sandboxed version timeout 120 "$LAUNCHER" --version || rc=$?
if [ $rc -eq 0 ] && grep -q 'Defect Studio' "$WORK/logs/version.out"; then
  pass "launcher runs headless: $(head -n 1 "$WORK/logs/version.out")"
else
  fail "defect-studio --version exited $rc"; show_log "$WORK/logs/version.err"
fi
rc=0; sandboxed help timeout 120 "$LAUNCHER" --help || rc=$?
if [ $rc -eq 0 ] && grep -qw 'segment' "$WORK/logs/help.out"; then
  pass "defect-studio --help lists the segment subcommand"
else
  fail "defect-studio --help exited $rc or does not list 'segment'"; show_log "$WORK/logs/help.out"
fi

# --- 2. the PyTorch engine loads from the bundled natives ---------------------------------------------------------------
if javac -d "$WORK/probe" -cp "$CP" "$SCRIPTS/EngineProbe.java" >"$WORK/logs/javac.out" 2>&1; then
  rc=0; sandboxed engine timeout 300 "$JAVA_IN_IMAGE" "${JOPTS[@]}" -cp "$CP:$WORK/probe" EngineProbe || rc=$?
  if [ $rc -eq 0 ] && grep -q "libtorch=$APPDIR/natives sum=83.0" "$WORK/logs/engine.out"; then
    pass "PyTorch engine loads from lib/app/natives and computes: $(cat "$WORK/logs/engine.out")"
  else
    fail "PyTorch engine probe exited $rc"; show_log "$WORK/logs/engine.out"; show_log "$WORK/logs/engine.err"
  fi
else
  fail "cannot compile EngineProbe against the image's class path"; show_log "$WORK/logs/javac.out"
fi

# --- 3. segment the demo queue from the command line -------------------------------------------------------------------
PROJECT="$WORK/project"
MASKS="$WORK/masks"
javac -d "$WORK/probe" -cp "$CP" "$SCRIPTS/InstallDemoProject.java" >"$WORK/logs/javac-demo.out" 2>&1 \
  || { show_log "$WORK/logs/javac-demo.out" 5; }
rc=0; sandboxed demo timeout 300 "$JAVA_IN_IMAGE" "${JOPTS[@]}" -cp "$CP:$WORK/probe" InstallDemoProject "$PROJECT" \
  || rc=$?
if [ $rc -eq 0 ] && [ -f "$PROJECT/project.db" ]; then
  pass "demo project created from the bundled resources in $PROJECT"
  start=$(date +%s)
  rc=0; sandboxed segment timeout "$SEGMENT_TIMEOUT" "$LAUNCHER" segment --project "$PROJECT" --out "$MASKS" || rc=$?
  took=$(( $(date +%s) - start ))
  stored=$(sed -n 's/^Stored \([0-9]*\) prediction.*/\1/p' "$WORK/logs/segment.out" | tail -n 1)
  pngs=0; bad=()
  if [ -d "$MASKS" ]; then
    while IFS= read -r -d '' f; do
      pngs=$((pngs + 1))
      [ "$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || bad+=("$f")
    done < <(find "$MASKS" -type f -name '*.png' -print0)
  fi
  if [ $rc -ne 0 ]; then
    fail "defect-studio segment exited $rc after $took s"; show_log "$WORK/logs/segment.out"; show_log "$WORK/logs/segment.err"
  elif [ "$pngs" -eq 0 ] || [ "${stored:-0}" != "$pngs" ] || [ ${#bad[@]} -gt 0 ]; then
    fail "segment stored ${stored:-?} predictions but wrote $pngs mask PNGs (${#bad[@]} not PNG)"; show_log "$WORK/logs/segment.out"
  else
    pass "segment wrote $pngs mask PNGs for the demo queue in $took s ($(grep -m 1 '^Model' "$WORK/logs/segment.out"))"
  fi
else
  fail "cannot create the demo project (exit $rc)"; show_log "$WORK/logs/demo.err"
fi

# --- 4. the workstation window opens on a virtual screen (when xvfb-run is installed) ---------------------------------
if command -v xvfb-run >/dev/null 2>&1; then
  # This run keeps the launcher's own java.io.tmpdir (/tmp): the /tmp check below then covers the installed default.
  JTO="-Duser.home=$WORK/home"
  rc=0; sandboxed gui xvfb-run -a -s "-screen 0 1280x800x24" timeout 40 "$LAUNCHER" || rc=$?
  # Xvfb's own socket, lock and auth files are the only /tmp entries that run may leave.
  if [ -f "$WORK/tmp-writes/gui" ]; then
    grep -Ev '^/tmp/(\.X11-unix(/X[0-9]+)?|\.X[0-9]+-lock|xvfb-run\.[^/]+(/Xauthority)?)$' "$WORK/tmp-writes/gui" \
      >"$WORK/tmp-writes/gui.app" || true
    rm "$WORK/tmp-writes/gui"
  fi
  if [ $rc -eq 124 ] && ! grep -q 'Exception' "$WORK/logs/gui.err"; then
    pass "the workstation ran 40 s on Xvfb without an exception (JavaFX natives from the runtime)"
  else
    fail "the workstation exited $rc on Xvfb"; show_log "$WORK/logs/gui.err"
  fi
else
  echo "SKIP: xvfb-run not installed: the window check is skipped"
fi

# --- 5. nothing written outside the app's own folders and the chosen project ----------------------------------------
# ~/.cache/dconf/user is GTK's settings cache: every GTK program on a desktop writes it, so the window run may too.
home_extra=$(cd "$WORK/home" && find . -mindepth 1 \
  ! -path './.local' ! -path './.local/share' ! -path './.local/share/defect-studio' ! -path './.local/share/defect-studio/*' \
  ! -path './.cache' ! -path './.cache/defect-studio' ! -path './.cache/defect-studio/*' \
  ! -path './.config' ! -path './.config/defect-studio' ! -path './.config/defect-studio/*' \
  ! -path './.cache/dconf' ! -path './.cache/dconf/user' | sort)
if [ -z "$home_extra" ]; then
  pass "HOME holds only the app's folders: $( (cd "$WORK/home" && find . -mindepth 1 -maxdepth 3 -type d | sort | tr '\n' ' ') )"
else
  fail "written to HOME outside ~/.local/share, ~/.cache, ~/.config /defect-studio:"; sed 's/^/    | /' <<<"$home_extra" | head -n 30
fi
for d in .djl.ai .openjfx .java .cache/JNA; do
  [ ! -e "$WORK/home/$d" ] || fail "~/$d was created"
done
if [ "$PRIVATE_TMP" = 1 ]; then
  if [ -n "$(cat "$WORK"/tmp-writes/* 2>/dev/null)" ]; then
    fail "written to /tmp:"; cat "$WORK"/tmp-writes/* | sort -u | sed 's/^/    | /' | head -n 30
  else
    pass "nothing written to /tmp (private /tmp inspected after every run)"
  fi
else
  # Xvfb's own socket, lock and auth entries are the only ones the window run may leave.
  new=$(ls -A /tmp | sort | comm -13 "$WORK/tmp-before.txt" - \
    | grep -Ev '^(\.X11-unix|\.X[0-9]+-lock|xvfb-run\..+)$' || true)
  [ -z "$new" ] && pass "no new entries in /tmp" || { fail "new entries in /tmp (other processes may have made them):"; sed 's/^/    | /' <<<"$new"; }
fi
note "scoped java.io.tmpdir left $(find "$WORK/tmp" -mindepth 1 | wc -l) entries"
changed=$(find "$IMAGE" -newer "$WORK/start-marker" | head -n 20)
[ -z "$changed" ] && pass "the install folder was not modified" || { fail "the install folder was modified:"; sed 's/^/    | /' <<<"$changed"; }

if [ "$failures" -gt 0 ]; then
  echo "check-app-image: $failures check(s) FAILED (logs in $WORK/logs)"
  exit 1
fi
echo "check-app-image: all checks PASSED"
