#!/usr/bin/env python3
"""Writes the fixed crack episode lists (small defects on larger images) in the Defect-8i TSV format.

Classes: KSDD_Crack (kolektorsdd, 500x1250 commutator images) and Road_Crack (crackforest, 480x320 asphalt).
Both datasets are non-commercial, research-only: the lists name files in ../shared/data, they copy none.
Usage: scripts/make-crack-episodes.py DATA_DIR OUT_DIR [EPISODES_PER_CLASS]
"""
import os
import random
import sys

CLASSES = {
    "KSDD_Crack": ("kolektorsdd/KSDD_Crack/Images", ".jpg", "kolektorsdd/KSDD_Crack/GT", ".png"),
    "Road_Crack": ("crackforest/Road_Crack/Images", ".jpg", "crackforest/Road_Crack/GT", ".png"),
}
HEADER = "episode\tclass\tquery_image\tquery_mask\tsupport_images\tsupport_masks"


def pairs(data, images, ext, masks, mext):
    stems = sorted(f[: -len(ext)] for f in os.listdir(os.path.join(data, images)) if f.endswith(ext))
    return [(f"{images}/{s}{ext}", f"{masks}/{s}{mext}") for s in stems
            if os.path.exists(os.path.join(data, masks, s + mext))]


def main():
    data, out = sys.argv[1], sys.argv[2]
    per_class = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    for shots in (1, 5):
        rng = random.Random(20261202 + shots)
        rows = []
        for cls, spec in CLASSES.items():
            items = pairs(data, *spec)
            for _ in range(per_class):
                query, *support = rng.sample(items, shots + 1)
                rows.append((cls, query, support))
        rng.shuffle(rows)
        with open(os.path.join(out, f"cracks_{shots}shot.tsv"), "w") as f:
            f.write(HEADER + "\n")
            for i, (cls, q, s) in enumerate(rows):
                f.write("\t".join([str(i), cls, q[0], q[1], "|".join(p[0] for p in s), "|".join(p[1] for p in s)])
                        + "\n")


if __name__ == "__main__":
    main()
