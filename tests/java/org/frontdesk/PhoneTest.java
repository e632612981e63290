package org.frontdesk;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

/** phone from Java: parse, classify, mask (R-COM-2). */
public class PhoneTest {
  @Test
  public void mobile() throws Exception {
    for (String s : new String[] {"13812345678", "+86 138-1234-5678", "0086 13812345678", "１３８１２３４５６７８"}) {
      Phone p = Phone.parse(s);
      assertEquals(Phone.Kind.MOBILE, p.kind());
      assertEquals("13812345678", p.national());
      assertEquals("+8613812345678", p.e164());
    }
  }

  @Test
  public void landlineServiceShort() throws Exception {
    Phone p = Phone.parse("0755-23456789-801");
    assertEquals(Phone.Kind.LANDLINE, p.kind());
    assertEquals("0755", p.areaCode());
    assertEquals("23456789", p.subscriber());
    assertEquals("801", p.extension());
    assertEquals("广东省深圳市", p.place());
    assertEquals("+8675523456789", p.e164());
    assertEquals(Phone.Kind.SERVICE, Phone.parse("400-810-8888").kind());
    assertEquals(Phone.Kind.SHORT, Phone.parse("12345").kind());
    assertEquals("", Phone.parse("110").e164());
  }

  @Test
  public void rejectsGarbage() {
    try {
      Phone.parse("138-1234-567");
      fail("no exception");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.EINVAL, e.code());
      assertTrue(e.getMessage(), e.getMessage().contains("'138****67' (12 characters) has 10 digits"));
    }
  }

  @Test
  public void errorsNeverEchoTheNumber_R_COM_2() {
    String[][] cases = {{"138123456789", "138123456789"}, {"13812345678转8001", "12345678"}};
    for (String[] c : cases) {
      try {
        Phone.parse(c[0]);
        fail("no exception for " + c[0]);
      } catch (FrontdeskException e) {
        assertFalse(e.getMessage(), e.getMessage().contains(c[1]));
      }
    }
  }

  @Test
  public void mask_R_COM_2() throws Exception {
    assertEquals("138****5678", Phone.mask("13812345678"));
    assertEquals("010-****5678", Phone.mask("010-62345678"));
    assertEquals("0310-***5678", Phone.mask("0310-2345678"));
    assertEquals("4008108888", Phone.mask("400-810-8888"));
  }

  @Test
  public void kindNames() {
    assertEquals("mobile", Phone.kindName(Phone.Kind.MOBILE));
    assertEquals("landline", Phone.kindName(Phone.Kind.LANDLINE));
    assertEquals("service", Phone.kindName(Phone.Kind.SERVICE));
    assertEquals("short", Phone.kindName(Phone.Kind.SHORT));
  }

  @Test
  @SuppressWarnings("deprecation")
  public void kindNamesOfNumbers() {
    assertEquals("mobile", Phone.kindName(1));
    assertEquals("short", Phone.kindName(4));
    assertEquals("unknown", Phone.kindName(0));
  }
}
