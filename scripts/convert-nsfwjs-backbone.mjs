#!/usr/bin/env node
// Converts a feature extractor of nsfwjs@4.4.0 (MIT, npm registry) into the product's backbone weights (safetensors,
// F16, the DJL parameter names of the backbone), and writes the reference activations that the backbone's port test
// compares the DJL port to. Run once per model; its outputs are committed.
//
//   node scripts/convert-nsfwjs-backbone.mjs mobilenet_v2_mid|inception_v3 WEIGHTS_OUT REFERENCE_OUT [nsfwjs-4.4.0.tgz]
//
// mobilenet_v2_mid is a TensorFlow.js graph model (BatchNorm already folded); inception_v3 a Keras layers model, whose
// BatchNorm (scale=False, epsilon 1e-3) is folded here: W' = W / sqrt(var + eps), b = beta - mean / sqrt(var + eps).
//
// Without a tarball it runs `npm pack nsfwjs@4.4.0`. The reference run needs @tensorflow/tfjs (npm install
// @tensorflow/tfjs@4.22.0 somewhere and set NODE_PATH to its node_modules).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TARBALL_SHA256 = '585cd178f3b994337c4d10a87b080d342fc52f8b9bf0085c4d1f345a3a1c5382';
const PREFIX = 'StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/StatefulPartitionedCall/'
  + 'StatefulPartitionedCall/predict/';
// Bottleneck index ranges of layer1..layer4 (expanded_conv_1..16); expanded_conv (0) belongs to the stem.
const STAGES = [[1, 2], [3, 5], [6, 12], [13, 16]];
// Outputs of the stages, for the reference activations.
const STAGE_NODES = {
  stride4: 'MobilenetV2/expanded_conv_2/add',
  stride8: 'MobilenetV2/expanded_conv_5/add',
  stride16: 'MobilenetV2/expanded_conv_12/add',
  stride32: 'MobilenetV2/expanded_conv_16/project/BatchNorm/FusedBatchNormV3',
};

const [modelName, weightsOut, referenceOut, tarballArg] = process.argv.slice(2);
if (!['mobilenet_v2_mid', 'inception_v3'].includes(modelName) || !weightsOut || !referenceOut) {
  console.error('usage: convert-nsfwjs-backbone.mjs mobilenet_v2_mid|inception_v3 WEIGHTS_OUT REFERENCE_OUT '
    + '[nsfwjs-4.4.0.tgz]');
  process.exit(2);
}
const MODEL_DIR = `package/dist/models/${modelName}`;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nsfwjs-'));
const tarball = tarballArg ?? path.join(work, execFileSync('npm', ['pack', 'nsfwjs@4.4.0'], { cwd: work })
  .toString().trim().split('\n').pop());
const sha = createHash('sha256').update(fs.readFileSync(tarball)).digest('hex');
if (sha !== TARBALL_SHA256) {
  throw new Error(`${tarball}: SHA-256 ${sha}, expected ${TARBALL_SHA256}`);
}
execFileSync('tar', ['xzf', tarball, '-C', work, MODEL_DIR]);
const require = createRequire(import.meta.url);
const dir = path.join(work, MODEL_DIR);
const model = require(path.join(dir, 'model.min.js'));

// The shards are base64 strings in browserify modules; concatenated they are the weight buffer of the manifest.
const specs = model.weightsManifest.flatMap((group) => group.weights);
const buffer = Buffer.concat(model.weightsManifest.flatMap((group) => group.paths)
  .map((p) => Buffer.from(require(path.join(dir, `${p}.min.js`)), 'base64')));

function dequantise(spec, bytes) {
  const count = spec.shape.reduce((a, b) => a * b, 1);
  const q = spec.quantization;
  if (spec.dtype !== 'float32') throw new Error(`${spec.name}: dtype ${spec.dtype}`);
  if (!q) return { values: new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + count * 4)), size: count * 4 };
  const values = new Float32Array(count);
  if (q.dtype === 'uint8' || q.dtype === 'uint16') {
    const wide = q.dtype === 'uint16';
    for (let i = 0; i < count; i++) values[i] = (wide ? bytes.readUInt16LE(2 * i) : bytes[i]) * q.scale + q.min;
    return { values, size: count * (wide ? 2 : 1) };
  }
  throw new Error(`${spec.name}: unsupported quantisation ${q.dtype}`);
}

const tf32 = new Map();
let offset = 0;
for (const spec of specs) {
  const { values, size } = dequantise(spec, buffer.subarray(offset));
  tf32.set(spec.name.replace(PREFIX, ''), { shape: spec.shape, values });
  offset += size;
}
if (offset !== buffer.length) throw new Error(`weights manifest covers ${offset} of ${buffer.length} bytes`);

// TF weight name -> DJL parameter name of MobileNetV2Backbone, or null for tensors the backbone drops.
function mobilenetName(name) {
  const kind = name.endsWith('_weights') ? 'weight' : 'bias';
  if (/^MobilenetV2\/Conv\/Conv2D_/.test(name)) return `01stem_01TfSameConv_01conv_${kind}`;
  const m = /^MobilenetV2\/expanded_conv(?:_(\d+))?\/(expand|depthwise|project)\//.exec(name);
  if (!m) return null;
  const index = Number(m[1] ?? 0);
  const part = { expand: 1, depthwise: 2, project: 3 }[m[2]];
  if (index === 0) return `01stem_02InvertedResidual_0${part - 1}${m[2]}_01conv_${kind}`;
  const stage = STAGES.findIndex(([a, b]) => index >= a && index <= b);
  const block = String(index - STAGES[stage][0] + 1).padStart(2, '0');
  return `0${stage + 2}layer${stage + 1}_${block}InvertedResidual_0${part}${m[2]}_01conv_${kind}`;
}

// HWIO (dense) or HWC1 (depthwise) -> OIHW.
function toOihw({ shape, values }, depthwise) {
  const [h, w, i, o] = shape;
  const out = new Float32Array(values.length);
  const outShape = depthwise ? [i, 1, h, w] : [o, i, h, w];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let c = 0; c < i; c++) for (let k = 0; k < o; k++) {
    const src = ((y * w + x) * i + c) * o + k;
    const dst = depthwise ? (c * h + y) * w + x : ((k * i + c) * h + y) * w + x;
    out[dst] = values[src];
  }
  return { shape: outShape, values: out };
}

function mobilenetTensors() {
  const tensors = [];
  for (const [name, tensor] of tf32) {
    const target = mobilenetName(name);
    if (target === null) continue;
    tensors.push([target, target.endsWith('_weight') ? toOihw(tensor, name.includes('/depthwise/')) : tensor]);
  }
  return tensors;
}

// The Keras layers of InceptionV3Backbone's stages, in order: convolutions, pools and mixedN modules.
const INCEPTION_STAGES = [
  ['conv2d_1', 'conv2d_2', 'conv2d_3'],
  ['max_pooling2d_1', 'conv2d_4', 'conv2d_5'],
  ['max_pooling2d_2', 'mixed0', 'mixed1', 'mixed2'],
  ['mixed3', 'mixed4', 'mixed5', 'mixed6', 'mixed7'],
  ['mixed8'],
];
const BN_EPSILON = 1e-3;
const pad2 = (n) => String(n).padStart(2, '0');

// conv2d_N with its BatchNorm folded in, under the DJL name prefix of its ConvUnit.
function foldedConv(layers, conv, prefix) {
  const bn = layers.find((l) => l.class_name === 'BatchNormalization' && l.inbound_nodes[0][0][0] === conv);
  const c = bn.config;
  if (c.scale !== false || c.center !== true || c.epsilon !== BN_EPSILON) throw new Error(`${bn.name}: ${JSON.stringify(c)}`);
  const kernel = toOihw(tf32.get(`${conv}/kernel`), false);
  const [beta, mean, variance] = ['beta', 'moving_mean', 'moving_variance'].map((k) => tf32.get(`${bn.name}/${k}`).values);
  const perOut = kernel.values.length / beta.length;
  const bias = new Float32Array(beta.length);
  for (let o = 0; o < beta.length; o++) {
    const inv = 1 / Math.sqrt(variance[o] + BN_EPSILON);
    for (let i = 0; i < perOut; i++) kernel.values[o * perOut + i] *= inv;
    bias[o] = beta[o] - mean[o] * inv;
  }
  return [[`${prefix}_01conv_weight`, kernel], [`${prefix}_01conv_bias`, { shape: [beta.length], values: bias }]];
}

function inceptionTensors() {
  const layers = model.modelTopology.model_config.config.layers;
  const byName = new Map(layers.map((l) => [l.name, l]));
  const inputOf = (name) => byName.get(name).inbound_nodes[0].map((n) => n[0]);
  const tensors = [];
  let previous = null;
  INCEPTION_STAGES.forEach((elements, stage) => {
    const stagePrefix = `${pad2(stage + 1)}${stage === 0 ? 'stem' : `layer${stage}`}`;
    elements.forEach((element, e) => {
      const prefix = `${stagePrefix}_${pad2(e + 1)}`;
      const layer = byName.get(element);
      if (layer.class_name === 'Conv2D') tensors.push(...foldedConv(layers, element, `${prefix}ConvUnit`));
      if (layer.class_name === 'Concatenate') {
        const blockInput = previous;
        inputOf(element).forEach((output, b) => {
          // Walk back from the branch's output to the module's input; keep convolutions and pools, in order.
          const chain = [];
          for (let at = output; at !== blockInput; at = inputOf(at)[0]) {
            const kind = byName.get(at).class_name;
            if (kind === 'Conv2D' || kind.endsWith('Pooling2D')) chain.unshift(at);
          }
          chain.forEach((unit, u) => {
            if (byName.get(unit).class_name === 'Conv2D') {
              tensors.push(...foldedConv(layers, unit, `${prefix}ParallelBlock_${pad2(b + 1)}SequentialBlock_${pad2(u + 1)}ConvUnit`));
            }
          });
        });
      }
      previous = element;
    });
  });
  return tensors;
}

const tensors = modelName === 'inception_v3' ? inceptionTensors() : mobilenetTensors();

function f16(value) {
  const f = new Float32Array([value]);
  const bits = new Uint32Array(f.buffer)[0];
  const sign = (bits >>> 16) & 0x8000;
  const exp = ((bits >>> 23) & 0xff) - 127 + 15;
  let mant = bits & 0x7fffff;
  if (exp <= 0) {
    if (exp < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - exp;
    return sign | ((mant + (1 << (shift - 1))) >>> shift);
  }
  if (exp >= 31) return sign | 0x7c00;
  const rounded = (exp << 10) + ((mant + 0x1000) >>> 13);
  return sign | Math.min(rounded, 0x7bff);
}

function writeSafetensors(file, named, dtype, metadata) {
  const header = { __metadata__: metadata };
  const chunks = [];
  let at = 0;
  for (const [name, { shape, values }] of named) {
    const bytes = Buffer.alloc(values.length * (dtype === 'F16' ? 2 : 4));
    values.forEach((v, i) => (dtype === 'F16' ? bytes.writeUInt16LE(f16(v), 2 * i) : bytes.writeFloatLE(v, 4 * i)));
    header[name] = { dtype, shape, data_offsets: [at, at + bytes.length] };
    chunks.push(bytes);
    at += bytes.length;
  }
  let json = Buffer.from(JSON.stringify(header));
  json = Buffer.concat([json, Buffer.alloc((8 - (json.length % 8)) % 8, 0x20)]);
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(json.length));
  fs.writeFileSync(file, Buffer.concat([length, json, ...chunks]));
}

const NETWORKS = {
  mobilenet_v2_mid: {
    source: 'TensorFlow.js graph model, uint8-quantised',
    network: 'MobileNetV2 width 1.4, ImageNet-initialised, fine-tuned by nsfwjs to 5 classes; BatchNorm folded',
    input: 'RGB in [0,1], scaled to [-1,1] (mean 0.5, std 0.5)',
  },
  inception_v3: {
    source: 'Keras layers model, uint8-quantised',
    network: 'InceptionV3 up to mixed8 (stride 32), ImageNet-initialised, fine-tuned by nsfwjs to 5 classes; '
      + 'BatchNorm folded by the converter',
    input: 'RGB in [0,1] as it is (mean 0, std 1)',
  },
};
const provenance = {
  source: `npm nsfwjs@4.4.0 dist/models/${modelName} (${NETWORKS[modelName].source})`,
  tarball_sha256: TARBALL_SHA256,
  licence: 'MIT (nsfwjs, Copyright (c) 2019 Infinite Red, Inc.)',
  network: NETWORKS[modelName].network,
  input: NETWORKS[modelName].input,
  converter: 'scripts/convert-nsfwjs-backbone.mjs',
};
writeSafetensors(weightsOut, tensors, 'F16', provenance);
console.log(`${weightsOut}: ${tensors.length} tensors (F16)`);

// Reference activations: the tfjs model itself on a small deterministic input of odd height and even width (both
// cases of TF's asymmetric SAME padding for MobileNetV2; floor sizes of the "valid" layers for InceptionV3).
const tf = require('@tensorflow/tfjs');
const [H, W] = modelName === 'inception_v3' ? [83, 96] : [37, 50];
let seed = 12345;
const pixels = Float32Array.from({ length: H * W * 3 }, () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
});
const image = tf.tensor4d(pixels, [1, H, W, 3]);
const stageNames = ['stride4', 'stride8', 'stride16', 'stride32'];

async function mobilenetStages() {
  const topology = JSON.parse(JSON.stringify(model.modelTopology));
  const input = topology.node.find((n) => n.op === 'Placeholder');
  input.attr.shape.shape.dim = [{ size: '-1' }, { size: '-1' }, { size: '-1' }, { size: '3' }];
  const graph = await tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: topology, weightSpecs: specs, weightData: buffer.buffer.slice(buffer.byteOffset,
      buffer.byteOffset + buffer.length), format: 'graph-model' }));
  return graph.execute(image, stageNames.map((n) => PREFIX + STAGE_NODES[n]));
}

// The Keras model cut after mixed8, any input size, with the stages' layers as outputs and the dequantised weights.
async function inceptionStages() {
  const topology = JSON.parse(JSON.stringify(model.modelTopology));
  const config = topology.model_config.config;
  config.layers = config.layers.slice(0, config.layers.findIndex((l) => l.name === 'mixed8') + 1);
  config.layers[0].config.batch_input_shape = [null, null, null, 3];
  config.output_layers = ['activation_5', 'mixed2', 'mixed7', 'mixed8'].map((n) => [n, 0, 0]);
  const net = await tf.models.modelFromJSON(topology.model_config);
  for (const layer of net.layers) {
    if (layer.weights.length === 0) continue;
    layer.setWeights(layer.weights.map((w) => {
      const { shape, values } = tf32.get(w.originalName);
      return tf.tensor(values, shape);
    }));
  }
  return net.predict(image);
}

const outputs = await (modelName === 'inception_v3' ? inceptionStages() : mobilenetStages());
const nchw = (t) => {
  const [n, h, w, c] = t.shape;
  return { shape: [n, c, h, w], values: t.transpose([0, 3, 1, 2]).dataSync() };
};
const reference = [['input', nchw(image)], ...stageNames.map((n, i) => [n, nchw(outputs[i])])];
writeSafetensors(referenceOut, reference, 'F32', { ...provenance, reference: 'tfjs ' + tf.version.tfjs
  + ' cpu backend; input in [0,1], NCHW' });
console.log(`${referenceOut}: ${reference.map(([n, t]) => `${n} ${t.shape}`).join(', ')}`);
fs.rmSync(work, { recursive: true, force: true });
