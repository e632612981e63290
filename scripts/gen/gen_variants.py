#!/usr/bin/python3
"""Generates the Traditional <-> Simplified tables of the text module (issue 9, kinds 3-4).

Inputs (development time and the gen.variants ctest; the library needs no file
at run time):
  /usr/share/opencc/{STCharacters,STPhrases,TSCharacters,TSPhrases}.ocd2
      OpenCC's dictionaries (Debian packages opencc, libopencc-data), read with
      OpenCC's own `opencc_dict` tool
  libfrontdesk/data/text/ts_overrides.txt    curated corrections, each with its reason
  libfrontdesk/data/text/ts_by_reading.txt   characters the 2013 table converts by reading
  libfrontdesk/data/pinyin/cedict.tsv        words with readings (for ts_by_reading.txt)
Output:
  libfrontdesk/src/text/text_variants_data.c

Conversion is OpenCC's (s2t.json, t2s.json): at each position the longest phrase
of STPhrases/TSPhrases that the text starts with, else the first candidate of
STCharacters/TSCharacters, else the character itself. On top of it:
  - ts_overrides.txt adds or replaces single characters and phrases;
  - ts_by_reading.txt: for each (character, reading, target) every CC-CEDICT word
    in which the character has that reading converts it to the target (乾 read
    qián stays 乾 in 乾安县; 沈 read chén becomes 沉 in 沈着), in its Traditional
    and its Simplified spelling.

Usage: scripts/gen/gen_variants.py [--check] [--opencc DIR]
  --check   exit 1 naming the output if it is not what the inputs give
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import textdict  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DATA = os.path.join(ROOT, "libfrontdesk", "data", "text")
CEDICT = os.path.join(ROOT, "libfrontdesk", "data", "pinyin", "cedict.tsv")
OUT_C = os.path.join(ROOT, "libfrontdesk", "src", "text", "text_variants_data.c")


def die(msg):
    sys.stderr.write("gen_variants: " + msg + "\n")
    sys.exit(1)


def read_opencc(opencc_dir, name):
    """{key: first candidate} of an OpenCC dictionary, dumped with opencc_dict."""
    src = os.path.join(opencc_dir, name + ".ocd2")
    if not os.path.exists(src):
        die("%s is missing: install Debian's opencc and libopencc-data (scripts/setup-deps)" % src)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, name + ".txt")
        try:
            subprocess.run(["opencc_dict", "-i", src, "-o", out, "-f", "ocd2", "-t", "text"],
                           check=True, stdout=subprocess.DEVNULL)
        except (OSError, subprocess.CalledProcessError) as e:
            die("opencc_dict failed on %s: %s (install Debian's opencc)" % (src, e))
        d = {}
        with open(out, encoding="utf-8") as f:
            for line in f:
                k, v = line.rstrip("\n").split("\t")
                d[k] = v.split(" ")[0]
        return d


def lines(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield n, line.split("\t")


class Converter:
    """OpenCC's algorithm in Python: longest phrase, else the character map."""

    def __init__(self, chars, phrases):
        self.chars, self.phrases = chars, phrases
        self.maxlen = max((len(k) for k in phrases), default=1)

    def convert(self, s):
        out, i = [], 0
        while i < len(s):
            for n in range(min(self.maxlen, len(s) - i), 1, -1):
                v = self.phrases.get(s[i:i + n])
                if v is not None:
                    out.append(v)
                    i += n
                    break
            else:
                out.append(self.chars.get(s[i], s[i]))
                i += 1
        return "".join(out)


def numbered_plain(syl):
    """'qian2' -> ('qian', 2); CC-CEDICT writes neutral tone 5."""
    return syl[:-1], int(syl[-1])


def tables(opencc_dir="/usr/share/opencc"):
    """The character maps and phrases of both directions, with the curated changes."""
    maps = {"t2s": read_opencc(opencc_dir, "TSCharacters"), "s2t": read_opencc(opencc_dir, "STCharacters")}
    phrases = {"t2s": read_opencc(opencc_dir, "TSPhrases"), "s2t": read_opencc(opencc_dir, "STPhrases")}
    for d in maps:
        for k, v in maps[d].items():
            if len(k) != 1 or len(v) != 1:
                die("OpenCC %s character entry %s -> %s is not one character each" % (d, k, v))
        for k in [k for k in phrases[d] if len(k) < 2]:
            maps[d][k] = phrases[d].pop(k)
    stats = {"opencc_t2s_phrases": len(phrases["t2s"]), "opencc_s2t_phrases": len(phrases["s2t"])}

    # Curated overrides.
    name = "ts_overrides.txt"
    seen = set()
    n_over = 0
    for n, parts in lines(os.path.join(DATA, name)):
        if len(parts) != 4 or parts[0] not in maps or not parts[3].strip():
            die("%s:%d: expected <t2s|s2t><TAB><from><TAB><to><TAB><reason>" % (name, n))
        d, a, b, _ = parts
        if (d, a) in seen:
            die("%s:%d: %s listed twice" % (name, n, a))
        seen.add((d, a))
        n_over += 1
        if len(a) == 1:
            if len(b) != 1:
                die("%s:%d: a character maps to one character" % (name, n))
            if a == b:
                maps[d].pop(a, None)
            else:
                maps[d][a] = b
            continue
        conv = Converter(maps[d], phrases[d])
        if conv.convert(a) == b and a not in phrases[d]:
            die("%s:%d: %s -> %s is what the tables give already" % (name, n, a, b))
        phrases[d][a] = b

    # Characters converted by reading, from the words of CC-CEDICT.
    name = "ts_by_reading.txt"
    rules = {}
    for n, parts in lines(os.path.join(DATA, name)):
        if len(parts) != 4 or len(parts[0]) != 1 or len(parts[2]) != 1 or not parts[3].strip():
            die("%s:%d: expected <character><TAB><numbered reading><TAB><target><TAB><reason>" % (name, n))
        rules.setdefault(parts[0], []).append((parts[1], parts[2]))
    t2s = Converter(maps["t2s"], phrases["t2s"])
    # A fold (target != character) is found through the target's own words:
    # 沉着 read chén zhuó is also written 沈着, which then converts to 沉着.
    folds = {}
    for c, rs in rules.items():
        for reading, target in rs:
            if target != c:
                folds.setdefault(target, []).append((reading, c))
    words = []
    with open(CEDICT, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                simp, trad, py = line.rstrip("\n").split("\t")
                words.append((simp, trad, py.lower().split()))
    spelled = {w for s_, t_, _ in words for w in (s_, t_)}
    added = 0

    def add(src, want):
        nonlocal added
        if want != t2s.convert(src) and src not in phrases["t2s"]:
            phrases["t2s"][src] = want
            added += 1

    for simp, trad, syls in words:
        for src in sorted({trad, simp}):
            if any(c in rules for c in src):
                want = list(t2s.convert(src))
                if len(want) != len(src):
                    continue
                hit = False
                for i, c in enumerate(src):
                    for reading, target in rules.get(c, ()):
                        if syls[i] == reading:
                            want[i], hit = target, True
                if hit:
                    add(src, "".join(want))
            if any(c in folds for c in src):
                variant = list(src)
                for i, c in enumerate(src):
                    for reading, v in folds.get(c, ()):
                        if syls[i] == reading:
                            variant[i] = v
                variant = "".join(variant)
                if variant != src and variant not in spelled:
                    add(variant, t2s.convert(src))
    stats["by_reading_phrases"] = added
    stats["overrides"] = n_over

    for d, m in maps.items():
        for k in [k for k, v in m.items() if k == v]:
            del m[k]
    return maps, phrases, stats


def char_map(direction, opencc_dir="/usr/share/opencc"):
    """{character: character} of one direction ("t2s" or "s2t"), as the library uses it."""
    return tables(opencc_dir)[0][direction]


def generate(opencc_dir):
    maps, phrases, stats = tables(opencc_dir)
    # A phrase the character map already converts the same way is still kept:
    # it stops a shorter phrase from matching inside it, as in OpenCC.

    out = []
    w = out.append
    w("/* Generated by scripts/gen/gen_variants.py from OpenCC's dictionaries\n")
    w(" * (STCharacters, STPhrases, TSCharacters, TSPhrases), CC-CEDICT readings and\n")
    w(" * libfrontdesk/data/text/{ts_overrides.txt,ts_by_reading.txt}. Do not edit. */\n")
    w('#include "text_internal.h"\n\n')
    sizes = {}
    for d in ("t2s", "s2t"):
        items = sorted((ord(a), ord(b)) for a, b in maps[d].items())
        w("const fd__text_cp_pair fd__text_%s[%d] = {\n" % (d, len(items)))
        for a, b in items:
            w("    { 0x%X, 0x%X },\n" % (a, b))
        w("};\nconst size_t fd__text_%s_count = %d;\n\n" % (d, len(items)))
        sizes[d] = (len(items),) + textdict.emit(w, d + "_dict", phrases[d], "utf8")
    return "".join(out), stats, sizes


def main():
    args = sys.argv[1:]
    check = "--check" in args
    opencc_dir = "/usr/share/opencc"
    if "--opencc" in args:
        opencc_dir = args[args.index("--opencc") + 1]
    text, stats, sizes = generate(opencc_dir)
    if check:
        try:
            with open(OUT_C, encoding="utf-8") as f:
                current = f.read()
        except OSError:
            current = None
        if current != text:
            sys.stderr.write("gen_variants: %s is not current: run scripts/gen/gen_variants.py\n"
                             % os.path.relpath(OUT_C, ROOT))
            sys.exit(1)
        print("gen_variants: current")
        return
    with open(OUT_C, "w", encoding="utf-8") as f:
        f.write(text)
    print("gen_variants: t2s %d chars %d phrases, s2t %d chars %d phrases; %s"
          % (sizes["t2s"][0], sizes["t2s"][1], sizes["s2t"][0], sizes["s2t"][1],
             ", ".join("%s %d" % kv for kv in sorted(stats.items()))))


if __name__ == "__main__":
    main()
