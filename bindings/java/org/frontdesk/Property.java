package org.frontdesk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_property_hits;
import org.frontdesk.swig.SWIGTYPE_p_fd_unit_iter;
import org.frontdesk.swig.fd_date;
import org.frontdesk.swig.fd_property_find_options;
import org.frontdesk.swig.fd_property_hit;
import org.frontdesk.swig.fd_property_kind;
import org.frontdesk.swig.fd_resident_check;
import org.frontdesk.swig.fd_unit;
import org.frontdesk.swig.fd_unit_number;

/**
 * The property register (issue 12): buildings, units, occupants, organisations with
 * departments and employees — who lives and works here, shared by visitors, fees, plans and
 * complaints (R-VIS-1, R-VIS-5, R-COM-1 … R-COM-3, R-FEE-8). The rules ({@link #parseUnitNumber},
 * {@link #parseArea}, {@link #occupantCurrent}, the {@code validate} checks) are pure functions,
 * usable with a suite's own database; the rest reads and writes a {@link Store}. Areas are
 * {@code long} hundredths of a square metre, never floating point.
 */
public final class Property {
  private Property() {}

  /** The largest area taken, in hundredths of a square metre (10,000,000.00 m²). */
  public static final long AREA_MAX = FrontdeskNative.FD_AREA_MAX;

  // -- codes and rules (pure) ---------------------------------------------------------

  /** The Chinese label of {@code code} in the list {@code field} ("role", "owner" → "业主"); null when unknown. */
  public static String codeLabel(String field, String code) throws FrontdeskException {
    return FrontdeskNative.fd_property_code_label(field, code);
  }

  /** The code of {@code text} in the list {@code field} ("use" or "role"): the code or its label ("業主" → "owner"). */
  public static String codeParse(String field, String text) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_property_code_parse(o, field, text));
  }

  /** A unit number taken apart: canonical number, building, floor, room, count of parts. */
  public static final class UnitNumber {
    private final String number;
    private final String building;
    private final String floor;
    private final String room;
    private final int parts;

    UnitNumber(fd_unit_number u) {
      number = u.getNumber();
      building = u.getBuilding();
      floor = u.getFloor();
      room = u.getRoom();
      parts = u.getParts();
    }

    /** The canonical number: "3-1201", "A-5F". */
    public String number() {
      return number;
    }

    /** The building's part ("3", "A"), "" for a room alone. */
    public String building() {
      return building;
    }

    /** The floor ("12", "B1"), "" when the number does not show it. */
    public String floor() {
      return floor;
    }

    /** The last part ("1201"). */
    public String room() {
      return room;
    }

    /** How many parts (1..4). */
    public int parts() {
      return parts;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof UnitNumber)) return false;
      UnitNumber x = (UnitNumber) o;
      return number.equals(x.number) && building.equals(x.building) && floor.equals(x.floor)
          && room.equals(x.room) && parts == x.parts;
    }

    @Override
    public int hashCode() {
      return Objects.hash(number, building, floor, room, parts);
    }

    @Override
    public String toString() {
      return number + " (building '" + building + "', floor '" + floor + "', room '" + room + "')";
    }
  }

  /**
   * R-VIS-5: a unit number as people type it, canonical: "3栋1201室", "３－１２０１" and "3号楼1201"
   * are all "3-1201"; throws FD_EINVAL naming {@code unit} for junk.
   */
  public static UnitNumber parseUnitNumber(String text) throws FrontdeskException {
    fd_unit_number u = new fd_unit_number();
    try {
      FrontdeskNative.fd_unit_number_parse(u, text);
      return new UnitNumber(u);
    } finally {
      u.delete();
    }
  }

  /** The canonical code of a building: "3号楼" → "3", "A座" → "A". */
  public static String normalizeBuildingCode(String text) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_building_code_normalize(o, text));
  }

  /** R-FEE-8: an area read exactly into hundredths of a m² ("89.5" → 8950); a third decimal is refused. */
  public static long parseArea(String text) throws FrontdeskException {
    return Out.int64(o -> FrontdeskNative.fd_area_parse(o, text));
  }

  /** An area in hundredths of a m² as "89.50 m²". */
  public static String formatArea(long areaM2x100) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_area_format(o, areaM2x100));
  }

  /** R-VIS-5: whether {@code occupant} lives there on {@code on}: move-in ≤ on &lt; move-out. */
  public static boolean occupantCurrent(Occupant occupant, LocalDate on) throws FrontdeskException {
    return occupant.withNative(n -> Out.flag(o -> FrontdeskNative.fd_occupant_current(o, n, on)));
  }

  /** Whether {@code organisation} is at the site on {@code on} (no move-in recorded: since always). */
  public static boolean organisationCurrent(Organisation organisation, LocalDate on) throws FrontdeskException {
    return organisation.withNative(n -> Out.flag(o -> FrontdeskNative.fd_organisation_current(o, n, on)));
  }

  /** Whether {@code employee} still works there on {@code on} (before their leaving day). */
  public static boolean employeeCurrent(Employee employee, LocalDate on) throws FrontdeskException {
    return employee.withNative(n -> Out.flag(o -> FrontdeskNative.fd_employee_current(o, n, on)));
  }

  /** Checks a building as the store would before adding it; throws naming the field. */
  public static void validate(Building building) throws FrontdeskException {
    building.withNative(n -> {
      FrontdeskNative.fd_building_validate(n);
      return null;
    });
  }

  /** Checks a unit as the store would (number, use, floor, area); throws naming the field. */
  public static void validate(Unit unit) throws FrontdeskException {
    unit.withNative(n -> {
      FrontdeskNative.fd_unit_validate(n);
      return null;
    });
  }

  /** Checks an occupant as the store would: role, phone, a move-out after the move-in (R-COM-3). */
  public static void validate(Occupant occupant) throws FrontdeskException {
    occupant.withNative(n -> {
      FrontdeskNative.fd_occupant_validate(n);
      return null;
    });
  }

  /** Checks an organisation as the store would: phone, a move-out after the move-in. */
  public static void validate(Organisation organisation) throws FrontdeskException {
    organisation.withNative(n -> {
      FrontdeskNative.fd_organisation_validate(n);
      return null;
    });
  }

  /** Checks an employee as the store would: phone. */
  public static void validate(Employee employee) throws FrontdeskException {
    employee.withNative(n -> {
      FrontdeskNative.fd_employee_validate(n);
      return null;
    });
  }

  // -- the store's side -------------------------------------------------------------------

  /** Adds a building (needs Grant.MANAGE); its code is kept canonical. Returns its id. */
  public static long addBuilding(Store store, Actor actor, Building building) throws FrontdeskException {
    return building.withNative(b -> store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_building_add(o, store.handle(), a, b))));
  }

  /** Buildings of the actor's site matching {@code filter} (null: all), in id order. */
  public static RecordIterator<Building> buildings(Store store, Actor actor, BuildingFilter filter) throws FrontdeskException {
    return store.as(actor, a -> BuildingFilter.query(filter, store.handle(), a));
  }

  /** One building by id. */
  public static Building building(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> Building.get(store.handle(), a, id));
  }

  /**
   * Adds a unit (needs Grant.MANAGE): the number as typed, stored canonical with the building's
   * code in front ("1201" in building 3 → "3-1201"), the floor derived when not given. Returns its id.
   */
  public static long addUnit(Store store, Actor actor, Unit unit) throws FrontdeskException {
    return unit.withNative(u -> store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_unit_add(o, store.handle(), a, u))));
  }

  /** Units of the actor's site matching {@code filter} (null: all), in id order. */
  public static RecordIterator<Unit> units(Store store, Actor actor, UnitFilter filter) throws FrontdeskException {
    return store.as(actor, a -> UnitFilter.query(filter, store.handle(), a));
  }

  /** One unit by id. */
  public static Unit unit(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> Unit.get(store.handle(), a, id));
  }

  /** The unit numbered {@code number} as typed ("3栋1201室"; "1201" when one building has it). */
  public static Unit unitByNumber(Store store, Actor actor, String number) throws FrontdeskException {
    return store.as(actor, a -> Unit.own(o -> FrontdeskNative.fd_store_unit_get_by_number(o, store.handle(), a, number)));
  }

  /**
   * One page of units in natural order of their numbers (2-101 &lt; 2-1001 &lt; 10-101): of
   * {@code buildingId} (0: all), after the unit numbered {@code after} (null: from the first), at
   * most {@code limit} (1..64).
   */
  public static RecordIterator<Unit> listUnits(Store store, Actor actor, long buildingId, String after, long limit)
      throws FrontdeskException {
    return store.as(actor, a -> {
      SWIGTYPE_p_fd_unit_iter[] it = new SWIGTYPE_p_fd_unit_iter[1];
      FrontdeskNative.fd_store_unit_list(it, store.handle(), a, buildingId, after, limit);
      return new RecordIterator<>(it[0], FrontdeskNative::fd_unit_iter_free, i -> {
        fd_unit[] row = new fd_unit[1];
        FrontdeskNative.fd_unit_iter_next(row, i);
        return row[0] == null ? null : Unit.fromNative(row[0]);
      });
    });
  }

  /** Registers an owner, tenant or resident of a unit (R-VIS-5); the phone is stored normalised. Returns the id. */
  public static long addOccupant(Store store, Actor actor, Occupant occupant) throws FrontdeskException {
    return occupant.withNative(x -> store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_occupant_add(o, store.handle(), a, x))));
  }

  /** Records that an occupant moved out on {@code moveOut} (R-COM-3: never deleted; set once). */
  public static void moveOutOccupant(Store store, Actor actor, long occupantId, LocalDate moveOut) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_occupant_move_out(store.handle(), a, occupantId, moveOut);
      return null;
    });
  }

  /** Occupants of the actor's site matching {@code filter} (null: all), phones masked unless revealed. */
  public static RecordIterator<Occupant> occupants(Store store, Actor actor, OccupantFilter filter) throws FrontdeskException {
    return store.as(actor, a -> OccupantFilter.query(filter, store.handle(), a));
  }

  /** One occupant by id. */
  public static Occupant occupant(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> Occupant.get(store.handle(), a, id));
  }

  /** Registers a tenant company or other organisation (R-VIS-1). Returns its id. */
  public static long addOrganisation(Store store, Actor actor, Organisation organisation) throws FrontdeskException {
    return organisation.withNative(x -> store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_organisation_add(o, store.handle(), a, x))));
  }

  /** Records that an organisation left the site on {@code moveOut}; its people are no longer current. */
  public static void moveOutOrganisation(Store store, Actor actor, long organisationId, LocalDate moveOut)
      throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_organisation_move_out(store.handle(), a, organisationId, moveOut);
      return null;
    });
  }

  /** Organisations of the actor's site matching {@code filter} (null: all). */
  public static RecordIterator<Organisation> organisations(Store store, Actor actor, OrganisationFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> OrganisationFilter.query(filter, store.handle(), a));
  }

  /** One organisation by id. */
  public static Organisation organisation(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> Organisation.get(store.handle(), a, id));
  }

  /** Adds a department to an organisation (R-VIS-1). Returns its id. */
  public static long addDepartment(Store store, Actor actor, Department department) throws FrontdeskException {
    return department.withNative(x -> store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_department_add(o, store.handle(), a, x))));
  }

  /** Departments of the actor's site matching {@code filter} (null: all). */
  public static RecordIterator<Department> departments(Store store, Actor actor, DepartmentFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> DepartmentFilter.query(filter, store.handle(), a));
  }

  /** One department by id. */
  public static Department department(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> Department.get(store.handle(), a, id));
  }

  /** Registers an employee of an organisation (R-VIS-1); the phone is stored normalised. Returns the id. */
  public static long addEmployee(Store store, Actor actor, Employee employee) throws FrontdeskException {
    return employee.withNative(x -> store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_employee_add(o, store.handle(), a, x))));
  }

  /** Records that an employee left on {@code leftOn} (R-COM-3: never deleted; set once). */
  public static void employeeLeaves(Store store, Actor actor, long employeeId, LocalDate leftOn) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_employee_leave(store.handle(), a, employeeId, leftOn);
      return null;
    });
  }

  /** Employees of the actor's site matching {@code filter} (null: all). */
  public static RecordIterator<Employee> employees(Store store, Actor actor, EmployeeFilter filter) throws FrontdeskException {
    return store.as(actor, a -> EmployeeFilter.query(filter, store.handle(), a));
  }

  /** One employee by id. */
  public static Employee employee(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> Employee.get(store.handle(), a, id));
  }

  // -- finding ------------------------------------------------------------------------------

  /** What a hit of {@link #find} is. */
  public enum Kind {
    /** A unit (its number matched). */
    UNIT(fd_property_kind.FD_PROPERTY_UNIT.swigValue()),
    /** An occupant. */
    OCCUPANT(fd_property_kind.FD_PROPERTY_OCCUPANT.swigValue()),
    /** An organisation. */
    ORGANISATION(fd_property_kind.FD_PROPERTY_ORGANISATION.swigValue()),
    /** A department of an organisation. */
    DEPARTMENT(fd_property_kind.FD_PROPERTY_DEPARTMENT.swigValue()),
    /** An employee of an organisation. */
    EMPLOYEE(fd_property_kind.FD_PROPERTY_EMPLOYEE.swigValue());

    private final int value;

    Kind(int value) {
      this.value = value;
    }

    /** "unit", "occupant", "organisation", "department" or "employee". */
    public String code() {
      return FrontdeskNative.fd_property_kind_name(value);
    }

    static Kind of(int value) {
      for (Kind k : values()) {
        if (k.value == value) return k;
      }
      throw new IllegalStateException("fd_property_kind " + value);
    }
  }

  /** How a hit matched the query. */
  public enum Match {
    /** Its unit's number. */
    UNIT,
    /** Its phone (normalised). */
    PHONE,
    /** Its name: Han, pinyin, initials, Traditional input. */
    NAME;

    /** "unit", "phone" or "name". */
    public String code() {
      return FrontdeskNative.fd_property_match_name(ordinal() + 1);
    }
  }

  /** One hit: personal data masked as the site's policy asks unless revealed. */
  public static final class Hit {
    private final Kind kind;
    private final Match match;
    private final long id;
    private final String name;
    private final String phone;
    private final long unitId;
    private final String unit;
    private final long organisationId;
    private final String organisation;
    private final String department;
    private final String role;
    private final boolean current;

    Hit(fd_property_hit h) {
      kind = Kind.of(h.getKind());
      match = Match.values()[h.getMatch() - 1];
      id = h.getId();
      name = h.getName();
      phone = h.getPhone();
      unitId = h.getUnit_id();
      unit = h.getUnit();
      organisationId = h.getOrganisation_id();
      organisation = h.getOrganisation();
      department = h.getDepartment();
      role = h.getRole();
      current = h.getCurrent() != 0;
    }

    /** What it is. */
    public Kind kind() {
      return kind;
    }

    /** How it matched. */
    public Match match() {
      return match;
    }

    /** Its id in its table. */
    public long id() {
      return id;
    }

    /** Display name (masked per the site's policy unless revealed); a unit's number for a unit. */
    public String name() {
      return name;
    }

    /** The phone, masked unless revealed; "" when none. */
    public String phone() {
      return phone;
    }

    /** The unit's id, 0 when none. */
    public long unitId() {
      return unitId;
    }

    /** The unit's canonical number, "" when none. */
    public String unit() {
      return unit;
    }

    /** The organisation's id (departments, employees, organisations), else 0. */
    public long organisationId() {
      return organisationId;
    }

    /** The organisation's name, "" when none. */
    public String organisation() {
      return organisation;
    }

    /** An employee's department, "" when none. */
    public String department() {
      return department;
    }

    /** An occupant's role, an employee's title, a unit's use. */
    public String role() {
      return role;
    }

    /** Whether current on the day asked for. */
    public boolean current() {
      return current;
    }

    @Override
    public String toString() {
      return kind.code() + ":" + name + ":" + unit + ":" + match.code() + (current ? "" : ":former");
    }
  }

  /** A page of hits; {@link #more()} says whether more matched than the page holds. */
  public static final class Page {
    private final List<Hit> hits;
    private final boolean more;

    Page(List<Hit> hits, boolean more) {
      this.hits = Collections.unmodifiableList(hits);
      this.more = more;
    }

    /** The hits, in the order of the find. */
    public List<Hit> hits() {
      return hits;
    }

    /** True when more matched than the page holds: narrow the query. */
    public boolean more() {
      return more;
    }
  }

  /**
   * R-VIS-1 / R-VIS-5: who or what {@code query} names at the actor's site — a name, pinyin,
   * initials, Traditional or full-width input, a unit number as typed ("3栋1201"), or a phone
   * (matched normalised, shown masked). {@code kinds} null or empty: all; {@code on} null: the
   * site's date at the actor's instant; {@code limit} 1..64. Reveals are logged.
   */
  public static Page find(Store store, Actor actor, String query, Set<Kind> kinds, boolean includeFormer,
      LocalDate on, long limit) throws FrontdeskException {
    fd_property_find_options opts = new fd_property_find_options();
    fd_date day = on == null ? null : Convert.fdDate(on, "on");
    try {
      FrontdeskNative.fd_property_find_options_init(opts, FrontdeskNative.FD_PROPERTY_FIND_OPTIONS_VERSION);
      long bits = 0;
      if (kinds != null) {
        for (Kind k : kinds) {
          bits |= 1L << k.value;
        }
      }
      opts.setKinds(bits);
      opts.setInclude_former(includeFormer ? 1 : 0);
      if (day != null) {
        opts.setOn(day);
      }
      opts.setLimit(limit);
      return store.as(actor, a -> {
        SWIGTYPE_p_fd_property_hits[] page = new SWIGTYPE_p_fd_property_hits[1];
        FrontdeskNative.fd_store_property_find(page, store.handle(), a, query, opts);
        try {
          List<Hit> hits = new ArrayList<>();
          long n = FrontdeskNative.fd_property_hits_count(page[0]);
          for (long i = 0; i < n; i++) {
            hits.add(new Hit(FrontdeskNative.fd_property_hits_get(page[0], i)));
          }
          return new Page(hits, FrontdeskNative.fd_property_hits_more(page[0]) != 0);
        } finally {
          FrontdeskNative.fd_property_hits_free(page[0]);
        }
      });
    } finally {
      opts.delete();
      if (day != null) {
        day.delete();
      }
    }
  }

  /** {@link #find} of every kind, current ones on the site's date, 20 hits. */
  public static Page find(Store store, Actor actor, String query) throws FrontdeskException {
    return find(store, actor, query, null, false, null, 20);
  }

  /** R-VIS-5's answer. */
  public enum ResidentAnswer {
    /** No occupant living there on the day matches. */
    NO,
    /** The phone, or the exact name (Traditional → Simplified), matches. */
    YES,
    /** Only the pinyin matches: confirm another way. */
    POSSIBLE;

    /** "no", "yes" or "possible". */
    public String code() {
      return FrontdeskNative.fd_resident_answer_name(ordinal());
    }
  }

  /** What a resident check found: never a name or a number. */
  public static final class ResidentCheck {
    private final ResidentAnswer answer;
    private final long matches;
    private final long unitId;
    private final String unit;
    private final String role;
    private final String basis;

    ResidentCheck(fd_resident_check r) {
      answer = ResidentAnswer.values()[r.getAnswer()];
      matches = r.getMatches();
      unitId = r.getUnit_id();
      unit = r.getUnit();
      role = r.getRole();
      basis = r.getBasis();
    }

    /** The answer. */
    public ResidentAnswer answer() {
      return answer;
    }

    /** How many occupants living there match. */
    public long matches() {
      return matches;
    }

    /** The unit of the first (natural order), 0 for NO. */
    public long unitId() {
      return unitId;
    }

    /** Its canonical number, "" for NO. */
    public String unit() {
      return unit;
    }

    /** That occupant's role, "" for NO. */
    public String role() {
      return role;
    }

    /** What matched: "phone", "name" or "pinyin"; "" for NO. */
    public String basis() {
      return basis;
    }
  }

  /**
   * R-VIS-5: is the visitor who gives {@code nameOrPhone} an owner or resident living here on
   * {@code on} (null: the site's date at the actor's instant)? Answers without revealing anything.
   */
  public static ResidentCheck residentCheck(Store store, Actor actor, String nameOrPhone, LocalDate on)
      throws FrontdeskException {
    LocalDate day = on != null ? on : store.siteDate(actor.getSiteId(), actor.getAt());
    fd_resident_check r = new fd_resident_check();
    try {
      store.as(actor, a -> {
        FrontdeskNative.fd_store_resident_check(r, store.handle(), a, nameOrPhone, day);
        return null;
      });
      return new ResidentCheck(r);
    } finally {
      r.delete();
    }
  }
}
