"""Shared by gen_pinyin.py and gen_variants.py: emits a phrase dictionary as C.

A dictionary maps keys (strings of code points) to values: UTF-8 text
(Traditional <-> Simplified phrases) or syllable ids (pinyin phrases). The C
side (text_dict.c) finds the longest key starting at a position with one hash
probe per character: every proper prefix of a key (two characters or more) is an
entry too, without a value, so the walk stops at the first prefix no key has.

Emitted, for a dictionary NAME:
  fd__text_NAME_keys[]     UTF-8 bytes of every key, one after another
  fd__text_NAME_vals[]     values: UTF-8 bytes (kind "utf8") or uint16 ids ("u16")
  fd__text_NAME_entry[]    key offset/length, value offset/length (0 = a prefix only)
  fd__text_NAME_slot[]     the hash table, zero here (BSS) and filled once at run time
  fd__text_NAME            the fd__text_dict tying them together
The hash is FNV-1a over the key's UTF-8 bytes (fd__text_dict_hash in C).
"""


def fnv1a(data):
    h = 0x811C9DC5
    for b in data:
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def c_utf8_literal(b):
    """A C string literal of UTF-8 bytes (raw UTF-8 characters, escapes for the rest)."""
    s = b.decode("utf-8")
    out = []
    for ch in s:
        if ch in '"\\' or ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("".join("\\%03o" % x for x in ch.encode()))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def emit(w, name, entries, kind):
    """entries: {key str: value} with value a str (kind utf8) or a list of ints (kind u16)."""
    keys = sorted(entries)
    pool = bytearray()
    vals = bytearray() if kind == "utf8" else []
    rows = {}  # key bytes -> (key_off, key_len, val_off, val_len)
    max_chars = 1
    for k in keys:
        kb = k.encode()
        if len(kb) > 255:
            raise SystemExit("textdict: key too long: %s" % k)
        off = len(pool)
        pool += kb
        v = entries[k]
        if kind == "utf8":
            vb = v.encode()
            voff, vlen = len(vals), len(vb)
            vals += vb
        else:
            voff, vlen = len(vals), len(v)
            vals.extend(v)
        if vlen == 0 or vlen > 255:
            raise SystemExit("textdict: bad value for %s" % k)
        rows[kb] = (off, len(kb), voff, vlen)
        max_chars = max(max_chars, len(k))
    # Proper prefixes of two characters or more, pointing into their key's bytes.
    for k in keys:
        kb = k.encode()
        off = rows[kb][0]
        for n in range(2, len(k)):
            pb = k[:n].encode()
            if pb not in rows:
                rows[pb] = (off, len(pb), 0, 0)
    order = sorted(rows, key=lambda b: (rows[b][0], rows[b][1]))
    size = 1
    while size < 2 * len(order):
        size *= 2
    starts = [0] * 1024
    for k in keys:
        c = ord(k[0])
        if len(k) >= 2 and c < 0x10000:
            starts[c >> 6] |= 1 << (c & 63)

    w("/* dictionary %s: %d keys, %d entries with prefixes, %d slots */\n"
      % (name, len(keys), len(order), size))
    w("static const char %s_keys[%d] =\n" % (name, len(pool) + 1))
    chunk = bytearray()
    for k in keys:
        kb = k.encode()
        chunk += kb
        if len(chunk) >= 60:
            w("    %s\n" % c_utf8_literal(bytes(chunk)))
            chunk = bytearray()
    w("    %s;\n" % c_utf8_literal(bytes(chunk)))
    if kind == "utf8":
        w("static const char %s_vals[%d] =\n" % (name, len(vals) + 1))
        # values follow key order, so the chunks stay readable
        i = 0
        chunk = bytearray()
        for k in keys:
            vb = entries[k].encode()
            chunk += vb
            i += len(vb)
            if len(chunk) >= 60:
                w("    %s\n" % c_utf8_literal(bytes(chunk)))
                chunk = bytearray()
        w("    %s;\n" % c_utf8_literal(bytes(chunk)))
    else:
        w("static const uint16_t %s_vals[%d] = {\n" % (name, len(vals)))
        for i in range(0, len(vals), 16):
            w("    " + ",".join(str(x) for x in vals[i:i + 16]) + ",\n")
        w("};\n")
    w("static const fd__text_dict_entry %s_entry[%d] = {\n" % (name, len(order)))
    for b in order:
        ko, kl, vo, vl = rows[b]
        w("    {%d,%d,%d,%d},\n" % (ko, vo, kl, vl))
    w("};\n")
    w("static uint32_t %s_slot[%d];\n" % (name, size))
    w("static const uint64_t %s_starts[1024] = {\n" % name)
    for i in range(0, 1024, 4):
        w("    " + ",".join("0x%Xu" % x if x else "0" for x in starts[i:i + 4]) + ",\n")
    w("};\n")
    if max_chars > 16:
        raise SystemExit("textdict: %s has a key of %d characters (FD__TEXT_MAX_WORD is 16)" % (name, max_chars))
    w("const fd__text_dict fd__text_%s = {\n" % name)
    w("    %s_keys, %s_vals, %s_entry, %d, %s_slot, %d, %s_starts, %d, %d,\n"
      % (name, name, name, len(order), name, size - 1, name, max_chars, len(keys)))
    w("};\n\n")
    return len(keys), len(order), size
