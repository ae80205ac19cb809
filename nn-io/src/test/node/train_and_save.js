// node train_and_save.js OUT_FOLDER
// tfjs builds and trains a small batch-normalized MLP on fixed pseudo-random data, saves it as a
// layers-model folder (as tfjs itself writes it: no InputLayer, batch_input_shape on the first layer,
// names like dense_Dense1), and writes inputs.f32 and predictions.f32 (inference mode) beside it.
'use strict';
const path = require('path');
const { tf, tfl, ready, saveFolder, writeFloats } = require('./tfjs');

function lcg(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

async function main([folder]) {
  await ready();
  const random = lcg(12345);
  const rows = 96, features = 8, classes = 4;
  const x = new Float32Array(rows * features).map(() => random() * 2 - 1);
  const y = new Float32Array(rows * classes);
  for (let r = 0; r < rows; r++) {
    y[r * classes + Math.floor(random() * classes)] = 1;
  }
  const model = tfl.sequential();
  model.add(tfl.layers.dense({ units: 16, inputShape: [features], useBias: false, kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }) }));
  model.add(tfl.layers.batchNormalization());
  model.add(tfl.layers.activation({ activation: 'relu' }));
  model.add(tfl.layers.dense({ units: 12, activation: 'elu', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }));
  model.add(tfl.layers.batchNormalization({ momentum: 0.9, epsilon: 0.01 }));
  model.add(tfl.layers.dense({ units: classes, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({ seed: 3 }) }));
  model.compile({ optimizer: tf.train.sgd(0.05), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  await model.fit(tf.tensor2d(x, [rows, features]), tf.tensor2d(y, [rows, classes]),
    { epochs: 3, batchSize: 16, shuffle: false, verbose: 0 });
  await saveFolder(model, folder, { includeOptimizer: true });
  const probabilities = model.predict(tf.tensor2d(x, [rows, features]));
  writeFloats(path.join(folder, 'inputs.f32'), x);
  writeFloats(path.join(folder, 'predictions.f32'), probabilities.dataSync());
  console.log(`trained and saved ${model.layers.length} layers to ${folder}`);
}

main(process.argv.slice(2)).catch((e) => { console.error(e.stack || e); process.exit(1); });
