/**
 * DJL-facing internals of the inference module: engine setup, pre/post-processing, weight I/O and the segmenter
 * implementation.
 *
 * <p>Public only so that modules which themselves use DJL (training) feed networks exactly the tensors inference
 * does and can read and write bundles from blocks. Application code must not use this package: it exposes DJL types
 * and may change without notice. Every class here that touches the engine calls {@link
 * io.defectstudio.inference.engine.EngineSetup#prepare} first; other DJL users must do the same before their first
 * NDManager.
 */
package io.defectstudio.inference.engine;
