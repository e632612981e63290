package org.frontdesk;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import org.junit.Test;

/** idcard from Java: GB 11643-1999 numbers, the 15-digit form, masking (R-COM-2). */
public class IdCardTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  public void theExampleOfTheStandard() throws Exception {
    IdCard c = IdCard.parse("11010519491231002x", TODAY);
    assertEquals("11010519491231002X", c.number());
    assertEquals("110105", c.region());
    assertEquals("北京市", c.province());
    assertEquals(LocalDate.of(1949, 12, 31), c.birth());
    assertEquals(IdCard.Sex.FEMALE, c.sex());
    assertFalse(c.legacy());
    assertEquals(IdCard.Sex.MALE, IdCard.parse("440524188001010014", TODAY).sex());
  }

  @Test
  public void theAsOfDateIsRequiredNullNeverMeansToday() throws Exception {
    try {
      IdCard.isValid("11010519491231002X", null);
      fail("null today accepted");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.EINVAL, e.code());
      assertTrue(e.getMessage(), e.getMessage().contains("today"));
    }
    try {
      IdCard.parse("11010519491231002X", null);
      fail("null today accepted");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.EINVAL, e.code());
      assertTrue(e.getMessage(), e.getMessage().contains("today"));
    }
  }

  @Test
  public void fifteenDigits() throws Exception {
    IdCard c = IdCard.parse("110105491231002", TODAY);
    assertEquals("11010519491231002X", c.number());
    assertTrue(c.legacy());
  }

  @Test
  public void isValid() throws Exception {
    assertTrue(IdCard.isValid("11010519491231002X", TODAY));
    assertFalse(IdCard.isValid("110105194912310021", TODAY));
    assertFalse(IdCard.isValid("110105202611240012", TODAY));
  }

  @Test
  @SuppressWarnings("deprecation")
  public void validIsTheOldNameOfIsValid() throws Exception {
    assertTrue(IdCard.valid("11010519491231002X", TODAY));
    assertFalse(IdCard.valid("110105194912310021", TODAY));
  }

  @Test
  public void errorsNameThePart() {
    String[][] cases = {
      {"11010519491231002", "length"},
      {"1101051949123100AX", "character"},
      {"99010519491231002X", "region"},
      {"11010519491331002X", "birth date"},
      {"110105194912310021", "give the check character 'X'"},
    };
    for (String[] c : cases) {
      try {
        IdCard.parse(c[0], TODAY);
        fail("no exception for " + c[0]);
      } catch (FrontdeskException e) {
        assertEquals(Frontdesk.EINVAL, e.code());
        assertTrue(e.getMessage(), e.getMessage().contains(c[1]));
      }
    }
  }

  @Test
  public void errorsNeverEchoTheNumber_R_COM_2() {
    String[][] cases = {{"11010519491231003X", "11010519491231003"}, {"11010519491331002X", "19491331"}};
    for (String[] c : cases) {
      try {
        IdCard.parse(c[0], TODAY);
        fail("no exception for " + c[0]);
      } catch (FrontdeskException e) {
        assertFalse(e.getMessage(), e.getMessage().contains(c[1]));
      }
    }
  }

  @Test
  public void mask_R_COM_2() throws Exception {
    assertEquals("110105********002X", IdCard.mask("11010519491231002x"));
    assertEquals("110105*****1002", IdCard.mask("110105491231002"));
  }
}
