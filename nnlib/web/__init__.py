"""Networks in the browser: HTML and JavaScript that compute in a static page, with no kernel.

A Jupyter widget needs Python behind it; a static HTML page has none.  But a trained network is
just numbers, its forward pass is a few multiplications and additions, and even its training
loop is a page of arithmetic, so the page itself can compute them.  The functions here return
self-contained HTML (inline ``<script>``, nothing fetched) that carries a network's weights
(:func:`page_network`: its :meth:`~nnlib.Network.to_dict`, rounded to :data:`PAGE_DIGITS`
significant digits) and data, and runs them in JavaScript:

- :func:`font_picker_html`: pick a background colour and see the font the font network
  chooses for it, with its probability, live;
- :func:`training_frames_html`: scrub through snapshots of a network taken during training
  (its decision surface, weights and loss curve), made with :func:`snapshot`;
- :func:`explorer_html`: retrain the font network in the page as the reader changes its
  settings (hidden neurons, activation, learning rate, epochs, batch size);
- :func:`labeller_html`: the reader labels colours, and the page trains the font network on
  the labels and compares it with the luminance formula;
- :func:`neuron_line_html` (chapter 1: the line of one neuron), :func:`descent_html` (chapter
  4: gradient descent on one weight), :func:`trainer_html` (chapter 6: a small network trained
  from a chosen seed), :func:`digit_reader_html` (chapter 8: a trained network reads test
  images), :func:`player_html` (pre-rendered frames, e.g. of a matplotlib animation).

Show one in a notebook with ``IPython.display.HTML(...)``: it works the same in Jupyter and in
the built book.  The JavaScript is in files inside this package (``nnlib/web/assets``, see
:mod:`nnlib.web._assets`): :data:`FORWARD_JS` is the forward pass, which follows
:meth:`Network.to_dict` exactly (z = a @ weights + bias per layer, then the activation), so the
page's outputs equal :meth:`Network.predict_proba` of the network it carries,
``Network.from_dict(page_network(network))``, to rounding (about 1e-16); :data:`TRAIN_JS` is
the training twin of :meth:`Network.step` and :meth:`Network.fit` (``shuffle=False``).
"""
from ._assets import asset
from .core import PAGE_DIGITS, page_network, snapshot
from .lessons import (PLAYER_MODES, descent_html, digit_reader_html, neuron_line_html,
                      player_html, trainer_html)
from .font import (CHANNELS, EXPLORER_ACTIVATIONS, LEARNING_RATES, explorer_html, explorer_start,
                   font_picker_html, labeller_html, training_frames_html)

FORWARD_JS = asset("js/forward.js")
"""The forward pass in JavaScript (``nnlib/web/assets/js/forward.js``)."""

TRAIN_JS = asset("js/train.js")
"""The training loop in JavaScript (``nnlib/web/assets/js/train.js``): forward, backward and
gradient-descent steps for networks of Dense layers, as :meth:`Network.fit` computes them."""

__all__ = ["PAGE_DIGITS", "page_network", "snapshot", "CHANNELS", "font_picker_html",
           "training_frames_html", "explorer_html", "explorer_start", "EXPLORER_ACTIVATIONS",
           "LEARNING_RATES", "labeller_html", "player_html", "PLAYER_MODES", "digit_reader_html",
           "neuron_line_html", "descent_html", "trainer_html", "FORWARD_JS", "TRAIN_JS"]
