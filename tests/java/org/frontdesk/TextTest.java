package org.frontdesk;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import org.junit.Test;

/** The text module (issue 4) from Java. */
public class TextTest {
  @Test
  public void normalizeAndConvert() throws Exception {
    assertEquals("ABC 123", Text.normalize("  ＡＢＣ　１２３  "));
    assertEquals("", Text.normalize(""));
    assertEquals("长沙银行", Text.toSimplified("長沙銀行"));
    assertEquals("台湾", Text.toSimplified("臺灣"));
    assertEquals("長沙銀行", Text.toTraditional("长沙银行"));
    assertEquals("頭髮", Text.toTraditional("头发"));
  }

  @Test
  public void pinyinAndInitials() throws Exception {
    assertEquals("chong qing yin hang", Text.pinyin("重庆银行"));
    assertEquals("chang sha", Text.pinyin("长沙"));
    assertEquals("hang zhang", Text.pinyin("行长"));
    assertEquals("zhōng guó", Text.pinyin("中国", true));
    assertEquals("ji", Text.pinyin("𠮷"));
    assertEquals("A zuo 101 shi", Text.pinyin("A座101室"));
    assertEquals("shan tian fang", Text.namePinyin("单田芳"));
    assertEquals("shàn tián fāng", Text.namePinyin("单田芳", true));
    assertEquals("yu chi gong", Text.namePinyin("尉迟恭"));
    assertEquals("ou yang xiu", Text.namePinyin("欧阳修"));
    assertEquals("cqyh", Text.initials("重庆银行"));
    assertEquals("stf", Text.nameInitials("单田芳"));
  }

  @Test
  public void matchesAndSearchKeys() throws Exception {
    assertTrue(Text.matches("zs", "张三"));
    assertTrue(Text.matches("zhangs", "张三"));
    assertTrue(Text.matches("張", "张三"));
    assertFalse(Text.matches("angs", "张三"));
    assertEquals(0, Text.searchKey("").length);
    String[] names = {"张三", "单田芳", "長沙銀行", "欧阳修"};
    for (String q : new String[] {"zs", "stf", "yinhang", "oyx", "x", "san"}) {
      String qk = Text.searchQuery(q);
      Set<Integer> viaKeys = new HashSet<>();
      Set<Integer> viaScan = new HashSet<>();
      for (int i = 0; i < names.length; i++) {
        for (String k : Text.searchKey(names[i])) {
          if (k.startsWith(qk)) {
            viaKeys.add(i);
          }
        }
        if (Text.matches(q, names[i])) {
          viaScan.add(i);
        }
      }
      assertEquals(q, viaScan, viaKeys);
    }
    assertTrue(Text.searchQuery("一二三四五六七八九十一二三四五六七八九十一二三四五").getBytes("UTF-8").length
        <= Text.SEARCH_KEY_MAX);
  }

  @Test
  public void sorting() throws Exception {
    String[] names = {"张三", "单田芳", "李四", "阿凡提", "曾小明"};
    assertArrayEquals(new String[] {"阿凡提", "李四", "单田芳", "曾小明", "张三"}, Text.sortNames(names));
    assertArrayEquals(new String[] {"阿凡提", "曾小明", "单田芳", "李四", "张三"},
        Text.sortNames(names, Text.Order.PINYIN));
    assertArrayEquals(new String[] {"一", "丁", "王", "李"},
        Text.sortNames(new String[] {"李", "王", "丁", "一"}, Text.Order.STROKE));
    assertEquals(0, Text.sortNames(new String[0]).length);
    assertEquals(-1, Text.compare("单", "孙", Text.Order.NAME));
    assertEquals(1, Text.compare("单", "邓", Text.Order.NAME));
    assertTrue(Arrays.compareUnsigned(Text.sortKey("李四"), Text.sortKey("张三")) < 0);
    assertTrue(Arrays.compareUnsigned(Text.naturalKey("2-101"), Text.naturalKey("2-1001")) < 0);
    assertTrue(Arrays.compareUnsigned(Text.naturalKey("2-1001"), Text.naturalKey("10-101")) < 0);
    assertArrayEquals(Text.naturalKey("2-101"), Text.naturalKey("２-１０１"));
    try {
      Text.sortNames(new String[] {"a\nb"});
      fail("a line break in a name");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.EINVAL, e.code());
    }
  }

  @Test
  public void widthTruncatePad() throws Exception {
    assertEquals(4, Text.displayWidth("长沙"));
    assertEquals(1, Text.displayWidth("e\u0301"));
    assertEquals("长沙…", Text.truncate("长沙银行", 5));
    assertEquals("a...", Text.truncate("abcdef", 4, "..."));
    assertEquals("长沙  ", Text.pad("长沙", 6));
    assertEquals("  长沙", Text.pad("长沙", 6, Text.Align.RIGHT));
    assertEquals(" 长沙  ", Text.pad("长沙", 7, Text.Align.CENTER));
    try {
      Text.truncate("x", -1);
      fail("negative width");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.ERANGE, e.code());
    }
  }

  /** Issue 9: every line of the issue's cases and of the further cases of each kind, from Java. */
  @Test
  public void issue9Cases() throws Exception {
    Path data = Paths.get(System.getProperty("fd.source.dir", "."), "tests", "data");
    int n = 0;
    for (String file : new String[] {"text-round2.tsv", "text-round2-more.tsv"}) {
      List<String> lines = Files.readAllLines(data.resolve(file), StandardCharsets.UTF_8);
      for (String line : lines) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        String got;
        switch (f[0]) {
          case "matches": got = Text.matches(f[1], f[2]) ? "True" : "False"; break;
          case "display_width": got = Integer.toString(Text.displayWidth(f[1])); break;
          case "pinyin": got = Text.pinyin(f[1]); break;
          case "pinyin_tones": got = Text.pinyin(f[1], true); break;
          case "to_simplified": got = Text.toSimplified(f[1]); break;
          case "to_traditional": got = Text.toTraditional(f[1]); break;
          default: throw new AssertionError("unknown function " + f[0]);
        }
        assertEquals(line, f[f.length - 1], got);
        n++;
      }
    }
    assertTrue(n > 120);
  }

  /** Issue 9 kinds 4 and 5: keys agree with pinyin; pad and truncate count an emoji sequence as 2. */
  @Test
  public void keysAgreeWithPinyinAndEmojiWidth() throws Exception {
    for (String s : new String[] {"乾安县", "松原市乾安縣", "开拓物业", "長沙銀行", "都安瑶族自治县"}) {
      assertTrue(s, Text.matches(Text.pinyin(s).replace(" ", ""), s));
      assertTrue(s, Text.matches(Text.initials(s), s));
    }
    assertEquals(2, Text.displayWidth("👍🏽"));
    assertEquals("👍🏽  ", Text.pad("👍🏽", 4));
    assertEquals("👍🏽👍🏽…", Text.truncate("👍🏽👍🏽👍🏽", 5));
  }
}
