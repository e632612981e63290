#!/usr/bin/env bash
# Usage: run.sh BUILD_DIR WORK_DIR CONSUMER_SRC CC [PYTHON] [JAVAC JAVA]
# The installed bindings are loaded with no LD_LIBRARY_PATH and no
# -Djava.library.path: their relative RPATHs and the jar's loader must do it.
set -euo pipefail
build=$1 work=$2 src=$3 cc=$4 python=${5:-} javac=${6:-} java=${7:-}
here=$(cd "$(dirname "$0")" && pwd)
unset LD_LIBRARY_PATH
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
passed=2

echo "-- no absolute RUNPATH into the build tree"
for f in $(find "$prefix" -name '*.so*' -type f) "$prefix/bin/frontdesk"; do
  if readelf -d "$f" | grep -E 'R(UN)?PATH' | grep -q "$build"; then
    echo "$f: RUNPATH points into the build tree:"; readelf -d "$f" | grep -E 'R(UN)?PATH'; exit 1
  fi
done

# The installed tree must work where it lands: move it before loading the bindings.
moved="$work/moved"
mv "$prefix" "$moved"
prefix=$moved
libdir=$(ls -d "$prefix"/lib*/ | head -1)

if [ -n "$python" ] && [ -d "$libdir/python3/dist-packages/frontdesk" ]; then
  echo "-- installed Python package (PYTHONPATH only)"
  (cd "$work" && env -u LD_LIBRARY_PATH PYTHONPATH="$libdir/python3/dist-packages" PYTHONDONTWRITEBYTECODE=1 \
    "$python" "$here/python_check.py" "$prefix" "$work/py.db")
  passed=$((passed + 1))
fi

jar="$prefix/share/java/frontdesk.jar"
if [ -n "$javac" ] && [ -f "$jar" ]; then
  echo "-- installed Java jar (java -cp frontdesk.jar, no java.library.path)"
  mkdir -p "$work/java-classes"
  "$javac" -encoding UTF-8 -cp "$jar" -d "$work/java-classes" "$here/java/InstallCheck.java"
  (cd "$work" && env -u LD_LIBRARY_PATH "$java" -cp "$jar:$work/java-classes" InstallCheck "$work/java.db")
  passed=$((passed + 1))
fi
echo "install consumers: $passed passed, 0 failed"
