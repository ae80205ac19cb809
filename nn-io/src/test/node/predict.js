// node predict.js MODEL_FOLDER INPUTS.f32 OUTPUTS.f32
// Loads a layers-model folder with tfjs and writes its predictions for the inputs (raw little-endian
// float32, one sample after another, each of the model's input shape) as raw float32.
'use strict';
const { tf, ready, loadFolder, readFloats, writeFloats } = require('./tfjs');

async function main([folder, inputs, outputs]) {
  await ready();
  const model = await loadFolder(folder);
  const sampleShape = model.inputs[0].shape.slice(1);
  const sampleSize = sampleShape.reduce((a, b) => a * b, 1);
  const x = readFloats(inputs);
  const rows = x.length / sampleSize;
  const probabilities = tf.tidy(() => model.predict(tf.tensor(x, [rows, ...sampleShape]), { batchSize: 256 }));
  writeFloats(outputs, probabilities.dataSync());
  console.log(`predicted ${rows} samples of shape [${sampleShape}] with ${model.layers.length} layers`);
}

main(process.argv.slice(2)).catch((e) => { console.error(e.stack || e); process.exit(1); });
