package io.defectstudio.training.episodes.synthetic;

import io.defectstudio.training.episodes.Episode;
import io.defectstudio.training.episodes.EpisodeDataException;
import io.defectstudio.training.episodes.EpisodeSource;
import io.defectstudio.training.episodes.EpisodeStream;
import io.defectstudio.training.episodes.ImageFiles;
import io.defectstudio.training.episodes.Sample;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Episodes of made-up defect classes painted on real surfaces: each episode draws a new {@link PseudoDefect} and paints
 * an instance of it on K + 1 different background images. With only a handful of real training classes a head learns
 * to recognise those classes; on these it can only succeed by matching the query against the supports.
 *
 * <p>Defects already in a background image stay unlabelled: the supports say which kind is wanted, not "any defect".
 */
public final class PseudoDefectEpisodes implements EpisodeStream {

    /** The class name that synthetic episodes carry. */
    public static final String CLASS_NAME = "pseudo-defect";

    private static final int MIN_TEXTURE_SIDE = 24;

    private final List<Sample> backgrounds;
    private final int shots;
    private final long seed;

    /**
     * @param backgrounds surfaces to paint on and to cut textures from (defect-free images and training-class images)
     */
    public PseudoDefectEpisodes(List<Sample> backgrounds, int shots, long seed) {
        if (backgrounds.size() < shots + 1) {
            throw new EpisodeDataException("Pseudo-defect episodes need " + (shots + 1) + " background images, got "
                    + backgrounds.size());
        }
        this.backgrounds = List.copyOf(backgrounds);
        this.shots = shots;
        this.seed = seed;
    }

    /** Pseudo-defects on a source's defect-free images and on its images of the given classes. */
    public static PseudoDefectEpisodes onSurfacesOf(EpisodeSource source, List<String> classes, int shots,
            long seed) {
        List<Sample> surfaces = new ArrayList<>(source.normalSamples());
        for (String name : classes) {
            surfaces.addAll(source.samples(name));
        }
        return new PseudoDefectEpisodes(surfaces, shots, seed);
    }

    @Override
    public Episode episode(long index) {
        SplittableRandom random = new SplittableRandom(seed * 0x2545F4914F6CDD1DL + index);
        BufferedImage texture = random.nextBoolean() ? textureCrop(random) : null;
        PseudoDefect defect = PseudoDefect.draw(random, texture);
        List<Sample> painted = new ArrayList<>(shots + 1);
        for (int k = 0; k <= shots; k++) {
            Sample background = backgrounds.get(random.nextInt(backgrounds.size()));
            painted.add(defect.paint(CLASS_NAME + "-" + index + "-" + k + "@" + background.id(),
                    ImageFiles.toGrey(background.image()), random.split()));
        }
        return new Episode(CLASS_NAME, painted.subList(1, painted.size()), painted.get(0));
    }

    private BufferedImage textureCrop(SplittableRandom random) {
        BufferedImage source = ImageFiles.toGrey(backgrounds.get(random.nextInt(backgrounds.size())).image());
        int side = Math.min(source.getWidth(), source.getHeight());
        int crop = Math.max(Math.min(side, MIN_TEXTURE_SIDE), (int) (side * (0.15 + 0.25 * random.nextDouble())));
        int x = random.nextInt(source.getWidth() - crop + 1);
        int y = random.nextInt(source.getHeight() - crop + 1);
        return source.getSubimage(x, y, crop, crop);
    }
}
