# Shared by the CLI tests (sourced): expect WHAT EXIT_CODE PATTERN -- command...
# runs the command, checks its exit code and that its output matches PATTERN
# (grep -E), and counts into $pass and $fail.
pass=0
fail=0
expect() {
  local what=$1 want=$2 pattern=$3; shift 4
  local out rc
  out=$("$@" 2>&1); rc=$?
  if [ "$rc" != "$want" ] || ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAIL: $what (exit $rc, want $want; /$pattern/):"; echo "$out"; fail=$((fail + 1))
  else
    echo "ok: $what"; pass=$((pass + 1))
  fi
}
