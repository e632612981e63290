package org.frontdesk;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

/** pii from Java: masking phones, ID numbers, names and free text (R-COM-2). */
public class PiiTest {
  @Test
  public void classLabelsRoundTrip_R_COM_2() throws Exception {
    String[] labels = {"none", "phone", "id_number", "name", "free_text"};
    Pii.PiiClass[] all = Pii.PiiClass.values();
    assertEquals(labels.length, all.length);
    for (int i = 0; i < all.length; i++) {
      assertEquals(labels[i], all[i].label());
      assertEquals(all[i], Pii.PiiClass.parse(labels[i]));
    }
    try {
      Pii.PiiClass.parse("Phone");
      fail("no exception");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.EINVAL, e.code());
      assertTrue(e.getMessage(), e.getMessage().contains("'Phone' is not a class"));
    }
  }

  @Test
  public void maskByClass_R_COM_2() throws Exception {
    assertEquals("138****5678", Pii.mask(Pii.PiiClass.PHONE, "13812345678"));
    assertEquals("010-****5678", Pii.mask(Pii.PiiClass.PHONE, "010-62345678"));
    assertEquals("138*****67", Pii.mask(Pii.PiiClass.PHONE, "1381234567"));
    assertEquals("110105********002X", Pii.mask(Pii.PiiClass.ID_NUMBER, "11010519491231002x"));
    assertEquals("110105******002", Pii.mask(Pii.PiiClass.ID_NUMBER, "110105491231002"));
    assertEquals("张*", Pii.mask(Pii.PiiClass.NAME, "张三"));
    assertEquals("欧阳**", Pii.mask(Pii.PiiClass.NAME, "欧阳娜娜"));
    assertEquals("𠮷*", Pii.mask(Pii.PiiClass.NAME, "𠮷田"));
    assertEquals("J*** S****", Pii.mask(Pii.PiiClass.NAME, "John Smith"));
    assertEquals("回电 138****8000", Pii.mask(Pii.PiiClass.FREE_TEXT, "回电 13800138000"));
    assertEquals("回电 13800138000", Pii.mask(Pii.PiiClass.NONE, "回电 13800138000"));
  }

  @Test
  public void maskText_R_COM_2() throws Exception {
    assertEquals("张先生来电 138****8000 反映3号楼电梯故障",
        Pii.maskText("张先生来电 13800138000 反映3号楼电梯故障"));
    Pii.Masked m = Pii.maskTextCount("身份证 110105199001011234，电话 (021)12345678、１３８００１３８０００");
    assertEquals("身份证 110105********1234，电话 (021)****5678、１３８＊＊＊＊８０００", m.text());
    assertEquals(3, m.count());
    m = Pii.maskTextCount("金额 13800138000.00，单号 138001380001");
    assertEquals("金额 13800138000.00，单号 138001380001", m.text());
    assertEquals(0, m.count());
  }

  @Test
  public void contains_R_COM_2() throws Exception {
    assertTrue(Pii.contains("请回电 138 0013 8000"));
    assertFalse(Pii.contains("3号楼电梯故障"));
  }

  @Test
  public void nullIsRefused() {
    try {
      Pii.maskText(null);
      fail("no exception");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.EINVAL, e.code());
      assertTrue(e.getMessage(), e.getMessage().contains("text: must not be NULL"));
    }
  }
}
