#!/usr/bin/env python3
"""abi.layers: the three layers point one way (docs/adding-a-module.md, "Layers").

Fails, printing file:line for each offending #include, when
  1. a core module (CORE_MODULES) includes sqlite3.h or a store header
     (store/..., frontdesk/store.h, or a public header that pulls it in), or
  2. any file under libfrontdesk/src/<m>/ includes a file of another module's
     directory libfrontdesk/src/<other>/ (its private headers and tables).
Allowed everywhere: src-level shared headers (internal.h, embedded.h), the
public headers frontdesk/*.h (except rule 1), system headers.

Usage: check_layers.py SRC_DIR     (SRC_DIR = libfrontdesk/src)
       check_layers.py --self-test (proves that both rules catch what they should)
"""
import os
import re
import sys
import tempfile

# The core: pure values and rules, no I/O. A new core module is added here.
CORE_MODULES = ["common", "policy", "text", "money", "phone", "idcard", "calendar", "pii"]
# Domain modules are records and rules over them, still pure (design.md): the
# same rule holds for them. A new domain module is added here.
DOMAIN_MODULES = ["property", "complaints", "plans"]

# What a core module must not include: SQLite, and the persistence layer (the
# store, and the public headers that include store.h).
FORBIDDEN_IN_CORE = re.compile(r"^(sqlite3\.h|sqlite3ext\.h|store/.*|frontdesk/store\.h|"
                               r"frontdesk/report\.h|frontdesk\.h)$")

# Known violations being fixed elsewhere, as (including file relative to SRC_DIR,
# included path). Each entry says why it may stay for now; remove it with the fix.
# None today: the report reads the store through its public API.
ALLOWED = set()

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]')


def module_of(path, src):
    """The module directory a path lies in (first component under src), or None."""
    rel = os.path.relpath(os.path.normpath(path), src)
    parts = rel.split(os.sep)
    if rel.startswith("..") or len(parts) < 2:
        return None
    return parts[0]


def resolve(src, including, target):
    """Where a quoted include lands: beside the file, else under src/; None if neither."""
    for base in (os.path.dirname(including), src):
        p = os.path.normpath(os.path.join(base, target))
        if os.path.isfile(p):
            return p
    return None


def check(src, allowed=frozenset(ALLOWED)):
    problems, used = [], set()
    src = os.path.normpath(src)
    modules = sorted(d for d in os.listdir(src) if os.path.isdir(os.path.join(src, d)))
    for m in modules:
        for root, _, files in os.walk(os.path.join(src, m)):
            for name in sorted(files):
                path = os.path.join(root, name)
                rel = os.path.relpath(path, src).replace(os.sep, "/")
                with open(path, encoding="utf-8", errors="replace") as f:
                    lines = f.read().split("\n")
                for no, line in enumerate(lines, 1):
                    hit = INCLUDE.match(line)
                    if not hit:
                        continue
                    quote, target = hit.groups()
                    where = f"libfrontdesk/src/{rel}:{no}: {line.strip()}"
                    if m in CORE_MODULES + DOMAIN_MODULES and FORBIDDEN_IN_CORE.match(target):
                        problems.append(f"{where}\n    {'core' if m in CORE_MODULES else 'domain'} module '{m}' "
                                        f"must not include {target}: "
                                        "the core is pure values and rules, no SQLite, no store")
                        continue
                    if quote != '"':
                        continue
                    landed = resolve(src, path, target)
                    other = module_of(landed, src) if landed else (
                        target.split("/")[0] if "/" in target and target.split("/")[0] in modules else None)
                    if other is None or other == m:
                        continue
                    if (rel, target) in allowed:
                        used.add((rel, target))
                        continue
                    problems.append(f"{where}\n    module '{m}' includes a private file of module "
                                    f"'{other}': use its public header frontdesk/{other}.h, or move "
                                    "what is shared into src/internal.h")
    for rel, target in sorted(allowed - used):
        print(f"note: allow-list entry ({rel}, {target}) is no longer needed: remove it")
    return problems


def self_test():
    """Both rules fire on a tree made to break them, and stay quiet on a clean one."""
    with tempfile.TemporaryDirectory() as d:
        def put(rel, text):
            p = os.path.join(d, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w", encoding="utf-8") as f:
                f.write(text)
        put("internal.h", "")
        put("text/text_internal.h", "")
        put("store/store_internal.h", "#include <sqlite3.h>\n")
        put("text/ok.c", '#include "internal.h"\n#include "text_internal.h"\n#include "frontdesk/text.h"\n')
        put("store/ok.c", '#include "store/store_internal.h"\n#include <sqlite3.h>\n')
        if check(d, frozenset()):
            sys.exit("self-test: a clean tree was refused")
        put("money/bad.c", '#include "internal.h"\n\n#include <sqlite3.h>\n')
        put("phone/bad.c", '/* x */\n#include "frontdesk/store.h"\n')
        put("idcard/bad.c", '#  include "text/text_internal.h"\n')
        put("store/bad.c", '#include "../text/text_internal.h"\n')
        got = "\n".join(check(d, frozenset()))
        for want in ("libfrontdesk/src/money/bad.c:3:", "libfrontdesk/src/phone/bad.c:2:",
                     "libfrontdesk/src/idcard/bad.c:1:", "libfrontdesk/src/store/bad.c:1:"):
            if want not in got:
                sys.exit(f"self-test: {want} not reported; got:\n{got}")
    print("abi.layers self-test: both rules fire")


def main(argv):
    if argv[1:] == ["--self-test"]:
        self_test()
        return 0
    if len(argv) != 2:
        sys.exit(__doc__)
    self_test()
    problems = check(argv[1])
    for p in problems:
        print(p)
    if problems:
        print(f"abi.layers: {len(problems)} include(s) break the layers (docs/adding-a-module.md, Layers)")
        return 1
    print(f"abi.layers: core modules {', '.join(CORE_MODULES)} and domain modules {', '.join(DOMAIN_MODULES)} "
          "are free of SQLite and the store; "
          f"no module reaches into another's private headers ({len(ALLOWED)} allow-listed)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
