/**
 * Export and import of curated few-shot defect datasets.
 * <p>
 * Entry points: {@link io.defectstudio.training.datasets.DatasetExporter#export} (a project or a list of
 * {@link io.defectstudio.training.datasets.DatasetItem}s, an {@link io.defectstudio.training.datasets.ExportSelection},
 * an {@link io.defectstudio.training.datasets.ExportFormat}, a new folder) and
 * {@link io.defectstudio.training.datasets.DatasetImporter#importInto} / {@code preview} (a source folder, an
 * {@link io.defectstudio.training.datasets.ImportFormat} or {@code AUTO}).
 * <p>
 * Every export holds {@code manifest.json} (selection, class numbering, per item: class, image and mask paths,
 * image SHA-256, provenance; and path, size and SHA-256 of every other file) and {@code SHA256SUMS}
 * ({@code sha256sum -c} compatible, every file including the manifest). Masks are binary 8-bit grey PNG,
 * 255 = defect (stored value >= 128), 0 = background; images are copied byte for byte.
 * <p>
 * Layouts (written by the classes in {@code layout} and {@code coco}, whose comments give the exact file names):
 * Surface Defect-4i ({@code <Class>/Images|GT|Nd}, TGRNet {@code data_list/{train,test}/fold_<f>_*.txt}),
 * FSSD-12 ({@code <Class>/Images|GT}, CPANet {@code data_list/{train,val}/fold<f>_defect.txt}),
 * COCO ({@code images/} + {@code annotations.json}, one compressed-RLE instance per 8-connected component),
 * PNG masks ({@code images/<Class>/<name>} + {@code masks/<Class>/<stem>.png}).
 * Imports also read image/mask pair folders (magnetic-tile {@code MT_<Class>/Imgs/<stem>.jpg + <stem>.png}) and
 * labelme JSON.
 */
package io.defectstudio.training.datasets;
