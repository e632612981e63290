#!/usr/bin/env python3
"""ctest docs.rules: every test docs/rules.md cites exists, and every row says
how far the rule is implemented.

Usage: check_rules.py SOURCE_DIR. In the tests column, code spans are read as:
  `store_test.c: name` / `store: name`  a Criterion Test(store, name) in tests/c/store_test.c
  (later bare names in the same cell belong to that file until another file is named)
  `test_x.py: test_name`, `test_name`  a pytest function (in that file / in tests/python)
  `test_x.py`, `FoundationTest`        the file / the JUnit class exists
  `FoundationTest.method`              a JUnit method of that class
  `name`                               a Criterion test in any tests/c/*_test.c
  `cli.calendar` (a dotted name)       a ctest added with add_test(NAME cli.calendar ...)
A `*` is a wildcard and must match at least one test. Prints each citation that
does not exist, with its row, and exits 1 when there is one.
"""
import fnmatch
import pathlib
import re
import sys

STATUSES = ("implemented", "partial", "not yet")


def main(root):
    root = pathlib.Path(root)
    c_tests = {}  # file stem -> names
    for f in sorted((root / "tests/c").glob("*_test.c")):
        c_tests[f.name] = set(re.findall(r"\bTest\(\s*\w+\s*,\s*(\w+)", f.read_text(encoding="utf-8")))
    py_files = {f.name: set(re.findall(r"^def (test_\w+)", f.read_text(encoding="utf-8"), re.M))
                for f in sorted((root / "tests/python").glob("test_*.py"))}
    java = {}
    for f in sorted((root / "tests/java").rglob("*Test.java")):
        java[f.stem] = set(re.findall(r"@Test[^\n]*\n(?:\s*@[^\n]*\n)*\s*public void (\w+)\(",
                                      f.read_text(encoding="utf-8")))
    all_c = set().union(*c_tests.values())
    ctests = set()
    for f in root.rglob("CMakeLists.txt"):
        if "build" not in f.relative_to(root).parts[0]:
            ctests |= set(re.findall(r"add_test\(\s*NAME\s+([\w.]+)", f.read_text(encoding="utf-8")))
    all_py = set().union(*py_files.values())

    def exists(names, pattern):
        return any(fnmatch.fnmatchcase(n, pattern) for n in names) if "*" in pattern else pattern in names

    problems, rows = [], 0
    text = (root / "docs/rules.md").read_text(encoding="utf-8")
    header = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.startswith("|") or set(line.replace("|", "").strip()) <= set("-: "):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None or cells[0] in ("rule", "item"):
            header = [c.lower() for c in cells]
            continue
        if "tests" not in header:
            continue
        rows += 1
        where = f"docs/rules.md:{lineno} ({cells[0]})"
        if "status" in header:
            status = cells[header.index("status")]
            if not status.startswith(STATUSES):
                problems.append(f"{where}: status '{status}' is not one of {', '.join(STATUSES)}")
        c_file = None
        for span in re.findall(r"`([^`]+)`", cells[header.index("tests")]):
            span = span.strip()
            m = re.fullmatch(r"(\w+?)(?:_test\.c)?:\s*(\S+)", span)
            if m and not span.endswith(".py") and not m.group(1).endswith(".py"):
                c_file = f"{m.group(1)}_test.c"
                if c_file not in c_tests:
                    problems.append(f"{where}: {span}: there is no tests/c/{c_file}")
                    continue
                span = m.group(2)
            kinds = ((r"(test_\w+\.py)(?::\s*(\S+))?", py_files, "tests/python/", "pytest function"),
                     (r"([A-Z]\w*Test)(?:\.(\S+))?", java, "JUnit class ", "@Test method"))
            m = None
            for pattern, found, container, member in kinds:
                m = re.fullmatch(pattern, span)
                if not m:
                    continue
                if m.group(1) not in found:
                    problems.append(f"{where}: {span}: there is no {container}{m.group(1)}")
                elif m.group(2) and not exists(found[m.group(1)], m.group(2)):
                    problems.append(f"{where}: {span}: no such {member} in {m.group(1)}")
                break
            if m:
                continue
            if re.fullmatch(r"[a-z]\w*\.[\w.]+", span) and not span.endswith((".c", ".py")):
                if not any(fnmatch.fnmatchcase(t, span.replace("${module}", "*")) for t in ctests):
                    problems.append(f"{where}: {span}: no such ctest (add_test NAME)")
                continue
            if span.startswith("test_"):
                if not exists(all_py, span):
                    problems.append(f"{where}: {span}: no such pytest function in tests/python")
                continue
            if not re.fullmatch(r"[\w*]+", span):
                problems.append(f"{where}: `{span}`: not a test name")
            elif not exists(c_tests[c_file] if c_file else all_c, span):
                problems.append(f"{where}: {span}: no such Criterion test in " + (f"tests/c/{c_file}" if c_file
                                                                                   else "tests/c"))
    for p in problems:
        print(p)
    print(f"docs.rules: {rows} rows, {len(problems)} problem(s)")
    return 1 if problems or rows == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[1]))
