package io.defectstudio.training.episodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.training.testdata.SyntheticData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Defect8iSourceTest {

    @TempDir
    Path data;

    @Test
    void parsesBothDataSetsInTheirOwnLayouts() throws Exception {
        SyntheticData.writeDefect8i(data, 4, 32, 1);
        Defect8iSource source = Defect8iSource.open(data);

        assertEquals(FoldSplit.DEFECT8I_CLASSES, source.classNames());
        assertEquals(4, source.samples("MT_Crack").size());
        assertEquals(4, source.samples("Steel_Pa").size());
        assertEquals(4, source.normalSamples().size(), "MT_Free tiles are normals, not a class");
        Sample steel = source.samples("Steel_In").get(0);
        assertEquals("sd-saliency-900/SD-saliency-900/Source Images/In_1.bmp", steel.id());
        assertTrue(source.samples("MT_Fray").get(0).id().startsWith("magnetic-tile/MT_Fray/Imgs/exp_"));
        BufferedImage image = steel.image();
        BufferedImage mask = steel.mask();
        assertEquals(image.getWidth(), mask.getWidth());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, mask.getType());
        assertEquals(0, source.normalSamples().get(0).mask().getRaster().getSample(5, 5, 0));
    }

    @Test
    void aMissingDataDirectoryIsATypedError() {
        assertThrows(EpisodeDataException.class, () -> Defect8iSource.open(data.resolve("nothing")));
    }

    @Test
    void anUnreadableImageIsATypedError() throws Exception {
        SyntheticData.writeDefect8i(data, 2, 32, 1);
        Path broken = data.resolve("magnetic-tile/MT_Crack/Imgs/exp_0.jpg");
        Files.write(broken, new byte[] {1, 2, 3});
        Sample sample = Defect8iSource.open(data).samples("MT_Crack").get(0);
        EpisodeDataException e = assertThrows(EpisodeDataException.class, sample::image);
        assertTrue(e.getMessage().contains("exp_0.jpg"), e.getMessage());
        assertThrows(EpisodeDataException.class, () -> Defect8iSource.open(data).samples("MT_Nope"));
    }
}
