#!/usr/bin/env python3
"""Records declared once: libfrontdesk/records/<module>.rec -> C, SWIG, Python, Java.

From each declaration file this writes
  - the public structs, filters, match bits, iterators and their functions into
    libfrontdesk/include/frontdesk/<module>.h between the @generated markers;
  - the field tables, SQL and typed wrappers: libfrontdesk/src/<module>/<module>_records.c;
  - SWIG glue (constructors/destructors of input records): bindings/swig/<module>_records.i;
  - Python record and filter classes: bindings/python/frontdesk/_<module>_records.py;
  - Java record classes with builders and filters: bindings/java/org/frontdesk/<Type>.java.

Deterministic: the same input gives the same bytes. `--check` writes nothing and
exits 1 naming every file that is not current (a ctest runs it). Without it,
files are written only when their content changes (the build runs it).
"""

import argparse
import pathlib
import shlex
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
# Two generated regions per module: the pure record parts (structs, checks,
# filters) in the module's own header, and the store parts (iterators, queries,
# gets) in store.h, so that a domain header never depends on the store and the
# store depends on the domain modules, not the other way round (design.md).
# For the store module itself both regions are in store.h.
BEGIN = "/* @generated {part}:{m} begin (scripts/gen/records.py from libfrontdesk/records/{m}.rec; do not edit) */"
END = "/* @generated {part}:{m} end */"

TYPES = {"id", "text", "code", "lcode", "zone", "instant", "date", "fen", "int", "bool", "ref"}
STRINGS = {"text", "code", "lcode", "zone"}
PII = {"none": "FD_PII_NONE", "phone": "FD_PII_PHONE", "id_number": "FD_PII_ID_NUMBER", "name": "FD_PII_NAME",
       "free_text": "FD_PII_FREE_TEXT"}
SRC = {"in": "FD__S_IN", "db": "FD__S_DB", "site": "FD__S_SITE", "staff": "FD__S_STAFF", "at": "FD__S_AT"}


class Field:
    def __init__(self, rec, words):
        if len(words) != 11:
            raise SystemExit(f"records: field line needs 11 columns: {' '.join(words)}")
        (_, self.name, t, self.label, mx, req, pii, search, src, self.rule, self.doc) = words
        self.ref = None
        if t.startswith("ref:"):
            t, self.ref = "ref", t[4:]
        if t not in TYPES or pii not in PII or src not in SRC or req not in ("req", "opt"):
            raise SystemExit(f"records: {rec.name}.{self.name}: bad type, pii, src or req")
        self.type, self.pii, self.src = t, pii, src
        self.required = req == "req"
        self.search = search == "key"
        self.max = int(mx) if mx != "-" else 0
        if (t in STRINGS) != (self.max > 0):
            raise SystemExit(f"records: {rec.name}.{self.name}: strings need MAX, numbers take '-'")
        # Every struct and filter starts with `unsigned int version` (the ABI's).
        if self.name in ("version", "match", "after", "limit", "search"):
            raise SystemExit(f"records: {rec.name}.{self.name}: the name is taken by the struct or its filter")
        self.rec = rec

    @property
    def ctype(self):
        if self.type in STRINGS:
            return "const char *"
        if self.type == "date":
            return "fd_date "
        if self.type == "bool":
            return "int "
        return "int64_t "

    @property
    def ranged(self):
        return self.type in ("instant", "date", "fen")

    @property
    def eq(self):
        return not self.ranged and self.pii != "free_text"

    def camel(self, first_upper=False):
        parts = self.name.split("_")
        s = parts[0] + "".join(p.title() for p in parts[1:])
        return s[0].upper() + s[1:] if first_upper else s


class Record:
    def __init__(self, words):
        if len(words) != 7:
            raise SystemExit(f"records: record line needs 7 columns: {' '.join(words)}")
        (_, self.name, self.ctype, self.table, self.label, self.rule, self.doc) = words
        self.fields = []
        self.mask_when = None

    @property
    def jclass(self):
        return "".join(p.title() for p in self.ctype.split("_"))

    @property
    def jfilter(self):
        return "".join(p.title() for p in self.name.split("_")) + "Filter"

    @property
    def has_search(self):
        return any(f.search for f in self.fields)

    def filter_slots(self):
        """(member name, field, kind, C type) of the filter struct, in order."""
        out = []
        for f in self.fields:
            if f.eq:
                out.append((f.name, f, "eq", f.ctype))
            elif f.ranged:
                out.append((f.name + "_from", f, "from", f.ctype))
                out.append((f.name + "_to", f, "to", f.ctype))
        if self.has_search:
            out.append(("search", None, "search", "const char *"))
        return out

    def bits(self):
        return {slot: i for i, (slot, _, _, _) in enumerate(self.filter_slots())}


def parse(path):
    recs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words = shlex.split(line)
        if words[0] == "record":
            recs.append(Record(words))
        elif words[0] == "field" and recs:
            recs[-1].fields.append(Field(recs[-1], words))
        elif words[0] == "option" and recs and len(words) == 3 and words[1] == "mask_when":
            # Personal data of a row is masked only when this bool field is 1
            # (a directory entry's number only for a confidential entry).
            recs[-1].mask_when = words[2]
        else:
            raise SystemExit(f"records: {path.name}:{n}: expected 'record', 'field' or 'option mask_when FIELD'")
    for r in recs:
        if r.mask_when is not None and not any(f.name == r.mask_when and f.type == "bool" for f in r.fields):
            raise SystemExit(f"records: {r.name}: mask_when names '{r.mask_when}', which is not a bool field")
        if not r.fields or r.fields[0].type != "id" or r.fields[0].name != "id":
            raise SystemExit(f"records: {r.name}: the first field must be 'id id'")
        # The engine's per-record arrays hold 64 fields; the match mask crosses
        # the bindings as a signed 64-bit integer.
        if len(r.fields) > 64:
            raise SystemExit(f"records: {r.name}: {len(r.fields)} fields, at most 64")
        if len(r.filter_slots()) > 63:
            raise SystemExit(f"records: {r.name}: {len(r.filter_slots())} filter slots, at most 63")
    return recs


def tables():
    """record name -> table, over every declaration (references may cross modules)."""
    out = {}
    for path in sorted((ROOT / "libfrontdesk/records").glob("*.rec")):
        for r in parse(path):
            out[r.name] = r.table
    return out


# --- C header ------------------------------------------------------------------


def c_header(m, recs):
    """The pure record parts, for the module's own header."""
    o = [BEGIN.format(part="records", m=m), ""]
    for r in recs:
        up, ct = r.ctype.upper(), r.ctype
        o.append(f"/** {r.label}: {r.doc} ({r.rule}) Strings are owned by the iterator or the")
        o.append(f" *  record they came from; fd_{ct}_free() frees a record from fd_store_{r.name}_get(). */")
        o.append(f"typedef struct fd_{ct} {{")
        o.append(f"    unsigned int version; /**< ::FD_{up}_VERSION */")
        for f in r.fields:
            extra = f", at most {f.max} bytes" if f.max else ""
            pii = f"; personal data ({f.pii}), masked on output" if f.pii != "none" else ""
            unit = {"instant": " (UTC seconds)", "fen": " (fen)"}.get(f.type, "")
            o.append(f"    {f.ctype}{f.name}; /**< {f.label}: {f.doc}{unit}{extra}{pii} ({f.rule}) */")
        o.append(f"}} fd_{ct};")
        o.append(f"/** The current version of ::fd_{ct}. */")
        o.append(f"#define FD_{up}_VERSION 1")
        zeros = ", ".join(["FD_%s_VERSION" % up] + [init_value(f) for f in r.fields])
        o.append(f"/** An empty ::fd_{ct} to fill in. */")
        o.append(f"#define FD_{up}_INIT {{ {zeros} }}")
        o.append(f"/** Fills @p rec with ::FD_{up}_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */")
        o.append(f"FD_API fd_status fd_{ct}_init(fd_{ct} *rec, unsigned int version);")
        o.append(f"/**\n * Checks the caller's fields of @p rec without a store (a pure rule: lengths,")
        o.append(f" * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming")
        o.append(f" * the field (`{r.name}.<field>: ...`).\n */")
        o.append(f"FD_API fd_status fd_{ct}_check(const fd_{ct} *rec);")
        o.append(f"/** Frees a record from fd_store_{r.name}_get(). NULL is a no-op. */")
        o.append(f"FD_API void fd_{ct}_free(fd_{ct} *rec);")
        o.append("")
        bits = r.bits()
        o.append(f"/* Bits of fd_{r.name}_filter::match: which filter fields are set (64-bit; the")
        o.append(" * bindings compute the same bits, so SWIG need not read these). */")
        o.append("#ifndef SWIG")
        for slot, i in bits.items():
            o.append(f"#define FD_{r.name.upper()}_MATCH_{slot.upper()} (UINT64_C(1) << {i}) "
                     f"/**< filter.{slot} is set */")
        o.append("#endif")
        o.append(f"/** Which {r.name} records fd_store_{r.name}_query() returns: only the fields whose")
        o.append(f" *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */")
        o.append(f"typedef struct fd_{r.name}_filter {{")
        o.append(f"    unsigned int version; /**< ::FD_{r.name.upper()}_FILTER_VERSION */")
        o.append(f"    uint64_t match; /**< `FD_{r.name.upper()}_MATCH_*` bits */")
        for slot, f, kind, ctype in r.filter_slots():
            if kind == "search":
                doc = "name search: records whose search-keyed fields match (fd_text_matches)"
            else:
                doc = {"eq": "equal to", "from": ">=", "to": "<"}[kind] + f" ({f.label})"
            o.append(f"    {ctype}{slot}; /**< {doc} */")
        o.append("    int64_t after; /**< keyset paging: only ids > after (0: from the start) */")
        o.append("    int64_t limit; /**< at most this many records (0: no limit) */")
        o.append(f"}} fd_{r.name}_filter;")
        o.append(f"/** The current version of ::fd_{r.name}_filter. */")
        o.append(f"#define FD_{r.name.upper()}_FILTER_VERSION 1")
        fz = ", ".join([f"FD_{r.name.upper()}_FILTER_VERSION", "0"] +
                       [init_value(f) if f else "NULL" for _, f, _, _ in r.filter_slots()] + ["0", "0"])
        o.append(f"/** A filter that matches every record. */")
        o.append(f"#define FD_{r.name.upper()}_FILTER_INIT {{ {fz} }}")
        o.append(f"/** Fills @p filter with ::FD_{r.name.upper()}_FILTER_INIT for @p version. */")
        o.append(f"FD_API fd_status fd_{r.name}_filter_init(fd_{r.name}_filter *filter, unsigned int version);")
        o.append("")
    o.append(END.format(part="records", m=m))
    return "\n".join(o)


def c_store_header(m, recs):
    """The store parts (iterators, queries, gets), for store.h."""
    o = [BEGIN.format(part="store", m=m), ""]
    if m != "store":
        o += [f'#include "{m}.h"', ""]
    for r in recs:
        ct = r.ctype
        o.append(f"/** An iterator over {r.name} records, in id order, read in pages. */")
        o.append(f"typedef struct fd_{r.name}_iter fd_{r.name}_iter;")
        needs = "the actor (required: the record holds personal data or a site)" if needs_actor(r) \
            else "the actor, or NULL (the record holds no personal data)"
        o.append(f"/**\n * Queries {r.name} records; @p filter NULL matches all. @p actor: {needs};")
        o.append(" * records with a site are limited to the actor's site; personal data comes back")
        o.append(" * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).")
        o.append(" * Free the iterator with fd_" + r.name + "_iter_free().")
        o.append(" * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.\n */")
        o.append(f"FD_API fd_status fd_store_{r.name}_query(fd_{r.name}_iter **out, fd_store *store, "
                 f"const fd_actor *actor,\n                                  const fd_{r.name}_filter *filter);")
        o.append(f"/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next\n"
                 f" *  call) or NULL at the end. */")
        o.append(f"FD_API fd_status fd_{r.name}_iter_next(const fd_{ct} **out, fd_{r.name}_iter *iter);")
        o.append(f"/** Frees an iterator. NULL is a no-op. */")
        o.append(f"FD_API void fd_{r.name}_iter_free(fd_{r.name}_iter *iter);")
        o.append(f"/** One {r.name} record by id (masked as by fd_store_{r.name}_query()); free it with\n"
                 f" *  fd_{ct}_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */")
        o.append(f"FD_API fd_status fd_store_{r.name}_get(fd_{ct} **out, fd_store *store, const fd_actor *actor, "
                 f"int64_t id);")
        o.append("")
    o.append(END.format(part="store", m=m))
    return "\n".join(o)


def init_value(f):
    if f.type in STRINGS:
        return "NULL"
    if f.type == "date":
        return "{ 0, 0, 0 }"
    return "0"


def needs_actor(r):
    return any(f.pii != "none" for f in r.fields) or any(f.src == "site" for f in r.fields)


def splice(text, name, part, m, body):
    b, e = BEGIN.format(part=part, m=m), END.format(part=part, m=m)
    i, j = text.find(b), text.find(e)
    if i < 0 or j < 0:
        raise SystemExit(f"records: {name} has no markers\n  {b}\n  {e}")
    return text[:i] + body + text[j + len(e):]


# --- C source ------------------------------------------------------------------


def c_source(m, recs):
    o = [f"/* Generated by scripts/gen/records.py from libfrontdesk/records/{m}.rec; do not edit. */",
         '#include "store/record.h"', "", "#include <stddef.h>", ""]
    for r in recs:
        ct = r.ctype
        ins = [f for f in r.fields if f.src != "db"]
        cols = ", ".join(f.name for f in ins)
        vals = ", ".join(f"?{i + 1}" for i in range(len(ins)))
        o.append(f"static const char SQL_{r.name.upper()}_INSERT[] = \"INSERT INTO {r.table} ({cols}) VALUES ({vals})\";")
        refs = {f.ref for f in r.fields if f.ref and f.src == "in"}
        for ref in sorted(refs):
            tbl = tables().get(ref)
            if tbl is None:
                raise SystemExit(f"records: {r.name}: a field refers to '{ref}', which no .rec file declares")
            o.append(f"static const char SQL_{r.name.upper()}_REF_{ref.upper()}[] = \"SELECT 1 FROM {tbl} WHERE id = ?1\";")
        slots = r.filter_slots()
        bits = r.bits()
        o.append(f"static const fd__field {r.name.upper()}_FIELDS[] = {{")
        for f in r.fields:
            eq = f"{1 << bits[f.name]}ull, offsetof(fd_{r.name}_filter, {f.name})" if f.eq else "0, 0"
            if f.ranged:
                rg = (f"{1 << bits[f.name + '_from']}ull, {1 << bits[f.name + '_to']}ull, "
                      f"offsetof(fd_{r.name}_filter, {f.name}_from), offsetof(fd_{r.name}_filter, {f.name}_to)")
            else:
                rg = "0, 0, 0, 0"
            ref = f"SQL_{r.name.upper()}_REF_{f.ref.upper()}" if f.ref and f.src == "in" else "NULL"
            o.append(f"    {{ \"{f.name}\", \"{r.name}.{f.name}\", FD__T_{f.type.upper()}, \"{f.label}\", {f.max}, "
                     f"{'true' if f.required else 'false'}, {PII[f.pii]}, {'true' if f.search else 'false'}, "
                     f"{SRC[f.src]}, \"{f.rule}\", {ref}, offsetof(fd_{ct}, {f.name}), {eq}, {rg} }},")
        o.append("};")
        site = next((i for i, f in enumerate(r.fields) if f.src == "site"), len(r.fields))
        sb = f"{1 << bits['search']}ull" if r.has_search else "0"
        so = f"offsetof(fd_{r.name}_filter, search)" if r.has_search else "0"
        o.append(f"const fd__record fd__record_{r.name} = {{")
        o.append(f"    \"{r.name}\", \"{ct}\", \"{r.table}\", FD_{ct.upper()}_VERSION, FD_{r.name.upper()}_FILTER_VERSION,")
        o.append(f"    sizeof(fd_{ct}), sizeof(fd_{r.name}_filter), {r.name.upper()}_FIELDS, {len(r.fields)},")
        o.append(f"    SQL_{r.name.upper()}_INSERT, \"{', '.join(f.name for f in r.fields)}\", {site},")
        o.append(f"    {'true' if any(f.pii != 'none' for f in r.fields) else 'false'}, "
                 f"{'true' if r.has_search else 'false'}, {sb}, {so},")
        mw = next((i for i, f in enumerate(r.fields) if f.name == r.mask_when), len(r.fields))
        o.append(f"    offsetof(fd_{r.name}_filter, after), offsetof(fd_{r.name}_filter, limit), "
                 f"offsetof(fd_{r.name}_filter, match), {mw}")
        o.append("};")
        o.append("")
        o.append(f"fd_status fd_{ct}_init(fd_{ct} *rec, unsigned int version)\n{{")
        o.append(f"    return fd__record_init(&fd__record_{r.name}, \"fd_{ct}_init\", rec, version);\n}}\n")
        o.append(f"fd_status fd_{ct}_check(const fd_{ct} *rec)\n{{")
        o.append(f"    return fd__record_check(&fd__record_{r.name}, \"fd_{ct}_check\", rec);\n}}\n")
        o.append(f"void fd_{ct}_free(fd_{ct} *rec)\n{{\n    fd__record_free(rec);\n}}\n")
        o.append(f"fd_status fd_{r.name}_filter_init(fd_{r.name}_filter *filter, unsigned int version)\n{{")
        o.append(f"    return fd__filter_init(&fd__record_{r.name}, \"fd_{r.name}_filter_init\", filter, version);\n}}\n")
        o.append(f"fd_status fd_store_{r.name}_query(fd_{r.name}_iter **out, fd_store *store, const fd_actor *actor,")
        o.append(f"                              const fd_{r.name}_filter *filter)\n{{")
        o.append(f"    return fd__record_query((fd__iter **)out, store, \"fd_store_{r.name}_query\", "
                 f"&fd__record_{r.name}, actor, filter);\n}}\n")
        o.append(f"fd_status fd_{r.name}_iter_next(const fd_{ct} **out, fd_{r.name}_iter *iter)\n{{")
        o.append(f"    return fd__iter_next((const void **)out, (fd__iter *)iter, \"fd_{r.name}_iter_next\");\n}}\n")
        o.append(f"void fd_{r.name}_iter_free(fd_{r.name}_iter *iter)\n{{\n    fd__iter_free((fd__iter *)iter);\n}}\n")
        o.append(f"fd_status fd_store_{r.name}_get(fd_{ct} **out, fd_store *store, const fd_actor *actor, int64_t id)\n{{")
        o.append(f"    return fd__record_get((void **)out, store, \"fd_store_{r.name}_get\", &fd__record_{r.name}, "
                 f"actor, id);\n}}\n")
    o.append(f"const fd__record *const fd__records_{m}[] = {{ " + ", ".join(f"&fd__record_{r.name}" for r in recs) + " };")
    o.append(f"const size_t fd__records_{m}_count = {len(recs)};")
    o.append("")
    return "\n".join(o)


def c_private(m, recs):
    o = [f"/* Generated by scripts/gen/records.py from libfrontdesk/records/{m}.rec; do not edit. */",
         f"#ifndef FRONTDESK_{m.upper()}_RECORDS_H", f"#define FRONTDESK_{m.upper()}_RECORDS_H", "",
         '#include "store/record.h"', ""]
    for r in recs:
        o.append(f"extern const fd__record fd__record_{r.name};")
    o.append(f"/* Every record of the module, in declaration order. */")
    o.append(f"extern const fd__record *const fd__records_{m}[];")
    o.append(f"extern const size_t fd__records_{m}_count;")
    o += ["", "#endif", ""]
    return "\n".join(o)


# --- SWIG --------------------------------------------------------------------


def swig(m, recs):
    o = [f"/* Generated by scripts/gen/records.py from libfrontdesk/records/{m}.rec; do not edit.",
         " * Records and filters built in Python or Java own copies of their strings",
         " * (the const char * member typemap in frontdesk.i copies); the destructors",
         " * below free them. Records read from the library are borrowed, never freed here. */"]
    for r in recs:
        for t, members in ((r.ctype, [f.name for f in r.fields if f.type in STRINGS]),
                           (f"{r.name}_filter", [s for s, f, k, c in r.filter_slots() if c == "const char *"])):
            up = (r.ctype if t == r.ctype else r.name + "_FILTER").upper()
            o.append(f"%extend fd_{t} {{")
            o.append(f"    fd_{t}() {{")
            o.append(f"        fd_{t} *p = (fd_{t} *)calloc(1, sizeof *p);")
            o.append(f"        if (p) p->version = FD_{up}_VERSION;")
            o.append("        return p;\n    }")
            o.append(f"    ~fd_{t}() {{")
            for mem in members:
                o.append(f"        free((void *)$self->{mem});")
            o.append("        free($self);\n    }\n}")
    o.append("/* The filters' match masks cross as a signed 64-bit integer (Python int, Java long):")
    o.append(" * at most 63 bits are used, and SWIG's uint64_t/BigInteger path is avoided. */")
    for r in recs:
        o.append(f"%apply int64_t {{ uint64_t match }};")
        break
    o.append("")
    return "\n".join(o)


# --- Python --------------------------------------------------------------------


def python(m, recs):
    o = [f'"""Record classes of the {m} module (generated by scripts/gen/records.py from',
         f'libfrontdesk/records/{m}.rec; do not edit)."""', "",
         "from . import core as _c", "from ._records import Record, RecordFilter, FieldInfo", "", ""]
    head = len(o) - 1
    names = []
    for r in recs:
        cls = r.jclass
        names.append(cls)
        o.append(f"class {cls}(Record):")
        o.append(f'    """{r.label}: {r.doc} ({r.rule})')
        o.append("")
        for f in r.fields:
            o.append(f"    ``{f.name}``: {f.label}, {f.doc}" + (f" (personal data: {f.pii})" if f.pii != "none" else ""))
        o.append('    """')
        o.append(f"    _name = \"{r.name}\"")
        o.append(f"    _c_type = _c.fd_{r.ctype}")
        o.append(f"    _c_init = staticmethod(_c.fd_{r.ctype}_init)")
        o.append(f"    _c_version = _c.FD_{r.ctype.upper()}_VERSION")
        o.append(f"    _c_check = staticmethod(_c.fd_{r.ctype}_check)")
        o.append(f"    _c_free = staticmethod(_c.fd_{r.ctype}_free)")
        o.append(f"    _c_get = staticmethod(_c.fd_store_{r.name}_get)")
        o.append("    _fields = (")
        for f in r.fields:
            o.append(f"        FieldInfo(\"{f.name}\", \"{f.type}\", \"{f.label}\", {f.max}, {f.required}, "
                     f"\"{f.pii}\", {f.search}, \"{f.src}\", \"{f.rule}\"),")
        o.append("    )")
        o.append(f"    __slots__ = tuple(f.name for f in _fields)")
        o.append("")
        o.append("")
        o.append(f"class {r.jfilter}(RecordFilter):")
        o.append(f'    """Filter of {cls} queries: keyword arguments name fields (equality), ``<field>_from`` /')
        o.append(f'    ``<field>_to`` bound instants, dates and amounts ([from, to)), ``search`` matches names,')
        o.append(f'    ``after`` and ``limit`` page."""')
        o.append(f"    _c_type = _c.fd_{r.name}_filter")
        o.append(f"    _c_init = staticmethod(_c.fd_{r.name}_filter_init)")
        o.append(f"    _version = _c.FD_{r.name.upper()}_FILTER_VERSION")
        o.append("    _slots = (")
        for sl, f, _, _ in r.filter_slots():
            o.append(f"        (\"{sl}\", \"{(f.type if f else 'text')}\", 1 << {r.bits()[sl]}),  "
                     f"# FD_{r.name.upper()}_MATCH_{sl.upper()}")
        o.append("    )")
        o.append(f"    _query = staticmethod(_c.fd_store_{r.name}_query)")
        o.append(f"    _next = staticmethod(_c.fd_{r.name}_iter_next)")
        o.append(f"    _free = staticmethod(_c.fd_{r.name}_iter_free)")
        o.append(f"    _record = {cls}")
        o.append("")
        o.append("")
        names.append(r.jfilter)
    o[head:head] = ["__all__ = [" + ", ".join(f'"{n}"' for n in names) + "]", ""]
    return "\n".join(o).rstrip() + "\n"


# --- Java ----------------------------------------------------------------------

JTYPES = {"text": "String", "code": "String", "lcode": "String", "zone": "String", "instant": "Instant",
          "date": "LocalDate", "fen": "long", "int": "long", "bool": "boolean", "ref": "long", "id": "long"}


def jget(f):
    t = JTYPES[f.type]
    return ("is" if t == "boolean" else "get") + f.camel(True)


def java_record(m, r):
    cls = r.jclass
    o = [f"// Generated by scripts/gen/records.py from libfrontdesk/records/{m}.rec; do not edit.",
         "package org.frontdesk;", "", "import java.time.Instant;", "import java.time.LocalDate;",
         "import java.util.Objects;", "import org.frontdesk.swig.FrontdeskNative;",
         "import org.frontdesk.swig.SWIGTYPE_p_fd_store;", "import org.frontdesk.swig.fd_actor;",
         f"import org.frontdesk.swig.fd_{r.ctype};", ""]
    o.append(f"/**\n * {r.label}: {r.doc} ({r.rule})\n *\n"
             f" * <p>Immutable. Read from the store (personal data masked unless revealed), or built with\n"
             f" * {{@link #builder()}} to be written. Fields:\n * <ul>")
    for f in r.fields:
        o.append(f" * <li>{f.name}: {f.label}, {f.doc}" + (f" (personal data: {f.pii})" if f.pii != "none" else "") + "</li>")
    o.append(" * </ul>\n */")
    o.append(f"public final class {cls} {{")
    for f in r.fields:
        o.append(f"  private final {JTYPES[f.type]} {f.camel()};")
    o.append("")
    o.append(f"  private {cls}(Builder b) {{")
    for f in r.fields:
        o.append(f"    this.{f.camel()} = b.{f.camel()};")
    o.append("  }")
    o.append("")
    o.append("  /** A builder for a record to write; unset strings stay null (absent). */")
    o.append("  public static Builder builder() {\n    return new Builder();\n  }")
    o.append("")
    for f in r.fields:
        o.append(f"  /** {f.label}: {f.doc}. */")
        o.append(f"  public {JTYPES[f.type]} {jget(f)}() {{\n    return {f.camel()};\n  }}")
        o.append("")
    o.append(f"  /** Reads a native record (a borrowed pointer: copied, not kept). */")
    o.append(f"  static {cls} fromNative(fd_{r.ctype} n) throws FrontdeskException {{")
    o.append("    Builder b = new Builder();")
    for f in r.fields:
        getter = "n.get" + "_".join([f.name[0].upper() + f.name[1:]]) + "()"
        if f.type == "instant" and not f.required:
            # an optional instant's 0 is "none" (not answered, not done): null, never 1970
            o.append(f"    b.{f.camel()} = {getter} == 0 ? null : Convert.instant({getter});")
        elif f.type == "instant":
            o.append(f"    b.{f.camel()} = Convert.instant({getter});")
        elif f.type == "date":
            o.append(f"    b.{f.camel()} = Convert.date({getter});")
        elif f.type == "bool":
            o.append(f"    b.{f.camel()} = {getter} != 0;")
        else:
            o.append(f"    b.{f.camel()} = {getter};")
    o.append(f"    return new {cls}(b);\n  }}")
    o.append("")
    o.append(f"  /** A native copy to pass to the library; the caller deletes it. */")
    o.append(f"  fd_{r.ctype} toNative() throws FrontdeskException {{")
    o.append(f"    fd_{r.ctype} n = new fd_{r.ctype}();")
    o.append(f"    FrontdeskNative.fd_{r.ctype}_init(n, FrontdeskNative.FD_{r.ctype.upper()}_VERSION);")
    for f in r.fields:
        setter = "n.set" + f.name[0].upper() + f.name[1:]
        if f.type == "instant":
            o.append(f"    if ({f.camel()} != null) {setter}(Convert.seconds({f.camel()}, \"{r.name}.{f.name}\"));")
        elif f.type == "date":
            o.append(f"    if ({f.camel()} != null) {setter}(Convert.fdDate({f.camel()}, \"{r.name}.{f.name}\"));")
        elif f.type == "bool":
            o.append(f"    {setter}({f.camel()} ? 1 : 0);")
        else:
            o.append(f"    {setter}({f.camel()});")
    o.append("    return n;\n  }")
    o.append("")
    o.append(f"  /** Runs {{@code call}} with a native copy of this record, deleted afterwards. */")
    o.append(f"  <R> R withNative(Convert.Call<fd_{r.ctype}, R> call) throws FrontdeskException {{")
    o.append(f"    fd_{r.ctype} n = toNative();")
    o.append("    try {\n      return call.run(n);\n    } finally {\n      n.delete();\n    }\n  }")
    o.append("")
    o.append(f"  /**\n   * Checks the fields a write takes without a store (fd_{r.ctype}_check): lengths, formats,")
    o.append(f"   * required fields; the exception names the field ({r.name}.&lt;field&gt;).\n   */")
    o.append("  public void check() throws FrontdeskException {")
    o.append(f"    withNative(n -> {{\n      FrontdeskNative.fd_{r.ctype}_check(n);\n      return null;\n    }});\n  }}")
    o.append("")
    o.append(f"  /** Runs a native call giving a record the caller owns; copies it out and frees it (fd_{r.ctype}_free). */")
    o.append(f"  static {cls} own(Out.Call<fd_{r.ctype}[]> call) throws FrontdeskException {{")
    o.append(f"    fd_{r.ctype}[] out = new fd_{r.ctype}[1];")
    o.append("    call.into(out);")
    o.append(f"    try {{\n      return fromNative(out[0]);\n    }} finally {{\n      FrontdeskNative.fd_{r.ctype}_free(out[0]);\n    }}\n  }}")
    o.append("")
    o.append(f"  /** fd_store_{r.name}_get: one record by id. */")
    o.append(f"  static {cls} get(SWIGTYPE_p_fd_store store, fd_actor actor, long id) throws FrontdeskException {{")
    o.append(f"    return own(o -> FrontdeskNative.fd_store_{r.name}_get(o, store, actor, id));\n  }}")
    o.append("")
    o.append("  @Override\n  public boolean equals(Object o) {")
    o.append(f"    if (this == o) return true;\n    if (!(o instanceof {cls})) return false;\n    {cls} x = ({cls}) o;")
    o.append("    return " + "\n        && ".join(f"Objects.equals({f.camel()}, x.{f.camel()})" for f in r.fields) + ";")
    o.append("  }")
    o.append("")
    o.append("  @Override\n  public int hashCode() {")
    o.append("    return Objects.hash(" + ", ".join(f.camel() for f in r.fields) + ");\n  }")
    o.append("")
    o.append("  @Override\n  public String toString() {")
    o.append(f"    return \"{cls}{{\"")
    for i, f in enumerate(r.fields):
        q = "\"'\" + " if JTYPES[f.type] == "String" else ""
        qe = " + \"'\"" if JTYPES[f.type] == "String" else ""
        o.append(f"        + \"{', ' if i else ''}{f.name}=\" + {q}{f.camel()}{qe}")
    o.append("        + \"}\";\n  }")
    o.append("")
    o.append(f"  /** Builds a {cls}: set the fields the write needs, then {{@link #build()}}. */")
    o.append("  public static final class Builder {")
    for f in r.fields:
        o.append(f"    private {JTYPES[f.type]} {f.camel()};")
    o.append("")
    o.append("    private Builder() {}")
    o.append("")
    for f in r.fields:
        o.append(f"    /** Sets {f.name} ({f.label}). */")
        o.append(f"    public Builder {f.camel()}({JTYPES[f.type]} v) {{\n      this.{f.camel()} = v;\n      return this;\n    }}")
        o.append("")
    o.append(f"    /** The record. */\n    public {cls} build() {{\n      return new {cls}(this);\n    }}")
    o.append("  }\n}\n")
    return "\n".join(o)


def java_filter(m, r):
    cls, rec = r.jfilter, r.jclass
    o = [f"// Generated by scripts/gen/records.py from libfrontdesk/records/{m}.rec; do not edit.",
         "package org.frontdesk;", "", "import java.time.Instant;", "import java.time.LocalDate;",
         "import org.frontdesk.swig.FrontdeskNative;", f"import org.frontdesk.swig.SWIGTYPE_p_fd_{r.name}_iter;",
         "import org.frontdesk.swig.SWIGTYPE_p_fd_store;", "import org.frontdesk.swig.fd_actor;",
         f"import org.frontdesk.swig.fd_{r.ctype};", f"import org.frontdesk.swig.fd_{r.name}_filter;", ""]
    o.append(f"/**\n * Which {rec} records a query returns. Only the fields you set are compared (so 0 can be\n"
             f" * asked for); ranges are [from, to); {{@code after}} and {{@code limit}} page by id.\n */")
    o.append(f"public final class {cls} {{")
    o.append(f"  private final fd_{r.name}_filter n = new fd_{r.name}_filter();")
    o.append("  private long match;")
    o.append("")
    o.append(f"  /** A filter that matches every record (fd_{r.name}_filter_init). */")
    o.append(f"  public {cls}() {{")
    o.append("    try {")
    o.append(f"      FrontdeskNative.fd_{r.name}_filter_init(n, FrontdeskNative.FD_{r.name.upper()}_FILTER_VERSION);")
    o.append("    } catch (FrontdeskException e) {")
    o.append("      throw new IllegalStateException(\"the jar and the library disagree on the filter version\", e);")
    o.append("    }")
    o.append("  }")
    o.append("")
    for slot, f, kind, ctype in r.filter_slots():
        t = "String" if kind == "search" else JTYPES[f.type]
        camel = "".join(p.title() for p in slot.split("_"))
        camel = camel[0].lower() + camel[1:]
        bit = f"1L << {r.bits()[slot]}; // FD_{r.name.upper()}_MATCH_{slot.upper()}"
        setter = "n.set" + slot[0].upper() + slot[1:]
        doc = "records whose names match this search text (pinyin, initials, Han)" if kind == "search" else \
            f"{f.label} {dict(eq='equal to', **{'from': 'at or after', 'to': 'before'})[kind]} v"
        o.append(f"  /** Only {doc}. */")
        o.append(f"  public {cls} {camel}({t} v) throws FrontdeskException {{")
        if t == "Instant":
            o.append(f"    {setter}(Convert.seconds(v, \"{slot}\"));")
        elif t == "LocalDate":
            o.append(f"    {setter}(Convert.fdDate(v, \"{slot}\"));")
        elif t == "boolean":
            o.append(f"    {setter}(v ? 1 : 0);")
        elif t == "String":
            o.append(f"    {setter}(Convert.required(v, \"{slot}\"));")
        else:
            o.append(f"    {setter}(v);")
        o.append(f"    match |= {bit}\n    return this;\n  }}")
        o.append("")
    o.append("  /** Only ids greater than {@code id} (keyset paging). */")
    o.append(f"  public {cls} after(long id) {{\n    n.setAfter(id);\n    return this;\n  }}")
    o.append("")
    o.append("  /** At most {@code count} records (0: no limit). */")
    o.append(f"  public {cls} limit(long count) {{\n    n.setLimit(count);\n    return this;\n  }}")
    o.append("")
    o.append(f"  fd_{r.name}_filter toNative() {{\n    n.setMatch(match);\n    return n;\n  }}")
    o.append("")
    o.append(f"  /** fd_store_{r.name}_query with filter {{@code f}} (null: all), streamed. */")
    o.append(f"  static RecordIterator<{rec}> query({cls} f, SWIGTYPE_p_fd_store store, fd_actor actor)")
    o.append("      throws FrontdeskException {")
    o.append(f"    SWIGTYPE_p_fd_{r.name}_iter[] it = new SWIGTYPE_p_fd_{r.name}_iter[1];")
    o.append(f"    FrontdeskNative.fd_store_{r.name}_query(it, store, actor, f == null ? null : f.toNative());")
    o.append(f"    return new RecordIterator<>(it[0], FrontdeskNative::fd_{r.name}_iter_free, i -> {{")
    o.append(f"      fd_{r.ctype}[] row = new fd_{r.ctype}[1];")
    o.append(f"      FrontdeskNative.fd_{r.name}_iter_next(row, i);")
    o.append(f"      return row[0] == null ? null : {rec}.fromNative(row[0]);")
    o.append("    });\n  }")
    o.append("}\n")
    return "\n".join(o)


# --- driver --------------------------------------------------------------------


def outputs(path, read):
    """The files module @path generates; read(p) gives a file as the earlier modules left it."""
    m = path.stem
    recs = parse(path)
    inc = ROOT / "libfrontdesk/include/frontdesk"
    own, store = inc / f"{m}.h", inc / "store.h"
    out = {own: splice(read(own), own.name, "records", m, c_header(m, recs))}
    text = out[own] if own == store else read(store)
    out[store] = splice(text, store.name, "store", m, c_store_header(m, recs))
    out.update({
        # The store persists every module's records: their tables and SQL live in store/.
        ROOT / "libfrontdesk/src/store" / f"{m}_records.c": c_source(m, recs),
        ROOT / "libfrontdesk/src/store" / f"{m}_records.h": c_private(m, recs),
        ROOT / "bindings/swig" / f"{m}_records.i": swig(m, recs),
        ROOT / "bindings/python/frontdesk" / f"_{m}_records.py": python(m, recs),
    })
    for r in recs:
        out[ROOT / "bindings/java/org/frontdesk" / f"{r.jclass}.java"] = java_record(m, r)
        out[ROOT / "bindings/java/org/frontdesk" / f"{r.jfilter}.java"] = java_filter(m, r)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is not current")
    args = ap.parse_args()
    pending = {}

    def read(p):
        return pending[p] if p in pending else p.read_text(encoding="utf-8")

    # Several modules splice store.h: each sees what the ones before it wrote.
    for path in sorted((ROOT / "libfrontdesk/records").glob("*.rec")):
        for target, text in outputs(path, read).items():
            pending[target] = text if text.endswith("\n") else text + "\n"
    stale = []
    for target, text in sorted(pending.items()):
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(str(target.relative_to(ROOT)))
        else:
            target.write_text(text, encoding="utf-8")
    if stale:
        print("records: not current (run scripts/gen/records.py):\n  " + "\n  ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
