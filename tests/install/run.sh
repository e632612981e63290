#!/usr/bin/env bash
# Usage: run.sh BUILD_DIR WORK_DIR CONSUMER_SRC CC
set -euo pipefail
build=$1 work=$2 src=$3 cc=$4
rm -rf "$work"
mkdir -p "$work"
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log"
libdir=$(ls -d "$prefix"/lib*/ | head -1)

echo "-- pkg-config consumer"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
# shellcheck disable=SC2046
"$cc" -std=c11 -Wall -Wextra -Werror "$src/consumer.c" -o "$work/consumer-pc" \
  $(pkg-config --cflags --libs frontdesk) -Wl,-rpath,"$libdir"
"$work/consumer-pc" "$work/pc.db"

echo "-- find_package consumer"
cmake -S "$src" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$cc" >"$work/cmake.log"
cmake --build "$work/cmake-build" >>"$work/cmake.log"
"$work/cmake-build/consumer" "$work/cmake.db"

echo "-- licence and notice"
for f in LICENSE NOTICE; do
  test -s "$prefix/share/doc/frontdesk/$f" || { echo "share/doc/frontdesk/$f is not installed"; exit 1; }
done

echo "-- installed CLI"
"$prefix/bin/frontdesk" --version
echo "install consumers: 2 passed, 0 failed"
