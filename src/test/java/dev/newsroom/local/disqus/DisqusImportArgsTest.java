package dev.newsroom.local.disqus;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DisqusImportArgsTest {
    @Test
    void noFile_twoFiles_orAnUnknownOption_exitWithUsage_beforeOpeningAnyDatabase() {
        assertEquals(2, DisqusImport.run(new String[]{}, Map.of()));
        assertEquals(2, DisqusImport.run(new String[]{"a.xml", "b.xml"}, Map.of()));
        assertEquals(2, DisqusImport.run(new String[]{"--pages"}, Map.of()));
    }

    @Test
    void aDisqusMessage_becomesACommentsText() {
        assertEquals("One.\n\nTwo\nlines.", DisqusMapper.text("<p>One.</p>\n<p class=\"x\">Two<br/>lines.</p>"));
        assertEquals("Plain <b>bold</b>", DisqusMapper.text("Plain <b>bold</b>"));
    }
}
