"""The property register (issue 12): buildings, units, occupants, organisations
with departments and employees — who lives and works here, shared by visitors,
fees, plans and complaints (R-VIS-1, R-VIS-5, R-COM-1 … R-COM-3, R-FEE-8).

    import frontdesk as fd
    with fd.Store("estate.db") as s:
        b = fd.add_building(s, manager, code="3号楼", name="3号楼")
        u = fd.add_unit(s, manager, building_id=b, number="1201", use="residential",
                        area_m2x100=fd.parse_area("89.5"))          # stored as 3-1201
        fd.add_occupant(s, clerk, unit_id=u, name="王小丽", phone="138 1234 5678",
                        role="owner", move_in="2024-05-01")
        for hit in fd.find_property(s, clerk, "wxl"):               # or "3栋1201", "13812345678"
            print(hit.kind.code, hit.name, hit.unit, hit.phone)   # occupant 王小丽 3-1201 138****5678
        fd.resident_check(s, clerk, "張三").answer                  # ResidentAnswer.YES / NO / POSSIBLE

The rules (:func:`parse_unit_number`, :func:`parse_area`, :func:`occupant_current`,
the ``validate_*`` checks) are pure functions, usable without a store. Dates
are ``datetime.date`` or "YYYY-MM-DD"; areas are int hundredths of a square
metre, never floats.
"""

import datetime as _dt
import enum as _enum
from typing import NamedTuple as _NamedTuple

from . import core as _c
from ._property_records import (Building, BuildingFilter, Department, DepartmentFilter, Employee, EmployeeFilter,
                                 Occupant, OccupantFilter, Organisation, OrganisationFilter, Unit, UnitFilter)
from ._records import Records, integer, to_date

__all__ = ["Building", "BuildingFilter", "Department", "DepartmentFilter", "Employee", "EmployeeFilter",
           "Occupant", "OccupantFilter", "Organisation", "OrganisationFilter", "Unit", "UnitFilter",
           "UnitNumber", "PropertyKind", "PropertyMatch", "PropertyHit", "PropertyPage", "ResidentAnswer",
           "ResidentCheck", "AREA_MAX",
           "property_code_label", "property_code_parse", "parse_unit_number", "normalize_building_code",
           "parse_area", "format_area", "occupant_current", "organisation_current",
           "employee_current", "validate_building", "validate_unit", "validate_occupant",
           "validate_organisation", "validate_employee",
           "add_building", "buildings", "building", "add_unit", "units", "unit", "unit_by_number", "list_units",
           "add_occupant", "move_out_occupant", "occupants", "occupant",
           "add_organisation", "move_out_organisation", "organisations", "organisation",
           "add_department", "departments", "department", "add_employee", "employee_leaves", "employees",
           "employee", "find_property", "resident_check"]

#: The largest area taken, in hundredths of a square metre (10,000,000.00 m²).
AREA_MAX = _c.FD_AREA_MAX


# -- codes and rules (pure) ------------------------------------------------------------
def property_code_label(field, code):
    """The Chinese label of ``code`` in the list ``field`` ("role", "owner" -> "业主"); None when unknown."""
    return _c.fd_property_code_label(field, code)


def property_code_parse(field, text):
    """The code of ``text`` in the list ``field`` ("use" or "role"): the code or its label, Simplified or
    Traditional ("業主" -> "owner")."""
    return _c.fd_property_code_parse(field, text)


class UnitNumber(_NamedTuple):
    """A unit number taken apart: the canonical ``number`` ("3-1201"), its ``building`` ("3"; "" for a room
    alone), ``floor`` ("12", "B1"; "" when the number does not show it), ``room`` and the count of ``parts``."""
    number: str
    building: str
    floor: str
    room: str
    parts: int


def parse_unit_number(text):
    """R-VIS-5: a unit number as people type it, canonical: "3栋1201室", "３－１２０１" and "3号楼1201" are all
    "3-1201"; "A座 5F" is "A-5F". Raises InvalidArgument naming ``unit`` for junk."""
    u = _c.fd_unit_number()
    _c.fd_unit_number_parse(u, text)
    return UnitNumber(u.number, u.building, u.floor, u.room, u.parts)


def normalize_building_code(text):
    """The canonical code of a building: "3号楼", "3栋", "３" -> "3"; "A座" -> "A"."""
    return _c.fd_building_code_normalize(text)


def parse_area(text):
    """R-FEE-8: an area read exactly into hundredths of a square metre: "89.5" -> 8950, "120㎡" -> 12000;
    a third decimal is refused, never rounded."""
    return _c.fd_area_parse(text)


def format_area(area_m2x100):
    """An area in hundredths of a square metre as "89.50 m²"."""
    return _c.fd_area_format(area_m2x100)



def _day(value, field, zone=None):
    """A datetime.date for a C date parameter: a date, "YYYY-MM-DD", or a datetime (converted in ``zone``)."""
    d = to_date(value, field, zone)
    return _dt.date(d.year, d.month, d.day)


def _date_or_zero(value, field):
    if value is None:
        d = _c.fd_date()
        d.year = d.month = d.day = 0
        return d
    return to_date(value, field)


def occupant_current(occupant, on):
    """R-VIS-5: whether ``occupant`` (an Occupant) lives there on ``on``: move_in <= on < move_out."""
    return bool(_c.fd_occupant_current(occupant._to_c(), _day(on, "on")))


def organisation_current(organisation, on):
    """Whether ``organisation`` is at the site on ``on`` (an unset move-in: since always)."""
    return bool(_c.fd_organisation_current(organisation._to_c(), _day(on, "on")))


def employee_current(employee, on):
    """Whether ``employee`` still works there on ``on`` (before ``left_on``)."""
    return bool(_c.fd_employee_current(employee._to_c(), _day(on, "on")))


def validate_building(building):
    """Checks a Building as the store would before adding it; raises naming the field."""
    _c.fd_building_validate(building._to_c())


def validate_unit(unit):
    """Checks a Unit as the store would (number, use, floor, area); raises naming the field."""
    _c.fd_unit_validate(unit._to_c())


def validate_occupant(occupant):
    """Checks an Occupant as the store would: role, phone, a move-out after the move-in (R-COM-3)."""
    _c.fd_occupant_validate(occupant._to_c())


def validate_organisation(organisation):
    """Checks an Organisation as the store would: phone, a move-out after the move-in."""
    _c.fd_organisation_validate(organisation._to_c())


def validate_employee(employee):
    """Checks an Employee as the store would: phone."""
    _c.fd_employee_validate(employee._to_c())


# -- the store's side -------------------------------------------------------------------
def _zone(store, actor):
    return store._zone(actor.site_id)


def add_building(store, actor, **fields):
    """Adds a building (needs Grant.MANAGE); its code is kept canonical ("3号楼" -> "3"). Returns its id."""
    return _c.fd_store_building_add(store._handle(), store._actor(actor), Building(**fields)._to_c())


def buildings(store, actor, **filter):
    """Buildings of the actor's site (BuildingFilter keywords: code=, search= ...), in id order."""
    return BuildingFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def building(store, actor, building_id):
    """One Building by id."""
    return Building._get(store._handle(), store._actor(actor), building_id)


def add_unit(store, actor, **fields):
    """Adds a unit to a building (needs Grant.MANAGE): the number as typed, stored canonical with the
    building's code in front ("1201" in building 3 -> "3-1201"); the floor derived when not given. Returns its id."""
    return _c.fd_store_unit_add(store._handle(), store._actor(actor), Unit(**fields)._to_c())


def units(store, actor, **filter):
    """Units of the actor's site (UnitFilter keywords: building_id=, use=, number= (canonical) ...), in id order."""
    return UnitFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def unit(store, actor, unit_id):
    """One Unit by id."""
    return Unit._get(store._handle(), store._actor(actor), unit_id)


def unit_by_number(store, actor, number):
    """The Unit numbered ``number`` as typed ("3栋1201室"; "1201" when one building has it)."""
    return Unit._own(_c.fd_store_unit_get_by_number(store._handle(), store._actor(actor), number))


def list_units(store, actor, building_id=0, after=None, limit=64):
    """One page of units in natural order of their numbers (2-101 < 2-1001 < 10-101): of ``building_id``
    (0: all), after the unit numbered ``after`` (as typed), at most ``limit`` (1..64)."""
    it = _c.fd_store_unit_list(store._handle(), store._actor(actor), integer(building_id, "building_id"), after,
                               integer(limit, "limit"))
    return Records._wrap(UnitFilter, it)


def add_occupant(store, actor, **fields):
    """Registers an owner, tenant or resident of a unit (R-VIS-5); the phone is stored normalised. A move-out
    before the move-in is refused. Returns the id."""
    return _c.fd_store_occupant_add(store._handle(), store._actor(actor),
                                    Occupant(**fields)._to_c(_zone(store, actor)))


def move_out_occupant(store, actor, occupant_id, move_out):
    """Records that an occupant moved out on ``move_out`` (the first day no longer there; R-COM-3: never
    deleted). Raises InvalidState when they moved out already."""
    _c.fd_store_occupant_move_out(store._handle(), store._actor(actor), integer(occupant_id, "occupant_id"),
                                  _day(move_out, "move_out", _zone(store, actor)))


def occupants(store, actor, **filter):
    """Occupants of the actor's site (OccupantFilter keywords: unit_id=, role=, search= (needs the reveal grant
    where names are masked) ...), in id order, phones masked unless revealed."""
    return OccupantFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def occupant(store, actor, occupant_id):
    """One Occupant by id."""
    return Occupant._get(store._handle(), store._actor(actor), occupant_id)


def add_organisation(store, actor, **fields):
    """Registers a tenant company or other organisation (R-VIS-1). Returns its id."""
    return _c.fd_store_organisation_add(store._handle(), store._actor(actor),
                                        Organisation(**fields)._to_c(_zone(store, actor)))


def move_out_organisation(store, actor, organisation_id, move_out):
    """Records that an organisation left the site on ``move_out``; its people are no longer current."""
    _c.fd_store_organisation_move_out(store._handle(), store._actor(actor),
                                      integer(organisation_id, "organisation_id"),
                                      _day(move_out, "move_out", _zone(store, actor)))


def organisations(store, actor, **filter):
    """Organisations of the actor's site (OrganisationFilter keywords: unit_id=, search= ...), in id order."""
    return OrganisationFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def organisation(store, actor, organisation_id):
    """One Organisation by id."""
    return Organisation._get(store._handle(), store._actor(actor), organisation_id)


def add_department(store, actor, **fields):
    """Adds a department to an organisation (R-VIS-1). Returns its id."""
    return _c.fd_store_department_add(store._handle(), store._actor(actor), Department(**fields)._to_c())


def departments(store, actor, **filter):
    """Departments of the actor's site (DepartmentFilter keywords: organisation_id=, search= ...)."""
    return DepartmentFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def department(store, actor, department_id):
    """One Department by id."""
    return Department._get(store._handle(), store._actor(actor), department_id)


def add_employee(store, actor, **fields):
    """Registers an employee of an organisation (R-VIS-1); the phone is stored normalised. Returns the id."""
    return _c.fd_store_employee_add(store._handle(), store._actor(actor),
                                    Employee(**fields)._to_c(_zone(store, actor)))


def employee_leaves(store, actor, employee_id, left_on):
    """Records that an employee left on ``left_on`` (R-COM-3: never deleted)."""
    _c.fd_store_employee_leave(store._handle(), store._actor(actor), integer(employee_id, "employee_id"),
                               _day(left_on, "left_on", _zone(store, actor)))


def employees(store, actor, **filter):
    """Employees of the actor's site (EmployeeFilter keywords: organisation_id=, department_id= ...)."""
    return EmployeeFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def employee(store, actor, employee_id):
    """One Employee by id."""
    return Employee._get(store._handle(), store._actor(actor), employee_id)


# -- finding ------------------------------------------------------------------------------
class PropertyKind(_enum.IntEnum):
    """What a hit of :func:`find_property` is."""
    UNIT = _c.FD_PROPERTY_UNIT
    OCCUPANT = _c.FD_PROPERTY_OCCUPANT
    ORGANISATION = _c.FD_PROPERTY_ORGANISATION
    DEPARTMENT = _c.FD_PROPERTY_DEPARTMENT
    EMPLOYEE = _c.FD_PROPERTY_EMPLOYEE

    @property
    def code(self):
        """"unit", "occupant", "organisation", "department" or "employee"."""
        return _c.fd_property_kind_name(int(self))


class PropertyMatch(_enum.IntEnum):
    """How a hit matched: its unit's number, its phone, or its name."""
    UNIT = _c.FD_PROPERTY_MATCH_UNIT
    PHONE = _c.FD_PROPERTY_MATCH_PHONE
    NAME = _c.FD_PROPERTY_MATCH_NAME

    @property
    def code(self):
        """"unit", "phone" or "name"."""
        return _c.fd_property_match_name(int(self))


class PropertyHit(_NamedTuple):
    """One hit: kind, how it matched, its id, display name (masked per the site's policy unless revealed),
    phone (masked unless revealed), unit, organisation, department, role (or title, or a unit's use), and
    whether it is current on the day asked for."""
    kind: PropertyKind
    match: PropertyMatch
    id: int
    name: str
    phone: str
    unit_id: int
    unit: str
    organisation_id: int
    organisation: str
    department: str
    role: str
    current: bool


class PropertyPage(list):
    """A page of PropertyHit; ``more`` is True when more matched than the page holds (narrow the query)."""

    def __init__(self, hits, more):
        super().__init__(hits)
        self.more = more


def find_property(store, actor, query, *, kinds=None, include_former=False, on=None, limit=20):
    """R-VIS-1 / R-VIS-5: who or what ``query`` names at the actor's site — a name, pinyin, initials,
    Traditional or full-width input, a unit number as typed ("3栋1201"; "1201" in every building), or a
    phone (matched normalised, shown masked). ``kinds``: PropertyKind values to return (None: all);
    ``include_former``: also people and organisations gone by ``on`` (None: the site's date today).
    Returns a PropertyPage of at most ``limit`` (1..64) hits; reveals (with ``actor.with_reveal``) are logged."""
    o = _c.fd_property_find_options()
    _c.fd_property_find_options_init(o, _c.FD_PROPERTY_FIND_OPTIONS_VERSION)
    if kinds is not None:
        bits = 0
        for k in kinds:
            bits |= 1 << int(PropertyKind(k))
        o.kinds = bits
    o.include_former = int(bool(include_former))
    o.on = _date_or_zero(on, "on") if on is None else to_date(on, "on", _zone(store, actor))
    o.limit = integer(limit, "limit")
    page = _c.fd_store_property_find(store._handle(), store._actor(actor), query, o)
    try:
        hits = []
        for i in range(_c.fd_property_hits_count(page)):
            h = _c.fd_property_hits_get(page, i)
            hits.append(PropertyHit(PropertyKind(h.kind), PropertyMatch(h.match), h.id, h.name, h.phone, h.unit_id,
                                    h.unit, h.organisation_id, h.organisation, h.department, h.role,
                                    bool(h.current)))
        return PropertyPage(hits, bool(_c.fd_property_hits_more(page)))
    finally:
        _c.fd_property_hits_free(page)


class ResidentAnswer(_enum.IntEnum):
    """R-VIS-5's answer: NO, YES (the phone or the exact name), POSSIBLE (only the pinyin matches)."""
    NO = _c.FD_RESIDENT_NO
    YES = _c.FD_RESIDENT_YES
    POSSIBLE = _c.FD_RESIDENT_POSSIBLE

    @property
    def code(self):
        """"no", "yes" or "possible"."""
        return _c.fd_resident_answer_name(int(self))


class ResidentCheck(_NamedTuple):
    """What :func:`resident_check` found: the answer, how many occupants match, the unit and role of the first
    (natural order), and what matched ("phone", "name", "pinyin") — never a name or a number."""
    answer: ResidentAnswer
    matches: int
    unit_id: int
    unit: str
    role: str
    basis: str


def resident_check(store, actor, name_or_phone, on=None):
    """R-VIS-5: is the visitor who gives ``name_or_phone`` an owner or resident living here on ``on`` (None:
    the site's date at the actor's instant)? Answers without revealing anything; no grant needed."""
    day = store.site_date(actor.site_id, actor.at) if on is None else on
    r = _c.fd_resident_check()
    _c.fd_store_resident_check(r, store._handle(), store._actor(actor), name_or_phone,
                               _day(day, "on", _zone(store, actor)))
    return ResidentCheck(ResidentAnswer(r.answer), r.matches, r.unit_id, r.unit, r.role, r.basis)
