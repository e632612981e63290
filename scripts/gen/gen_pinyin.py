#!/usr/bin/python3
"""Generates the pinyin tables of the text module (libfrontdesk issue 4, item 3).

Inputs (read at development time only; the library needs no file at run time):
  /usr/share/unicode/Unihan_Readings.txt.bz2   Debian package unicode-data
  /usr/share/unicode/Unihan_Variants.txt.bz2   (readings of characters that have none)
  libfrontdesk/data/pinyin/phrases.txt         curated polyphonic phrases
  libfrontdesk/data/pinyin/surnames.txt        curated surname readings
  libfrontdesk/data/pinyin/extra_readings.txt  characters outside Unihan (〇)
Outputs:
  libfrontdesk/data/pinyin/readings.tsv        the reading chosen for every character
  libfrontdesk/src/text/text_pinyin_data.c     the same, plus phrases and surnames, as C

The reading of a character is its kMandarin value (Unihan: "the most customary
pinyin reading"), else the most frequent kHanyuPinlu reading, else the first of
kTGHZ2013, kXHC1983, kHanyuPinyin. A character with no reading at all (𠮷 U+20BB7)
takes the reading of a variant it is listed with (kZVariant, kSemanticVariant,
kSpecializedSemanticVariant, kSimplifiedVariant, kTraditionalVariant,
kSpoofingVariant), so non-BMP variants read like their common form.

Every syllable of the curated lists must be one of the readings Unihan gives for
that character (any of the fields above); neutral tone (5) must match a reading
without its tone. The script stops with an error otherwise.

Usage: scripts/gen/gen_pinyin.py [--unihan DIR]   (run from anywhere; Debian python3)
"""
import bz2
import os
import re
import sys
import unicodedata

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DATA = os.path.join(ROOT, "libfrontdesk", "data", "pinyin")
OUT_C = os.path.join(ROOT, "libfrontdesk", "src", "text", "text_pinyin_data.c")
BMP_LO, BMP_HI = 0x3400, 0x9FFF  # dense table range; everything else is sparse
MAX_PHRASE = 4

TONE_MARK = {"\u0304": 1, "\u0301": 2, "\u030C": 3, "\u0300": 4}
MARK_OF = {v: k for k, v in TONE_MARK.items()}


def die(msg):
    sys.stderr.write("gen_pinyin: " + msg + "\n")
    sys.exit(1)


def split_toned(s):
    """'lǜ' -> ('lv', 4); 'ê̄' -> ('e', 1); 'de' -> ('de', 5)."""
    tone = 5
    plain = []
    for ch in unicodedata.normalize("NFD", s):
        if ch in TONE_MARK:
            tone = TONE_MARK[ch]
        elif ch == "\u0308":  # diaeresis: u + ¨ = ü, written v in plain ASCII
            if not plain or plain[-1] != "u":
                die("diaeresis not on u in %r" % s)
            plain[-1] = "v"
        elif ch == "\u0302":  # ê
            pass
        elif "a" <= ch <= "z":
            plain.append(ch)
        else:
            die("unexpected character %r in reading %r" % (ch, s))
    return "".join(plain), tone


def numbered_to_toned(syl):
    """'lv4' -> 'lǜ', 'zhong1' -> 'zhōng', 'de5' -> 'de'."""
    m = re.fullmatch(r"([a-z]+)([1-5])", syl)
    if not m:
        die("bad numbered syllable %r" % syl)
    base, tone = m.group(1), int(m.group(2))
    base = base.replace("v", "ü")
    if tone == 5:
        return unicodedata.normalize("NFC", base)
    # Placement: a or e takes the mark; in "ou" the o; otherwise the last vowel.
    if "a" in base:
        i = base.index("a")
    elif "e" in base:
        i = base.index("e")
    elif "ou" in base:
        i = base.index("o")
    else:
        i = max(i for i, c in enumerate(base) if c in "iouü")
    out = base[: i + 1] + MARK_OF[tone] + base[i + 1:]
    return unicodedata.normalize("NFC", out)


def read_unihan(path):
    fields = {}
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cp, field, value = line.rstrip("\n").split("\t", 2)
            fields.setdefault(field, {})[int(cp[2:], 16)] = value
    return fields


def main():
    unihan = "/usr/share/unicode"
    if len(sys.argv) == 3 and sys.argv[1] == "--unihan":
        unihan = sys.argv[2]
    rd = read_unihan(os.path.join(unihan, "Unihan_Readings.txt.bz2"))
    var = read_unihan(os.path.join(unihan, "Unihan_Variants.txt.bz2"))

    def nfc(s):
        return unicodedata.normalize("NFC", s)

    # All readings per code point, for checking the curated lists.
    allr = {}
    for field in ("kMandarin", "kHanyuPinyin", "kXHC1983", "kTGHZ2013", "kHanyuPinlu"):
        for cp, v in rd.get(field, {}).items():
            for tok in v.split():
                if ":" in tok:
                    tok = tok.split(":", 1)[1]
                tok = re.sub(r"\(\d+\)$", "", tok)
                for r in tok.split(","):
                    if r:
                        allr.setdefault(cp, set()).add(nfc(r))

    # Default reading per code point.
    chosen, source = {}, {}
    for cp, v in rd.get("kMandarin", {}).items():
        chosen[cp], source[cp] = nfc(v.split()[0]), "kMandarin"
    for cp, v in rd.get("kHanyuPinlu", {}).items():
        if cp not in chosen:
            best = max(v.split(), key=lambda t: int(re.search(r"\((\d+)\)", t).group(1)))
            chosen[cp], source[cp] = nfc(re.sub(r"\(\d+\)$", "", best)), "kHanyuPinlu"
    for field in ("kTGHZ2013", "kXHC1983", "kHanyuPinyin"):
        for cp, v in rd.get(field, {}).items():
            if cp not in chosen:
                first = v.split()[0].split(":", 1)[1].split(",")[0]
                chosen[cp], source[cp] = nfc(first), field
    for field in ("kZVariant", "kSemanticVariant", "kSpecializedSemanticVariant",
                  "kSimplifiedVariant", "kTraditionalVariant", "kSpoofingVariant"):
        for cp, v in sorted(var.get(field, {}).items()):
            if cp in chosen:
                continue
            for tok in v.split():
                other = int(tok.split("<")[0][2:], 16)
                if other in chosen and source[other] != "variant":
                    chosen[cp], source[cp] = chosen[other], "variant:" + field + ":U+%04X" % other
                    allr.setdefault(cp, set()).update(allr.get(other, {chosen[other]}))
                    break
    with open(os.path.join(DATA, "extra_readings.txt"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            ch, py = line.split("\t")
            if len(ch) != 1 or ord(ch) in chosen:
                die("extra_readings.txt:%d: %s must be one character Unihan has no reading for" % (n, ch))
            chosen[ord(ch)], source[ord(ch)] = numbered_to_toned(py), "extra_readings.txt"
            allr[ord(ch)] = {chosen[ord(ch)]}

    # Syllable inventory (toned), index 0 is reserved for "no reading".
    syllables = [None]
    syl_index = {}

    def syl_id(toned):
        toned = nfc(toned)
        if toned not in syl_index:
            plain, tone = split_toned(toned)
            if len(toned.encode()) > 11 or len(plain) > 7:
                die("syllable too long: %r" % toned)
            syl_index[toned] = len(syllables)
            syllables.append((toned, plain, tone))
        return syl_index[toned]

    def check(ch_cp, toned, where):
        if ch_cp not in allr:
            die("%s: %s has no reading in Unihan" % (where, chr(ch_cp)))
        plain, tone = split_toned(toned)
        if tone == 5:
            ok = any(split_toned(r)[0] == plain for r in allr[ch_cp])
        else:
            ok = toned in allr[ch_cp]
        if not ok:
            die("%s: %s is not read %s in Unihan (readings: %s)"
                % (where, chr(ch_cp), toned, " ".join(sorted(allr[ch_cp]))))

    def load_list(name):
        entries, seen = [], set()
        with open(os.path.join(DATA, name), encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                try:
                    word, py = line.split("\t")
                except ValueError:
                    die("%s:%d: expected <word><TAB><pinyin>" % (name, n))
                sy = py.split()
                if len(sy) != len(word) or not 1 <= len(word) <= MAX_PHRASE:
                    die("%s:%d: %s has %d characters but %d syllables" % (name, n, word, len(word), len(sy)))
                if word in seen:
                    die("%s:%d: %s listed twice" % (name, n, word))
                seen.add(word)
                toned = [numbered_to_toned(s) for s in sy]
                for ch, t in zip(word, toned):
                    check(ord(ch), t, "%s:%d" % (name, n))
                entries.append(([ord(c) for c in word], [syl_id(t) for t in toned]))
        return entries

    for cp in sorted(chosen):
        syl_id(chosen[cp])
    phrases = load_list("phrases.txt")
    surnames = load_list("surnames.txt")
    if len(syllables) > 0xFFFF:
        die("too many syllables")

    # readings.tsv: the generated table in readable form.
    with open(os.path.join(DATA, "readings.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/gen/gen_pinyin.py from Unihan %s; do not edit.\n"
                % unihan_version(unihan))
        f.write("# code point\tcharacter\treading\tsource\n")
        for cp in sorted(chosen):
            f.write("U+%04X\t%s\t%s\t%s\n" % (cp, chr(cp), chosen[cp], source[cp]))

    def c_str(s):
        return '"' + "".join(c if 0x20 <= ord(c) < 0x7F and c not in '"\\' else
                             "".join("\\%03o" % b for b in c.encode()) for c in s) + '"'

    out = []
    w = out.append
    w("/* Generated by scripts/gen/gen_pinyin.py from Unihan %s and\n" % unihan_version(unihan))
    w(" * libfrontdesk/data/pinyin/{phrases.txt,surnames.txt}. Do not edit. */\n")
    w('#include "text_internal.h"\n\n')
    w("const fd__text_syllable fd__text_syllables[%d] = {\n" % len(syllables))
    w('    { "", "", 0, 0, 0 },\n')
    for toned, plain, tone in syllables[1:]:
        w("    { %s, %s, %d, %d, %d },\n" % (c_str(toned), c_str(plain), tone,
                                          len(plain), len(toned.encode())))
    w("};\nconst size_t fd__text_syllables_count = %d;\n\n" % len(syllables))
    w("const uint16_t fd__text_bmp_reading[0x%X] = {\n" % (BMP_HI - BMP_LO + 1))
    row = []
    for cp in range(BMP_LO, BMP_HI + 1):
        row.append(str(syl_index[chosen[cp]]) if cp in chosen else "0")
        if len(row) == 16:
            w("    " + ",".join(row) + ",\n")
            row = []
    w("};\n\n")
    sparse = [cp for cp in sorted(chosen) if not BMP_LO <= cp <= BMP_HI]
    w("const fd__text_cp_syl fd__text_sparse_reading[%d] = {\n" % len(sparse))
    for cp in sparse:
        w("    { 0x%X, %d },\n" % (cp, syl_index[chosen[cp]]))
    w("};\nconst size_t fd__text_sparse_reading_count = %d;\n\n" % len(sparse))

    def emit_phrases(name, entries):
        # Sorted by first code point, then longest first, so that the first
        # entry that matches at a position is the longest match.
        entries = sorted(entries, key=lambda e: (e[0][0], -len(e[0]), e[0]))
        w("const fd__text_phrase %s[%d] = {\n" % (name, len(entries)))
        for cps, syls in entries:
            pc = cps + [0] * (MAX_PHRASE - len(cps))
            ps = syls + [0] * (MAX_PHRASE - len(syls))
            w("    { { %s }, { %s }, %d }, /* %s */\n" % (
                ", ".join("0x%X" % c for c in pc), ", ".join(str(s) for s in ps), len(cps),
                "".join(chr(c) for c in cps)))
        w("};\nconst size_t %s_count = %d;\n\n" % (name, len(entries)))

    emit_phrases("fd__text_phrases", phrases)
    emit_phrases("fd__text_surnames", surnames)
    os.makedirs(os.path.dirname(OUT_C), exist_ok=True)
    with open(OUT_C, "w", encoding="utf-8") as f:
        f.write("".join(out))
    print("gen_pinyin: %d characters (%d sparse), %d syllables, %d phrases, %d surnames"
          % (len(chosen), len(sparse), len(syllables) - 1, len(phrases), len(surnames)))


def unihan_version(unihan):
    with bz2.open(os.path.join(unihan, "Unihan_Readings.txt.bz2"), "rt", encoding="utf-8") as f:
        for line in f:
            m = re.search(r"Unihan_Readings\.txt\s*$", line)
            if m:
                continue
            m = re.search(r"Date: (.*)$", line)
            if m:
                return m.group(1).strip()
            if not line.startswith("#"):
                break
    return "(unknown date)"


if __name__ == "__main__":
    main()
