// nnlib's forward pass in JavaScript: the network of Network.to_dict(), one sample at a time.
// For each layer, z_j = sum_i a_i W[i][j] + b_j, then a = f(z), with f as nnlib.activations
// defines it. The sigmoid is 1 / (1 + e^-z) (e^z / (1 + e^z) for z < 0, so that nothing
// overflows); nnlib writes it exp(-logaddexp(0, -z)), the same number to within a unit or two
// in the last place, which is as close as NumPy's exp and JavaScript's agree anyway.
(function (W) {
  "use strict";
  const LEAKY_SLOPE = 0.01;                // nnlib's LeakyReLU() default slope

  function sigmoid(z) {
    if (z >= 0) return 1 / (1 + Math.exp(-z));
    const e = Math.exp(z);
    return e / (1 + e);
  }

  function activate(layer, z) {
    switch (layer.activation) {
      case "linear": return z;
      case "sigmoid": return z.map(sigmoid);
      case "tanh": return z.map(Math.tanh);
      case "relu": return z.map((v) => Math.max(v, 0));
      case "leaky_relu": {
        const slope = (layer.activation_params || {}).slope ?? LEAKY_SLOPE;
        return z.map((v) => (v > 0 ? v : slope * v));
      }
      case "softmax": {
        const m = Math.max(...z);
        const e = z.map((v) => Math.exp(v - m));
        const total = e.reduce((s, v) => s + v, 0);
        return e.map((v) => v / total);
      }
    }
    throw new Error("nnlib: unknown activation " + layer.activation);
  }

  function forward(net, x) {
    let a = x;
    for (const layer of net.layers) {
      const weights = layer.weights, bias = layer.bias, z = new Array(layer.n_outputs);
      for (let j = 0; j < layer.n_outputs; j++) {
        let s = 0;
        for (let i = 0; i < layer.n_inputs; i++) s += a[i] * weights[i][j];
        z[j] = s + bias[j];
      }
      a = activate(layer, z);
    }
    return a;
  }

  W.LEAKY_SLOPE = LEAKY_SLOPE;
  W.sigmoid = sigmoid;
  W.forward = forward;
})(globalThis.nnlibWeb = globalThis.nnlibWeb || {});
