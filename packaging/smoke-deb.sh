#!/usr/bin/env bash
# Builds the .deb with CPack, installs it on this machine, runs the installed CLI on the bundled
# sample, and removes the package again. Needs root; CI runs it after the tests.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

(cd "$BUILD_DIR" && cpack -G DEB)
deb=$(ls -t "$BUILD_DIR"/passlane_*.deb | head -n 1)
echo "smoke-deb: installing $deb"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb"
trap 'dpkg -r passlane >/dev/null || true' EXIT

/usr/bin/passlane-cli --version
/usr/bin/passlane-cli releases
# Exit 1: the sample's plan runs a migration with an error-level finding, on purpose.
/usr/bin/passlane-cli plan --from 1.0.0 --to 2.1.0 --format json > /dev/null || [ $? -eq 1 ]
test -f /usr/share/applications/io.passlane.Passlane.desktop
test -f /usr/share/metainfo/io.passlane.Passlane.metainfo.xml
echo "smoke-deb: installed package runs"
