// Loads TensorFlow.js (pure JavaScript: core, layers, CPU backend) and reads/writes layers-model folders
// the way tfjs's own file handler lays them out: model.json + weights.bin.
'use strict';
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const tfl = require('@tensorflow/tfjs-layers');

async function ready() {
  await tf.setBackend('cpu');
  await tf.ready();
}

async function loadFolder(folder) {
  const modelJson = JSON.parse(fs.readFileSync(path.join(folder, 'model.json'), 'utf8'));
  const weightSpecs = [];
  const buffers = [];
  for (const group of modelJson.weightsManifest) {
    weightSpecs.push(...group.weights);
    for (const p of group.paths) {
      buffers.push(fs.readFileSync(path.join(folder, p)));
    }
  }
  const all = Buffer.concat(buffers);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  return tfl.loadLayersModel(tf.io.fromMemory({
    modelTopology: modelJson.modelTopology, weightSpecs, weightData, trainingConfig: modelJson.trainingConfig,
  }));
}

async function saveFolder(model, folder, config) {
  fs.mkdirSync(folder, { recursive: true });
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    fs.writeFileSync(path.join(folder, 'weights.bin'), Buffer.from(artifacts.weightData));
    const modelJson = {
      modelTopology: artifacts.modelTopology,
      format: artifacts.format,
      generatedBy: artifacts.generatedBy,
      convertedBy: artifacts.convertedBy,
      weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
    };
    if (artifacts.trainingConfig) {
      modelJson.trainingConfig = artifacts.trainingConfig;
    }
    fs.writeFileSync(path.join(folder, 'model.json'), JSON.stringify(modelJson));
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }), config);
}

function readFloats(file) {
  const bytes = fs.readFileSync(file);
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

function writeFloats(file, values) {
  fs.writeFileSync(file, Buffer.from(values.buffer, values.byteOffset, values.byteLength));
}

module.exports = { tf, tfl, ready, loadFolder, saveFolder, readFloats, writeFloats };
