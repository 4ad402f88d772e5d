// nnlib's training loop in JavaScript: the twin of Network.step and Network.fit (shuffle=False)
// for networks of Dense layers, so that a static page can train a network as nnlib does.
//
// Shapes follow nnlib: a batch is the rows of a matrix, stored row by row in a Float64Array;
// a layer's weights are (n_inputs x n_outputs), also row by row. For every batch:
//   forward:  z = a_prev W + b,  a = f(z)                       (Dense.forward)
//   backward: delta = dL/dz of the last layer from the loss, then for each layer
//             grad_W = a_prev^T delta, grad_b = column sums of delta,
//             dL/da_prev = delta W^T, and delta_prev = f'(z_prev) * dL/da_prev
//   update:   W -= learning_rate * grad_W, b -= learning_rate * grad_b (every layer at once,
//             after the whole backward pass)
// The losses are nnlib's: "sse" (sum of squared errors), "mse", and the cross-entropies in
// their combined form from z ("binary_crossentropy" after a sigmoid, "categorical_crossentropy"
// after a softmax). fit visits the rows in order (nnlib's fit with shuffle=False), and its
// history holds, per epoch, the loss and accuracy of the outputs as each batch saw them. As in
// nnlib, an epoch (or a step) that ends with a loss or a weight that is not finite is undone
// and a TrainingDiverged error thrown, with the epoch and the history of the epochs before it.
(function (W) {
  "use strict";
  const sigmoid = W.sigmoid;
  const LOSSES = ["sse", "mse", "binary_crossentropy", "categorical_crossentropy"];
  const LEAKY_SLOPE = W.LEAKY_SLOPE;

  // A matrix from rows (an array of arrays) or {rows, cols, data}.
  function matrix(m) {
    if (m && m.data instanceof Float64Array) return m;
    const rows = m.length, cols = rows ? m[0].length : 0, data = new Float64Array(rows * cols);
    for (let r = 0; r < rows; r++) {
      if (m[r].length !== cols) throw new Error("nnlib: rows of different lengths");
      for (let c = 0; c < cols; c++) data[r * cols + c] = m[r][c];
    }
    return {rows, cols, data};
  }

  // Targets as nnlib's check_y makes them: a column of 0/1 (or values) for one output,
  // one-hot rows for integer labels and several outputs.
  function targets(y, rows, outputs) {
    if (Array.isArray(y) && y.length && Array.isArray(y[0])) {
      const t = matrix(y);
      if (t.rows !== rows || t.cols !== outputs) throw new Error("nnlib: targets of the wrong shape");
      return t;
    }
    const data = new Float64Array(rows * outputs);
    for (let r = 0; r < rows; r++) {
      if (outputs === 1) data[r] = y[r];
      else data[r * outputs + y[r]] = 1;
    }
    return {rows, cols: outputs, data};
  }

  // A trainable copy of a Network.to_dict() network.
  function network(spec) {
    if (!LOSSES.includes(spec.loss)) throw new Error("nnlib: the twin cannot train with loss " + spec.loss);
    const layers = spec.layers.map((l) => ({
      nIn: l.n_inputs, nOut: l.n_outputs, activation: l.activation,
      slope: (l.activation_params || {}).slope ?? LEAKY_SLOPE,
      useBias: l.use_bias !== false,
      W: matrix(l.weights).data, b: Float64Array.from(l.bias),
      z: null, a: null, delta: null, gW: new Float64Array(l.n_inputs * l.n_outputs),
      gb: new Float64Array(l.n_outputs), gIn: null,
    }));
    return {layers, loss: spec.loss, capacity: 0, scratch: {}};
  }

  // Back to the plain form of Network.to_dict() (for the forward pass and the pictures).
  function toSpec(net) {
    return {format: "nnlib-network", version: 1, loss: net.loss, layers: net.layers.map((l) => {
      const weights = [];
      for (let i = 0; i < l.nIn; i++) weights.push(Array.from(l.W.subarray(i * l.nOut, (i + 1) * l.nOut)));
      return {n_inputs: l.nIn, n_outputs: l.nOut, activation: l.activation,
              activation_params: l.activation === "leaky_relu" ? {slope: l.slope} : {},
              use_bias: l.useBias, weights, bias: Array.from(l.b)};
    })};
  }

  function reserve(net, rows) {          // work arrays for batches of up to `rows` rows
    if (net.capacity >= rows) return;
    for (const l of net.layers) {
      l.z = new Float64Array(rows * l.nOut);
      l.a = new Float64Array(rows * l.nOut);
      l.delta = new Float64Array(rows * l.nOut);
      l.gIn = new Float64Array(rows * l.nIn);
    }
    net.capacity = rows;
  }

  // a = f(z) for `n` rows of layer l
  function activate(l, n) {
    const z = l.z, a = l.a, size = n * l.nOut;
    switch (l.activation) {
      case "linear": for (let k = 0; k < size; k++) a[k] = z[k]; return;
      case "sigmoid": for (let k = 0; k < size; k++) a[k] = sigmoid(z[k]); return;
      case "tanh": for (let k = 0; k < size; k++) a[k] = Math.tanh(z[k]); return;
      case "relu": for (let k = 0; k < size; k++) a[k] = Math.max(z[k], 0); return;
      case "leaky_relu": for (let k = 0; k < size; k++) a[k] = z[k] > 0 ? z[k] : l.slope * z[k]; return;
      case "softmax":
        for (let r = 0; r < n; r++) {
          const o = r * l.nOut;
          let m = -Infinity, total = 0;
          for (let j = 0; j < l.nOut; j++) m = Math.max(m, z[o + j]);
          for (let j = 0; j < l.nOut; j++) { a[o + j] = Math.exp(z[o + j] - m); total += a[o + j]; }
          for (let j = 0; j < l.nOut; j++) a[o + j] /= total;
        }
        return;
    }
    throw new Error("nnlib: unknown activation " + l.activation);
  }

  // delta = dL/dz from g = dL/da (in l.delta on entry), as Activation.backward does
  function activationBackward(l, n) {
    const z = l.z, a = l.a, d = l.delta, size = n * l.nOut;
    switch (l.activation) {
      case "linear": return;
      case "sigmoid": for (let k = 0; k < size; k++) d[k] = d[k] * a[k] * (1 - a[k]); return;
      case "tanh": for (let k = 0; k < size; k++) d[k] = d[k] * (1 - a[k] * a[k]); return;
      case "relu": for (let k = 0; k < size; k++) d[k] = d[k] * (z[k] > 0 ? 1 : 0); return;
      case "leaky_relu": for (let k = 0; k < size; k++) d[k] = d[k] * (z[k] > 0 ? 1 : l.slope); return;
      case "softmax":
        for (let r = 0; r < n; r++) {
          const o = r * l.nOut;
          let dot = 0;
          for (let j = 0; j < l.nOut; j++) dot += d[o + j] * a[o + j];
          for (let j = 0; j < l.nOut; j++) d[o + j] = a[o + j] * (d[o + j] - dot);
        }
        return;
    }
    throw new Error("nnlib: unknown activation " + l.activation);
  }

  // Forward pass of rows [start, start + n) of X; returns the last layer.
  function forwardRows(net, X, start, n) {
    reserve(net, n);
    let input = X.data, offset = start * X.cols;
    for (const l of net.layers) {
      const w = l.W, b = l.b, z = l.z, nIn = l.nIn, nOut = l.nOut;
      for (let r = 0, ai = offset, zo = 0; r < n; r++, ai += nIn, zo += nOut) {
        for (let j = 0; j < nOut; j++) z[zo + j] = 0;
        for (let i = 0, wi = 0; i < nIn; i++, wi += nOut) {    // z_row += a_i * W[i, :]
          const x = input[ai + i];
          for (let j = 0; j < nOut; j++) z[zo + j] += x * w[wi + j];
        }
        for (let j = 0; j < nOut; j++) z[zo + j] += b[j];       // X @ W + b: the bias last
      }
      activate(l, n);
      input = l.a;
      offset = 0;
    }
    return net.layers[net.layers.length - 1];
  }

  // grad_W = inputs^T delta and grad_b = column sums of delta, summed over the n rows of the
  // batch in blocks of BLOCK rows whose partial sums are added with Neumaier's compensation:
  // about as accurate as NumPy's BLAS and pairwise sums (a plain running sum over a thousand
  // rows would lose about a thousand times the rounding error of one addition).
  const BLOCK = 32;
  function sumRows(n, nIn, nOut, gW, gb, useBias, input, offset, delta, scratch) {
    const size = nIn * nOut, all = size + nOut;
    if (!scratch.part || scratch.part.length < all) {
      scratch.part = new Float64Array(all);
      scratch.total = new Float64Array(all);
      scratch.carry = new Float64Array(all);
    }
    const part = scratch.part, total = scratch.total, carry = scratch.carry;
    total.fill(0, 0, all); carry.fill(0, 0, all);
    for (let first = 0; first < n; first += BLOCK) {
      const last = Math.min(first + BLOCK, n);
      for (let i = 0; i < nIn; i++) {                 // the block's share of grad_W[i, j]
        for (let j = 0; j < nOut; j++) {
          let s = 0;
          for (let r = first, ai = offset + first * nIn + i, dr = first * nOut + j; r < last;
               r++, ai += nIn, dr += nOut) s += input[ai] * delta[dr];
          part[i * nOut + j] = s;
        }
      }
      for (let j = 0; j < nOut; j++) {                 // and of grad_b[j]
        let s = 0;
        if (useBias) for (let r = first, dr = first * nOut + j; r < last; r++, dr += nOut) s += delta[dr];
        part[size + j] = s;
      }
      for (let q = 0; q < all; q++) {                  // total += part, compensated
        const a = total[q], b = part[q], t = a + b;
        carry[q] += Math.abs(a) >= Math.abs(b) ? (a - t) + b : (b - t) + a;
        total[q] = t;
      }
    }
    for (let q = 0; q < size; q++) gW[q] = total[q] + carry[q];
    for (let j = 0; j < nOut; j++) gb[j] = total[size + j] + carry[size + j];
  }

  // The loss of n outputs (z, a, from row 0) against targets Y from row `start`, summed in
  // blocks with compensation (as sumRows).
  function lossValue(loss, z, a, Y, start, n) {
    const k = Y.cols, t = Y.data, o = start * k, size = n * k;
    let total = 0, carry = 0;
    const add = (part) => {
      const s = total + part;
      carry += Math.abs(total) >= Math.abs(part) ? (total - s) + part : (part - s) + total;
      total = s;
    };
    switch (loss) {
      case "sse":
      case "mse":
        for (let first = 0; first < size; first += BLOCK) {
          let part = 0;
          for (let q = first, last = Math.min(first + BLOCK, size); q < last; q++) {
            const e = a[q] - t[o + q];
            part += e * e;
          }
          add(part);
        }
        return loss === "sse" ? total + carry : (total + carry) / size;
      case "binary_crossentropy":
        for (let first = 0; first < size; first += BLOCK) {
          let part = 0;
          for (let q = first, last = Math.min(first + BLOCK, size); q < last; q++) {
            const v = z[q];
            part += Math.max(v, 0) - v * t[o + q] + Math.log1p(Math.exp(-Math.abs(v)));
          }
          add(part);
        }
        return (total + carry) / size;
      case "categorical_crossentropy":
        for (let first = 0; first < n; first += BLOCK) {
          let part = 0;
          for (let r = first, last = Math.min(first + BLOCK, n); r < last; r++) {
            let m = -Infinity, s = 0;
            for (let j = 0; j < k; j++) m = Math.max(m, z[r * k + j]);
            for (let j = 0; j < k; j++) s += Math.exp(z[r * k + j] - m);
            const lse = m + Math.log(s);
            for (let j = 0; j < k; j++) part += t[o + r * k + j] * (lse - z[r * k + j]);
          }
          add(part);
        }
        return (total + carry) / n;
    }
    throw new Error("nnlib: unknown loss " + loss);
  }

  // Backpropagate the last forward pass (n rows, inputs X from row `start`) against Y, then
  // take one gradient-descent step on every layer.
  function update(net, X, Y, start, n, learningRate) {
    const layers = net.layers, last = layers[layers.length - 1], k = last.nOut;
    const t = Y.data, o = start * k, size = n * k, d = last.delta, a = last.a;
    switch (net.loss) {
      case "sse": for (let q = 0; q < size; q++) d[q] = 2 * (a[q] - t[o + q]); break;
      case "mse": for (let q = 0; q < size; q++) d[q] = 2 * (a[q] - t[o + q]) / size; break;
      case "binary_crossentropy": for (let q = 0; q < size; q++) d[q] = (a[q] - t[o + q]) / size; break;
      case "categorical_crossentropy": for (let q = 0; q < size; q++) d[q] = (a[q] - t[o + q]) / n; break;
    }
    if (net.loss === "sse" || net.loss === "mse") activationBackward(last, n);
    for (let li = layers.length - 1; li >= 0; li--) {
      const l = layers[li], nIn = l.nIn, nOut = l.nOut, delta = l.delta, gW = l.gW, gb = l.gb, w = l.W;
      const input = li ? layers[li - 1].a : X.data, offset = li ? 0 : start * X.cols;
      sumRows(n, nIn, nOut, gW, gb, l.useBias, input, offset, delta, net.scratch);
      if (li) {                                  // dL/da of the layer below, then its delta
        const below = layers[li - 1], g = below.delta;
        for (let r = 0, dr = 0, gr = 0; r < n; r++, dr += nOut, gr += nIn) {
          for (let i = 0, row = 0; i < nIn; i++, row += nOut) {
            let s = 0;
            for (let j = 0; j < nOut; j++) s += delta[dr + j] * w[row + j];
            g[gr + i] = s;
          }
        }
        activationBackward(below, n);
      }
    }
    for (const l of layers) {
      const w = l.W, gW = l.gW, b = l.b, gb = l.gb;
      for (let q = 0; q < w.length; q++) w[q] -= learningRate * gW[q];
      if (l.useBias) for (let j = 0; j < b.length; j++) b[j] -= learningRate * gb[j];
    }
  }

  // Every weight and bias in one flat copy (nnlib's validation.parameters), and back.
  function parameters(net) {
    const out = [];
    for (const l of net.layers) out.push(l.W.slice(), l.b.slice());
    return out;
  }
  function restore(net, saved) {
    net.layers.forEach((l, i) => { l.W.set(saved[2 * i]); l.b.set(saved[2 * i + 1]); });
  }

  class TrainingDiverged extends Error {
    constructor(message, epoch, learningRate, history) {
      super(message);
      this.name = "TrainingDiverged";
      this.epoch = epoch; this.learningRate = learningRate; this.history = history;
    }
  }

  // nnlib's check_converging: a loss or parameter that is not finite (or parameters whose sum
  // overflows) puts `before` back and throws TrainingDiverged.
  function checkConverging(net, before, loss, learningRate, epoch, history) {
    let sum = 0;
    for (const l of net.layers) {
      for (let q = 0; q < l.W.length; q++) sum += l.W[q];
      for (let q = 0; q < l.b.length; q++) sum += l.b[q];
    }
    if (Number.isFinite(loss) && Number.isFinite(sum)) return;
    restore(net, before);
    const where = epoch == null ? "in this step" : "in epoch " + (epoch + 1) + " (epoch=" + epoch + ")";
    const what = Number.isFinite(loss) ? "a weight became NaN or inf" : "the loss became " + loss;
    throw new TrainingDiverged("training diverged " + where + " with learning_rate=" + learningRate +
                               ": " + what, epoch ?? null, learningRate, history ?? null);
  }

  function labelOf(a, r, k) {                    // as Network._labels: >= 0.5, or the argmax
    if (k === 1) return a[r] >= 0.5 ? 1 : 0;
    let best = 0;
    for (let j = 1; j < k; j++) if (a[r * k + j] > a[r * k + best]) best = j;
    return best;
  }

  function checkRate(learningRate) {
    if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
      throw new Error("nnlib: learning_rate must be a positive number, got " + learningRate);
    }
  }

  // Network.step: one gradient-descent update on the whole of (X, y); returns the loss before it.
  function step(net, X, y, learningRate) {
    checkRate(learningRate);
    X = matrix(X);
    const last = net.layers[net.layers.length - 1], Y = targets(y, X.rows, last.nOut);
    const before = parameters(net);
    forwardRows(net, X, 0, X.rows);
    const loss = lossValue(net.loss, last.z, last.a, Y, 0, X.rows);
    update(net, X, Y, 0, X.rows, learningRate);
    checkConverging(net, before, loss, learningRate);
    return loss;
  }

  // Network.fit(X, y, epochs, learning_rate, batch_size, shuffle=False); returns the history.
  function fit(net, X, y, options) {
    const epochs = options.epochs, learningRate = options.learningRate;
    if (!Number.isInteger(epochs) || epochs < 1) throw new Error("nnlib: epochs must be a positive integer, got " + epochs);
    checkRate(learningRate);
    X = matrix(X);
    const n = X.rows, last = net.layers[net.layers.length - 1], k = last.nOut;
    const Y = targets(y, n, k);
    const batch = options.batchSize == null ? n : Math.min(options.batchSize, n);
    if (!Number.isInteger(batch) || batch < 1) throw new Error("nnlib: batch_size must be a positive integer, got " + options.batchSize);
    const whole = batch === n;                   // one batch: its outputs are the epoch's
    const zSeen = whole ? null : new Float64Array(n * k), aSeen = whole ? null : new Float64Array(n * k);
    const labels = new Int32Array(n);
    for (let r = 0; r < n; r++) labels[r] = labelOf(Y.data, r, k);
    const history = {loss: [], accuracy: []};
    let before = parameters(net);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let start = 0; start < n; start += batch) {
        const rows = Math.min(batch, n - start);
        forwardRows(net, X, start, rows);
        if (!whole) for (let q = 0, o = start * k; q < rows * k; q++) { zSeen[o + q] = last.z[q]; aSeen[o + q] = last.a[q]; }
        update(net, X, Y, start, rows, learningRate);
      }
      const zEpoch = whole ? last.z : zSeen, aEpoch = whole ? last.a : aSeen;   // as nnlib: no copy
      const loss = lossValue(net.loss, zEpoch, aEpoch, Y, 0, n);
      checkConverging(net, before, loss, learningRate, epoch, history);
      before = parameters(net);
      history.loss.push(loss);
      let right = 0;
      if (k === 1) for (let r = 0; r < n; r++) right += ((aEpoch[r] >= 0.5 ? 1 : 0) === labels[r]) ? 1 : 0;
      else for (let r = 0; r < n; r++) if (labelOf(aEpoch, r, k) === labels[r]) right++;
      history.accuracy.push(right / n);
    }
    return history;
  }

  // Network.predict_proba: the outputs for every row of X, as rows of an array.
  function predictProba(net, X) {
    X = matrix(X);
    const last = forwardRows(net, X, 0, X.rows), k = last.nOut, out = [];
    for (let r = 0; r < X.rows; r++) out.push(Array.from(last.a.subarray(r * k, (r + 1) * k)));
    return out;
  }

  // Network.loss: the loss on (X, y), no update.
  function loss(net, X, y) {
    X = matrix(X);
    const last = forwardRows(net, X, 0, X.rows), Y = targets(y, X.rows, last.nOut);
    return lossValue(net.loss, last.z, last.a, Y, 0, X.rows);
  }

  // All outputs for the rows of X, row by row, in a Float64Array (for pictures: no copies).
  function outputs(net, X) {
    X = matrix(X);
    const last = forwardRows(net, X, 0, X.rows);
    return last.a.slice(0, X.rows * last.nOut);
  }

  // Network.score: the share of rows whose predicted class is y's.
  function score(net, X, y) {
    X = matrix(X);
    const last = forwardRows(net, X, 0, X.rows), k = last.nOut, Y = targets(y, X.rows, k);
    let right = 0;
    for (let r = 0; r < X.rows; r++) if (labelOf(last.a, r, k) === labelOf(Y.data, r, k)) right++;
    return right / X.rows;
  }

  W.train = {matrix, network, toSpec, step, fit, loss, predictProba, outputs, score, TrainingDiverged,
             LOSSES, LEAKY_SLOPE};
})(globalThis.nnlibWeb = globalThis.nnlibWeb || {});
