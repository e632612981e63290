package org.frontdesk;

import static org.frontdesk.Expect.fails;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The property register from Java (issue 12, item 1): R-VIS-1, R-VIS-5, R-COM-2, R-COM-3, R-FEE-8. */
public class PropertyTest {
  private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z"); // 09:00 in Shanghai
  private File dir;
  private Store store;
  private long site;
  private long boss;
  private Actor clerk;
  private Actor manager;
  private long b3;
  private long u1201;
  private long u1202;
  private long ua5f;

  @Before
  public void open() throws Exception {
    dir = Files.createTempDirectory(new File(System.getProperty("fd.test.tmp", "/tmp")).toPath(), "junit").toFile();
    store = Store.open(new File(dir, "estate.db").getPath());
    site = store.addSite(Actor.system(0, T0), "estate", "阳光花园", null);
    Actor system = Actor.system(site, T0);
    clerk = Actor.of(site, store.addStaff(system, "F001", "王前台", "clerk"), T0);
    boss = store.addStaff(system, "M001", "赵主管", "supervisor");
    store.grant(system, "supervisor", Grant.MANAGE, true);
    store.grant(system, "supervisor", Grant.REVEAL, true);
    manager = Actor.of(site, boss, T0).withGrants(Grant.MANAGE);
    b3 = Property.addBuilding(store, manager, Building.builder().code("3号楼").name("3号楼").build());
    long ba = Property.addBuilding(store, manager, Building.builder().code("A座").name("A座").build());
    u1201 = unit(b3, "3栋1201室");
    u1202 = unit(b3, "1202");
    ua5f = unit(ba, "A座 5F");
  }

  @After
  public void close() throws Exception {
    store.close();
  }

  private long unit(long building, String number) throws FrontdeskException {
    return Property.addUnit(store, manager,
        Unit.builder().buildingId(building).number(number).use("residential").areaM2X100(8950).build());
  }

  private long occupant(long unit, String name, String phone, String role) throws FrontdeskException {
    return Property.addOccupant(store, clerk, Occupant.builder().unitId(unit).name(name).phone(phone).role(role)
        .moveIn(LocalDate.of(2024, 5, 1)).build());
  }


  private static <T> List<T> all(RecordIterator<T> it) {
    try (RecordIterator<T> i = it) {
      List<T> out = new ArrayList<>();
      i.forEachRemaining(out::add);
      return out;
    }
  }

  private List<String> find(Actor actor, String query) throws FrontdeskException {
    return Property.find(store, actor, query).hits().stream().map(Property.Hit::toString).collect(Collectors.toList());
  }

  @Test
  public void unitNumbersAreCanonical_R_VIS_5() throws Exception {
    for (String typed : new String[] {"3-1201", "３－１２０１", "3栋1201室", "3号楼1201", "3#1201"}) {
      Property.UnitNumber u = Property.parseUnitNumber(typed);
      assertEquals(typed, "3-1201", u.number());
      assertEquals("3", u.building());
      assertEquals("12", u.floor());
      assertEquals("1201", u.room());
      assertEquals(2, u.parts());
    }
    assertEquals(Property.parseUnitNumber("3-1201"), Property.parseUnitNumber("3栋1201"));
    assertEquals("A-5F", Property.parseUnitNumber("A座 5F").number());
    assertEquals("东", Property.normalizeBuildingCode("東座"));
    fails(Frontdesk.EINVAL, "unit: '3@1201'", () -> Property.parseUnitNumber("3@1201"));
    fails(Frontdesk.EINVAL, "in digits", () -> Property.parseUnitNumber("三栋1201"));
  }

  @Test
  public void areasAreExact_R_FEE_8() throws Exception {
    assertEquals(8950, Property.parseArea("89.5"));
    assertEquals(12000, Property.parseArea("１２０㎡"));
    assertEquals("89.50 m²", Property.formatArea(8950));
    assertEquals(1_000_000_000L, Property.AREA_MAX);
    fails(Frontdesk.EINVAL, "more than two decimals", () -> Property.parseArea("89.505"));
    fails(Frontdesk.ERANGE, "area_m2x100", () -> Property.formatArea(-1));
  }

  @Test
  public void occupancyCodesAndChecks_R_VIS_5() throws Exception {
    Occupant o = Occupant.builder().unitId(1).name("张三").role("owner").moveIn(LocalDate.of(2025, 3, 1))
        .moveOut(LocalDate.of(2026, 1, 1)).build();
    assertTrue(Property.occupantCurrent(o, LocalDate.of(2025, 3, 1)));
    assertFalse(Property.occupantCurrent(o, LocalDate.of(2026, 1, 1)));
    assertTrue(Property.organisationCurrent(Organisation.builder().name("x").build(), LocalDate.of(1990, 1, 1)));
    assertFalse(Property.employeeCurrent(Employee.builder().leftOn(LocalDate.of(2026, 1, 1)).build(),
        LocalDate.of(2026, 1, 1)));
    assertEquals("业主", Property.codeLabel("role", "owner"));
    assertNull(Property.codeLabel("role", "landlord"));
    assertEquals("owner", Property.codeParse("role", "業主"));
    Property.validate(o);
    fails(Frontdesk.EINVAL, "occupant.move_out", () -> Property.validate(Occupant.builder().unitId(1).name("张三")
        .role("owner").moveIn(LocalDate.of(2025, 3, 1)).moveOut(LocalDate.of(2025, 2, 1)).build()));
    Property.validate(Building.builder().code("3栋").name("3号楼").build());
    fails(Frontdesk.EINVAL, "unit.use", () -> Property.validate(Unit.builder().buildingId(1).number("3-1201")
        .use("palace").build()));
    Property.validate(Organisation.builder().name("长沙银行").build());
    fails(Frontdesk.EINVAL, "employee.phone", () -> Property.validate(Employee.builder().organisationId(1)
        .name("李四").phone("abc").build()));
  }

  @Test
  public void moveOutIsRecordedOnceNeverDeleting_R_COM_3() throws Exception {
    fails(Frontdesk.EINVAL, "fd_store_occupant_add: occupant.move_out", () -> Property.addOccupant(store, clerk,
        Occupant.builder().unitId(u1201).name("张三").role("owner").moveIn(LocalDate.of(2025, 3, 1))
            .moveOut(LocalDate.of(2025, 2, 1)).build()));
    long id = occupant(u1201, "张三", null, "owner");
    Property.moveOutOccupant(store, clerk, id, LocalDate.of(2026, 6, 1));
    fails(Frontdesk.ESTATE, "moved out on 2026-06-01 already",
        () -> Property.moveOutOccupant(store, clerk, id, LocalDate.of(2026, 7, 1)));
    Occupant got = Property.occupant(store, clerk, id);
    assertEquals(LocalDate.of(2026, 6, 1), got.getMoveOut());
    assertEquals("张三", got.getName());
    assertEquals(List.of(id), all(Property.occupants(store, clerk, new OccupantFilter().unitId(u1201))).stream()
        .map(Occupant::getId).collect(Collectors.toList()));
  }

  @Test
  public void unitsStoredCanonicalAndListedInNaturalOrder_R_VIS_5() throws Exception {
    assertEquals("3-1202", Property.unitByNumber(store, clerk, "３栋１２０２号").getNumber());
    long b2 = Property.addBuilding(store, manager, Building.builder().code("2").name("2号楼").build());
    for (String n : new String[] {"2-1001", "2-101", "2-99"}) {
      unit(b2, n);
    }
    assertEquals(List.of("2-99", "2-101", "2-1001", "3-1201"),
        all(Property.listUnits(store, clerk, 0, null, 4)).stream().map(Unit::getNumber).collect(Collectors.toList()));
    assertEquals(List.of("2-1001"),
        all(Property.listUnits(store, clerk, b2, "2-101", 10)).stream().map(Unit::getNumber).collect(Collectors.toList()));
    fails(Frontdesk.EPERM, "manage", () -> Property.addUnit(store, clerk,
        Unit.builder().buildingId(b2).number("2-5").use("shop").build()));
    fails(Frontdesk.ECONFLICT, "unit.number", () -> unit(b2, "２－９９"));
    assertEquals("2", Property.building(store, clerk, b2).getCode());
    assertEquals(3, all(Property.buildings(store, clerk, null)).size());
    assertEquals("5", Property.unit(store, clerk, ua5f).getFloor());
    assertEquals(3, all(Property.units(store, clerk, new UnitFilter().buildingId(b2))).size());
  }

  @Test
  public void findByNamePinyinUnitAndPhone_R_VIS_1() throws Exception {
    occupant(u1201, "王小丽", "+86 138-1234-5678", "owner");
    occupant(u1202, "𠮷田花子", null, "tenant");
    long org = Property.addOrganisation(store, clerk, Organisation.builder().name("长沙银行").unitId(ua5f).build());
    for (String q : new String[] {"王小丽", "wangxiaoli", "wxl", "王小麗", "１３８１２３４５６７８"}) {
      Property.Page page = Property.find(store, clerk, q);
      assertEquals(q, 1, page.hits().size());
      assertFalse(page.more());
      Property.Hit h = page.hits().get(0);
      assertEquals(Property.Kind.OCCUPANT, h.kind());
      assertEquals("王小丽", h.name());
      assertEquals("3-1201", h.unit());
      assertEquals("owner", h.role());
      assertEquals("138****5678", h.phone());
      assertTrue(h.current());
    }
    assertEquals(Property.Match.PHONE, Property.find(store, clerk, "13812345678").hits().get(0).match());
    Property.Hit bank = Property.find(store, clerk, "長沙").hits().get(0);
    assertEquals("organisation", bank.kind().code());
    assertEquals(org, bank.organisationId());
    assertEquals(List.of("occupant:𠮷田花子:3-1202:name"), find(clerk, "𠮷田"));
    assertEquals(List.of("unit:3-1201:3-1201:unit", "occupant:王小丽:3-1201:unit"), find(clerk, "3栋1201"));
    assertEquals(0, Property.find(store, clerk, "wxl", EnumSet.of(Property.Kind.ORGANISATION), false, null, 20)
        .hits().size());
    fails(Frontdesk.ERANGE, "opts.limit", () -> Property.find(store, clerk, "wxl", null, false, null, 65));
  }

  @Test
  public void findMasksByPolicyAndLogsReveals_R_COM_2() throws Exception {
    long id = occupant(u1201, "王小丽", "13812345678", "owner");
    store.setPolicy(Actor.system(site, T0), "pii.mask_names", 1);
    assertEquals("王**", Property.find(store, clerk, "wxl").hits().get(0).name());
    Property.Hit h = Property.find(store, Actor.of(site, boss, T0).withReveal("访客核实"), "wxl").hits().get(0);
    assertEquals("王小丽", h.name());
    assertEquals("13812345678", h.phone());
    List<String> logged = all(store.reveals(clerk, null)).stream()
        .map(r -> r.getRecord() + ":" + r.getRecordId() + ":" + r.getField()).sorted().collect(Collectors.toList());
    assertEquals(List.of("occupant:" + id + ":name", "occupant:" + id + ":phone"), logged);
  }

  @Test
  public void formerOccupantsAndAnotherSite_R_VIS_5() throws Exception {
    long id = occupant(u1201, "王小丽", null, "tenant");
    Property.moveOutOccupant(store, clerk, id, LocalDate.of(2026, 6, 1));
    assertEquals(List.of(), find(clerk, "王小丽"));
    assertEquals(List.of("occupant:王小丽:3-1201:name:former"),
        Property.find(store, clerk, "王小丽", null, true, null, 20).hits().stream().map(Property.Hit::toString)
            .collect(Collectors.toList()));
    assertEquals(1, Property.find(store, clerk, "王小丽", null, false, LocalDate.of(2026, 5, 31), 20).hits().size());
    long other = store.addSite(Actor.system(0, T0), "park", "科技园", null);
    long strangerId = store.addStaff(Actor.system(other, T0), "F001", "外园前台", "clerk");
    Actor stranger = Actor.of(other, strangerId, T0);
    assertEquals(0, Property.find(store, stranger, "王小丽", null, true, null, 20).hits().size());
    fails(Frontdesk.ENOTFOUND, "at the actor's site", () -> Property.occupant(store, stranger, id));
    fails(Frontdesk.EPERM, "staff", () -> Property.find(store, Actor.of(site, strangerId, T0), "王小丽"));
  }

  @Test
  public void organisationsDepartmentsEmployees_R_VIS_1() throws Exception {
    long org = Property.addOrganisation(store, clerk, Organisation.builder().name("星辰科技有限公司").unitId(ua5f)
        .phone("0755-8888 6666").moveIn(LocalDate.of(2023, 1, 1)).build());
    long dept = Property.addDepartment(store, clerk, Department.builder().organisationId(org).name("行政部").build());
    long emp = Property.addEmployee(store, clerk, Employee.builder().organisationId(org).departmentId(dept)
        .name("陈经理").phone("13900139000").title("行政经理").build());
    Property.Hit d = Property.find(store, clerk, "xzb").hits().get(0);
    assertEquals(Property.Kind.DEPARTMENT, d.kind());
    assertEquals("星辰科技有限公司", d.organisation());
    assertEquals("A-5F", d.unit());
    Property.Hit e = Property.find(store, clerk, "陈经理").hits().get(0);
    assertEquals("行政部", e.department());
    assertEquals("行政经理", e.role());
    assertEquals("139****9000", e.phone());
    assertEquals("0755-****6666", Property.organisation(store, clerk, org).getPhone());
    assertEquals("行政部", Property.department(store, clerk, dept).getName());
    assertEquals("行政经理", Property.employee(store, clerk, emp).getTitle());
    assertEquals(1, all(Property.organisations(store, clerk, null)).size());
    assertEquals(1, all(Property.departments(store, clerk, new DepartmentFilter().organisationId(org))).size());
    assertEquals(1, all(Property.employees(store, clerk, new EmployeeFilter().organisationId(org))).size());
    Property.employeeLeaves(store, clerk, emp, LocalDate.of(2026, 9, 1));
    fails(Frontdesk.ESTATE, "left on 2026-09-01", () -> Property.employeeLeaves(store, clerk, emp, LocalDate.of(2026, 9, 2)));
    Property.moveOutOrganisation(store, clerk, org, LocalDate.of(2026, 10, 1));
    assertEquals(List.of(), find(clerk, "陈经理"));
  }

  @Test
  public void residentCheckAnswersWithoutRevealing_R_VIS_5() throws Exception {
    occupant(u1202, "张三", "13812345678", "tenant");
    Property.ResidentCheck r = Property.residentCheck(store, clerk, "張三", null);
    assertEquals(Property.ResidentAnswer.YES, r.answer());
    assertEquals("3-1202", r.unit());
    assertEquals(u1202, r.unitId());
    assertEquals("tenant", r.role());
    assertEquals("name", r.basis());
    assertEquals(1, r.matches());
    assertEquals("phone", Property.residentCheck(store, clerk, "138 1234 5678", null).basis());
    assertEquals(Property.ResidentAnswer.POSSIBLE, Property.residentCheck(store, clerk, "章三", null).answer());
    assertEquals("possible", Property.residentCheck(store, clerk, "zhang san", null).answer().code());
    assertEquals(Property.ResidentAnswer.NO, Property.residentCheck(store, clerk, "李四", null).answer());
    assertEquals(Property.ResidentAnswer.NO,
        Property.residentCheck(store, clerk, "张三", LocalDate.of(2024, 4, 30)).answer());
    assertEquals(0, all(store.reveals(clerk, null)).size());
  }
}
