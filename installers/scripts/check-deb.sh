#!/usr/bin/env bash
# Builds both packages and checks the .deb: control fields, declared GTK dependencies, desktop entry, icon, payload.
# The .deb is the slow one (dpkg-deb compresses ~460 MB with xz), so CI runs it apart from check-app-image.sh.
#
#   installers/scripts/check-deb.sh                 build, then inspect the .deb
#   SKIP_BUILD=1 installers/scripts/check-deb.sh    inspect the .deb already in installers/target (or DEB=<file>)
#   INSTALL=1 installers/scripts/check-deb.sh       also install it (root, throwaway machine), run it from a fresh
#                                                   HOME, upgrade to a repacked next version, check the user's project
#                                                   survives and still opens, then remove the package
# Prints one PASS/FAIL line per check and exits non-zero when any check failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCRIPTS="$ROOT/installers/scripts"
WORK="$ROOT/installers/target/check-deb"
OPT=/opt/defect-studio

failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
note() { echo "----- $*"; }

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
need=()
command -v strip >/dev/null 2>&1 || need+=(binutils)
command -v fakeroot >/dev/null 2>&1 || need+=(fakeroot)
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
fi

cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  note "building both packages: mvn -B -pl installers -am package -Pinstallers -DskipTests"
  start=$(date +%s)
  if mvn -B -pl installers -am package -Pinstallers -DskipTests; then echo
    pass "app-image and .deb built in $(( $(date +%s) - start )) s"
  else
    fail "the package build failed"; exit 1
  fi
fi
DEB="${DEB:-$(compgen -G "$ROOT/installers/target/jpackage/deb/defect-studio_*.deb" | head -n 1 || true)}"
[ -n "$DEB" ] || { fail "no .deb in installers/target/jpackage/deb"; exit 1; }
note "$(basename "$DEB"): $(( $(stat -c %s "$DEB") / 1048576 )) MiB, installs $(( $(dpkg-deb -f "$DEB" Installed-Size) / 1024 )) MiB"

rm -rf "$WORK"; mkdir -p "$WORK/control" "$WORK/home"
dpkg-deb -e "$DEB" "$WORK/control"
depends=$(dpkg-deb -f "$DEB" Depends)
missing=()
for p in libgtk-3-0 libxtst6 fonts-dejavu-core; do
  grep -Eq "(^|, *)$p( |,|$)" <<<"$depends" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && pass "Depends declares GTK, XTest and a font: $depends" || fail "Depends lacks ${missing[*]}: $depends"

contents=$(dpkg-deb -c "$DEB" | awk '{print $NF}')
missing=()
for f in ./opt/defect-studio/bin/defect-studio ./opt/defect-studio/lib/defect-studio.png \
         ./opt/defect-studio/lib/defect-studio-defect-studio.desktop ./opt/defect-studio/lib/app/natives/libtorch_cpu.so \
         ./opt/defect-studio/lib/app/natives/libdjl_torch.so ./opt/defect-studio/lib/runtime/lib/libglassgtk3.so; do
  grep -qxF "$f" <<<"$contents" || missing+=("$f")
done
grep -q '^\./opt/defect-studio/lib/app/resources-.*\.jar$' <<<"$contents" || missing+=("resources jar")
[ ${#missing[@]} -eq 0 ] && pass "payload: launcher, runtime with JavaFX, natives, resources, icon, desktop entry" \
  || fail "payload lacks ${missing[*]}"

desktop=$(dpkg-deb --fsys-tarfile "$DEB" | tar -xO ./opt/defect-studio/lib/defect-studio-defect-studio.desktop 2>/dev/null || true)
if grep -q "^Name=Defect Studio$" <<<"$desktop" && grep -q "^Exec=/opt/defect-studio/bin/defect-studio" <<<"$desktop" && grep -q '^Icon=/opt/defect-studio/lib/defect-studio.png' <<<"$desktop" \
   && grep -q '^Categories=.*Graphics' <<<"$desktop"; then
  pass "desktop entry: $(grep -E '^(Name|Exec|Icon|Categories)=' <<<"$desktop" | tr '\n' ' ')"
else
  fail "desktop entry incomplete:"; sed 's/^/    | /' <<<"$desktop"
fi
grep -q 'xdg-desktop-menu install' "$WORK/control/postinst" && grep -q '^ *register_menu ||' "$WORK/control/postinst" \
  && grep -q '^ *unregister_menu ||' "$WORK/control/prerm" \
  && pass "postinst/prerm register the menu entry, and do not fail where there is no menu system" \
  || fail "postinst/prerm: no menu registration, or one that fails the install on a system without menus"

if [ "${INSTALL:-0}" = 1 ]; then
  # The JVM takes user.home from the password database, not $HOME: point both at the scratch home.
  run_as_user() {
    env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 JAVA_TOOL_OPTIONS="-Duser.home=$WORK/home" "$@"
  }
  $SUDO apt-get update -q >"$WORK/install.log" 2>&1 || true
  $SUDO apt-get install -y -q "$DEB" >>"$WORK/install.log" 2>&1 && pass "installed with apt (dependencies resolved)" \
    || { fail "apt-get install $(basename "$DEB") failed"; tail -n 20 "$WORK/install.log"; }
  v1=$(run_as_user "$OPT/bin/defect-studio" --version 2>&1 | grep -v '^Picked up' | head -n 1 || true)
  grep -q 'Defect Studio' <<<"$v1" && pass "installed launcher runs: $v1" || fail "installed launcher: $v1"
  # A user's project, made by the installed app's own code, outside the install folder.
  cfg="$OPT/lib/app/defect-studio.cfg"
  cp=$(sed -n 's/^app.classpath=//p' "$cfg" | sed "s|\$APPDIR|$OPT/lib/app|g" | paste -sd: -)
  mapfile -t jopts < <(sed -n 's/^java-options=//p' "$cfg" | sed "s|\$APPDIR|$OPT/lib/app|g")
  mkdir -p "$WORK/probe"
  project="$WORK/home/.local/share/defect-studio/demo"
  if javac -d "$WORK/probe" -cp "$cp" "$SCRIPTS/InstallDemoProject.java" 2>"$WORK/javac.log" \
     && run_as_user "$OPT/lib/runtime/bin/java" "${jopts[@]}" -cp "$cp:$WORK/probe" InstallDemoProject "$project" >/dev/null 2>&1; then
    before=$(cd "$project" && find . -type f ! -name 'project.db*' -exec sha256sum {} + | sort)
    # The next version: the same payload repacked with a higher version (uncompressed, so it takes seconds).
    rm -rf "$WORK/next"; dpkg-deb -R "$DEB" "$WORK/next"
    sed -i 's/^Version: .*/Version: 99.0.0-1/' "$WORK/next/DEBIAN/control"
    dpkg-deb -Znone -b "$WORK/next" "$WORK/defect-studio_99.0.0-1_amd64.deb" >/dev/null
    $SUDO dpkg -i "$WORK/defect-studio_99.0.0-1_amd64.deb" >>"$WORK/install.log" 2>&1 \
      && [ "$(dpkg-query -W -f '${Version}' defect-studio)" = 99.0.0-1 ] && pass "upgraded in place to 99.0.0-1" \
      || fail "upgrade failed"
    after=$(cd "$project" && find . -type f ! -name 'project.db*' -exec sha256sum {} + | sort)
    [ -f "$project/project.db" ] && [ "$before" = "$after" ] && pass "the user's project survived the upgrade" \
      || fail "the user's project changed or vanished across the upgrade"
    out=$(run_as_user "$OPT/bin/defect-studio" segment --project "$project" --out "$WORK/masks" 2>&1 | grep -v '^Picked up' || true)
    grep -q 'cannot open project' <<<"$out" && fail "the upgraded app cannot open the project: $out" \
      || pass "the upgraded app opens (and migrates) the project: $(head -n 1 <<<"$out")"
  else
    fail "cannot create a user project with the installed app"; cat "$WORK/javac.log"
  fi
  $SUDO dpkg --purge defect-studio >>"$WORK/install.log" 2>&1 && [ ! -e "$OPT" ] && pass "purged; /opt/defect-studio gone" \
    || fail "dpkg --purge left $OPT"
  [ -f "$project/project.db" ] && pass "the user's project outlives removal" || fail "removal deleted the user's project"
fi

if [ "$failures" -gt 0 ]; then
  echo "check-deb: $failures check(s) FAILED"
  exit 1
fi
echo "check-deb: all checks PASSED"
