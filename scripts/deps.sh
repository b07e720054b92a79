#!/bin/sh
# deps.sh: installs the Debian packages dyad needs to build and test.
# As root it runs apt-get; otherwise it prints the exact command to run.
quiet=0
[ "${1:-}" = "--quiet" ] && quiet=1
need=""
# curl: `dyad dict fetch` downloads with it (its offline test runs it too);
# parallel: the test of the README's recipe for splitting a corpus
# valgrind: make check runs a small input under it for uninitialised bytes
# zstd, python3-minimal: the test of the README's pipeline for UN speeches
# iso-codes: the test that dict/countries.actors is what tools/gen-countries.py makes
for p in build-essential pkg-config libjson-c-dev libutf8proc-dev libzstd-dev libcmocka-dev curl parallel valgrind \
    zstd python3-minimal iso-codes; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need="$need $p"
done
[ -z "$need" ] && { [ $quiet = 1 ] || echo "deps: all packages present"; exit 0; }
cmd="apt-get update && apt-get install -y --no-install-recommends$need"
if [ "$(id -u)" = 0 ]; then
    echo "deps: installing$need"
    sh -c "DEBIAN_FRONTEND=noninteractive $cmd" >/dev/null || { echo "deps: '$cmd' failed" >&2; exit 1; }
else
    echo "deps: missing packages; run as root:" >&2
    echo "  sudo sh -c '$cmd'" >&2
    exit 1
fi
