// Runs nnlib's page JavaScript (the asset files themselves) in Node for the Python tests.
// Usage: node tests/js/run.js < job.json, where job = {files: [paths], calls: [{fn, args}]};
// each call is a function of nnlibWeb named by a dotted path (e.g. "train.fit") or one of the
// helpers below; the results are printed as one JSON array.
"use strict";
const fs = require("fs");
const vm = require("vm");

globalThis.window = globalThis;
const job = JSON.parse(fs.readFileSync(0, "utf8"));
for (const file of job.files) vm.runInThisContext(fs.readFileSync(file, "utf8"), {filename: file});
const W = globalThis.nnlibWeb;

const helpers = {
  // fit a copy of `spec` and return its history and the trained network (as to_dict)
  // (as nnlib: a diverging epoch is undone and stops training; diverged is its 0-based index)
  fit(spec, X, y, options) {
    const net = W.train.network(spec);
    try {
      return {history: W.train.fit(net, X, y, options), network: W.train.toSpec(net), diverged: null};
    } catch (error) {
      if (!(error instanceof W.train.TrainingDiverged)) throw error;
      return {history: error.history, network: W.train.toSpec(net), diverged: error.epoch};
    }
  },
  // `steps` calls of step on the whole of (X, y): the losses and the trained network
  steps(spec, X, y, learningRate, steps) {
    const net = W.train.network(spec), losses = [];
    for (let i = 0; i < steps; i++) losses.push(W.train.step(net, X, y, learningRate));
    return {losses, network: W.train.toSpec(net)};
  },
};

function lookup(path) {
  if (helpers[path]) return helpers[path];
  return path.split(".").reduce((o, k) => o[k], W);
}

// JSON has no NaN or Infinity: send them as strings
const replacer = (key, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v);
const results = job.calls.map((call) => lookup(call.fn)(...call.args));
process.stdout.write(JSON.stringify(results, replacer));
