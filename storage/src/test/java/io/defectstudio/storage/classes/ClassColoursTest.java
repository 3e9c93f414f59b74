package io.defectstudio.storage.classes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassColoursTest {

    @Test
    void aNewClassTakesTheFirstColourNoClassUses() {
        assertEquals("#E6194B", ClassColours.next(List.of()));
        assertEquals("#3CB44B", ClassColours.next(List.of("#e6194b")), "case does not matter");
        assertEquals("#4363D8", ClassColours.next(List.of("#E6194B", "#3CB44B", "#FFE119")));
        assertEquals("#E6194B", ClassColours.next(List.of("#123456")), "a custom colour takes nothing away");
    }

    @Test
    void tenClassesAllDifferThenThePaletteRepeats() {
        List<String> used = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String c = ClassColours.next(used);
            for (String u : used) {
                assertNotEquals(u, c);
            }
            used.add(c);
        }
        assertEquals(ClassColours.PALETTE.get(0), ClassColours.next(used));
    }
}
