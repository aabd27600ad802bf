package dev.newsroom.local.wordpress;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WordPressImportArgsTest {
    @Test
    void noFile_twoFiles_orAnUnknownOption_exitWithUsage_beforeOpeningAnyDatabase() {
        assertEquals(2, WordPressImport.run(new String[]{}, Map.of()));
        assertEquals(2, WordPressImport.run(new String[]{"a.xml", "b.xml"}, Map.of()));
        assertEquals(2, WordPressImport.run(new String[]{"--all"}, Map.of()));
    }

    @Test
    void aMediaBaseThatIsNotAnHttpsUrl_exitsWithUsage() {
        assertEquals(2, WordPressImport.run(new String[]{"a.xml", "--media-base"}, Map.of()));
        assertEquals(2, WordPressImport.run(new String[]{"a.xml", "--media-base", "http://media.example/"}, Map.of()));
        assertEquals(2, WordPressImport.run(new String[]{"a.xml", "--media-base", "https://media.example/ x"}, Map.of()));
    }
}
