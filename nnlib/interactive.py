"""Figures a reader can move: in Jupyter and in the static book, with or without a kernel.

- :func:`interactive_figure`: a figure with ipywidgets controls, drawn when the cell runs for
  every combination of the controls' options and swapped in the browser as they move (ipywidgets
  ``Stack`` widgets linked to the controls with ``jslink``), so that it responds in Jupyter and
  in the built book, where no Python runs;
- :func:`animation_html`: a matplotlib animation as a picture with a frame slider and buttons
  (:func:`nnlib.web.player_html`), all in the page;
- :class:`LiveFigure`: a figure redrawn fast for a kernel's widgets: only its changing artists;
- :func:`shows_errors`: a widget callback whose errors show under the widget, not only in the log.

Static figures are in :mod:`nnlib.plotting`, which also re-exports these three names.  For
controls whose values are too many to draw in advance, the page computes instead: see
:mod:`nnlib.web`.
"""
import functools
import io
import itertools
import traceback

import numpy as np

MAX_PICTURES = 120
"""At most this many pictures per :func:`interactive_figure` (a page carries them all)."""


def _encode(figure, dpi, colors):
    """The figure as PNG bytes at ``dpi``; with ``colors``, reduced to a palette of that many
    colours (anti-aliased lines and text survive 64 and up), which about halves the bytes."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    if not colors:
        return buffer.getvalue()
    from PIL import Image
    picture = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    small = io.BytesIO()
    picture.quantize(colors=colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE) \
        .save(small, format="png", optimize=True)
    return small.getvalue()


def interactive_figure(draw, figsize=None, *, dpi=150, colors=64, **controls):
    """A figure that ipywidgets controls change, working with and without a kernel.

    ``draw(ax, **values)`` draws on an empty axes for one set of the controls' values
    (``ax.figure`` is the figure, e.g. for ``subplots_adjust``); ``controls`` are ipywidgets
    selection controls by keyword, each with a finite list of options: ``Dropdown``,
    ``SelectionSlider``, ``ToggleButtons``, ``RadioButtons`` or ``Select`` (for numbers, a
    ``SelectionSlider(options=[...])``).  When the cell runs, the figure is drawn for every
    combination of the options (at most :data:`MAX_PICTURES`), as PNG pictures at ``dpi``
    reduced to ``colors`` colours (None: full colour).  They are held in ``ipywidgets.Stack``
    widgets, nested one level per control, and each control's ``index`` is linked to its level's
    ``selected_index`` with ``ipywidgets.jslink``: a link that runs in the browser.  So moving a
    control swaps pictures with no Python at all, in Jupyter and in the static book alike, whose
    saved widget state holds the pictures and the links.

    Returns an ``ipywidgets.VBox``: the controls above the pictures; its plain-text form, which
    JupyterLab shows instead of a saved widget it may not draw yet, says to run the cell.  Give the cell the alt text
    of its pictures in its metadata (see the README).
    """
    import ipywidgets as widgets
    from matplotlib.figure import Figure

    if not callable(draw):
        raise TypeError(f"draw must be a function draw(ax, **values), got {type(draw).__name__}")
    if not controls:
        raise TypeError("interactive_figure needs at least one control, e.g. "
                        "neurons=SelectionSlider(options=[1, 2, 4, 8])")
    for name, control in controls.items():
        if not isinstance(control, widgets.widget_selection._Selection):
            raise TypeError(
                f"control {name!r} must be a selection control with a list of options "
                f"(Dropdown, SelectionSlider, ToggleButtons, RadioButtons, Select), got "
                f"{type(control).__name__}: a page can only show values drawn in advance")
    names = list(controls)
    options = [[value for _, value in controls[name]._options_full] for name in names]
    count = int(np.prod([len(o) for o in options]))
    if count > MAX_PICTURES:
        raise ValueError(f"the controls have {count} combinations of options; at most "
                         f"{MAX_PICTURES} pictures are drawn (offer fewer options)")
    figure = Figure(figsize=figsize)
    width = int(round(figure.get_figwidth() * figure.dpi))
    layout = widgets.Layout(width=f"{width}px", max_width="100%", height="auto")
    pictures = {}
    for combination in itertools.product(*(range(len(o)) for o in options)):
        figure.clear()
        draw(figure.add_subplot(), **{n: options[k][i] for k, (n, i) in
                                      enumerate(zip(names, combination))})
        pictures[combination] = widgets.Image(value=_encode(figure, dpi, colors), format="png",
                                              layout=layout)

    def stack(level, prefix):
        """The Stack for control ``level``, given the option indices of the controls above."""
        if level == len(names):
            return pictures[prefix]
        children = [stack(level + 1, prefix + (i,)) for i in range(len(options[level]))]
        box = widgets.Stack(children, selected_index=controls[names[level]].index)
        widgets.jslink((controls[names[level]], "index"), (box, "selected_index"))
        return box

    return _figure_box(widgets)([*controls.values(), stack(0, ())])


RUN_HINT = ("[an interactive figure: run this cell (Run > Run All Cells) to show its pictures "
            "and controls here]")


def _figure_box(widgets):
    """``ipywidgets.VBox`` whose plain-text form (what JupyterLab shows for a saved widget in a
    notebook it does not trust, before anything runs) is :data:`RUN_HINT`, not its repr."""
    class FigureBox(widgets.VBox):
        def __repr__(self):
            return RUN_HINT
    return FigureBox


def _skip_screen_draw(animation):
    """The one place where nnlib relies on matplotlib's private Animation internals.

    Returns the animation's figure (``_fig``) and frame interval in ms (``_interval``), and
    replaces its ``_post_draw`` with a no-op: while saving, matplotlib draws every frame twice,
    once for a screen (there is none here) and once into the file, and skipping the first halves
    the time. Fails loudly, naming what is missing, if matplotlib changes these internals
    (tests/test_nnlib_interactive.py checks that the patch still takes effect).
    """
    import matplotlib
    missing = [name for name in ("_fig", "_interval", "_post_draw", "_draw_next_frame")
               if not hasattr(animation, name)]
    if missing:
        raise RuntimeError(
            f"matplotlib {matplotlib.__version__} changed the private Animation attributes "
            f"nnlib.interactive._skip_screen_draw uses ({', '.join(missing)} missing): update it")
    animation._post_draw = lambda framedata, blit: None
    return animation._fig, animation._interval


def _frames(animation):
    """Every frame of ``animation`` as PNG bytes, at its figure's dpi."""
    from matplotlib.animation import AbstractMovieWriter

    class Grabber(AbstractMovieWriter):
        def setup(self, fig, outfile, dpi=None):
            self.fig, self.dpi, self.frames = fig, dpi, []

        def grab_frame(self, **savefig_kwargs):
            buffer = io.BytesIO()
            self.fig.savefig(buffer, format="png", dpi=self.dpi, **savefig_kwargs)
            self.frames.append(buffer.getvalue())

        def finish(self):
            pass

    grabber = Grabber()
    animation.save("frames.png", writer=grabber)   # the name is not used: nothing is written
    return grabber.frames


def animation_html(animation, alt, default_mode="once"):
    """A matplotlib animation as self-contained HTML with a frame slider (no kernel needed).

    ``animation`` is a ``matplotlib.animation.Animation`` (e.g. a ``FuncAnimation``); every
    frame is rendered to a PNG in the page, and the slider and buttons under the picture (first,
    previous, play/pause, next, last; keyboard-operable, named for screen readers) switch
    between them in the browser: :func:`nnlib.web.player_html`.  ``alt`` describes what the
    frames show; ``default_mode`` is what play does at the last frame: "once" (stop), "loop"
    or "reflect" (play backwards).  The output is the same on every run (no random ids).

    The animation's figure is closed, so a notebook does not also show it as a still image.
    Returns an ``IPython.display.HTML`` object: make it a cell's last value to show it.
    """
    import matplotlib.pyplot as plt
    from IPython.display import HTML

    from . import web

    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("alt must be a non-empty description of the animation's pictures")
    if default_mode not in web.PLAYER_MODES:
        raise ValueError(f"default_mode must be one of {', '.join(web.PLAYER_MODES)}, got "
                         f"{default_mode!r}")
    figure, interval = _skip_screen_draw(animation)
    try:
        frames = _frames(animation)
    finally:
        plt.close(figure)
    return HTML(web.player_html(frames, alt, interval=interval, mode=default_mode))


class LiveFigure:
    """A figure for widgets that redraws fast: still parts drawn once, live artists every time.

    Drawing a whole matplotlib figure lays out every tick, label and title again, which takes
    100-300 ms for two panels: too slow for a slider.  Usually only a few artists change (an
    image, a line, a title).  ``LiveFigure`` draws the figure once without those *live* artists,
    keeps the picture, and for each :meth:`render` pastes the picture back and draws just the
    live artists on top, in z-order ("blitting", as matplotlib's animations do).

    figure : matplotlib.figure.Figure
        Made with ``Figure(...)``, not pyplot (it is never shown on its own), at the dpi its
        pixels will have: ``dpi=200`` for a figure shown at half its pixel size, sharp on fine
        screens.
    live : artists
        The artists that change between pictures: images, lines, texts, legends, a title
        (``ax.title``), ...  Change them in place (``set_data``, ``set_text``, ...) before
        calling :meth:`render`.  Anything drawn over a live artist must be live too (e.g. the
        legend over a live image), else the live artist covers it.
    format, quality : "jpeg" (default) or "png"; the JPEG quality
        Encoding is most of the time a picture takes: for 2000 x 760 pixels, JPEG at quality 90
        takes about 8 ms, PNG (fastest compression) about 40 ms.  At twice the shown size, JPEG's
        blur at sharp edges does not show.  Use ``ipywidgets.Image(format=live.format)``.

    After changing anything that is not live (an axis label, the limits), call
    :meth:`redraw_still`: the next picture then draws the whole figure again.
    """

    def __init__(self, figure, live=(), format="jpeg", quality=90):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        if not isinstance(figure, Figure):
            raise TypeError(f"figure must be a matplotlib Figure, got {type(figure).__name__}")
        if format not in ("jpeg", "png"):
            raise ValueError(f"format must be 'jpeg' or 'png', got {format!r}")
        if not 1 <= quality <= 95:
            raise ValueError(f"quality must be a JPEG quality from 1 to 95, got {quality!r}")
        self.figure = figure
        self.format, self.quality = format, quality
        self.canvas = FigureCanvasAgg(figure)
        self.live = []
        self._still = None      # the pixels of the figure without its live artists
        for artist in live:
            self.add(artist)

    def add(self, artist):
        """Make ``artist`` (already in the figure) live: drawn anew in every picture."""
        from matplotlib.artist import Artist

        if not isinstance(artist, Artist):
            raise TypeError(f"a live artist must be a matplotlib Artist, got "
                            f"{type(artist).__name__}")
        artist.set_animated(True)   # the full draw skips it; render draws it
        self.live.append(artist)
        return artist

    def replace(self, old, new):
        """Remove the live artist ``old`` from the figure and make ``new`` live in its place.

        For artists that are made again rather than changed, such as a contour line.
        """
        self.live.remove(old)
        old.remove()
        return self.add(new)

    def redraw_still(self):
        """The still part changed: the next :meth:`render` draws the whole figure again."""
        self._still = None

    def render(self):
        """The figure as an image file's bytes, in :attr:`format`."""
        from PIL import Image

        if self._still is None:
            self.canvas.draw()
            self._still = self.canvas.copy_from_bbox(self.figure.bbox)
        else:
            self.canvas.restore_region(self._still)
        for artist in sorted(self.live, key=lambda a: a.get_zorder()):   # stable: ties in order
            self.figure.draw_artist(artist)
        width, height = self.canvas.get_width_height(physical=True)
        pixels = Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba(),
                                  "raw", "RGBA", 0, 1).convert("RGB")
        buffer = io.BytesIO()
        if self.format == "jpeg":
            # 4:4:4 (no colour subsampling) keeps thin coloured lines and text clean.
            pixels.save(buffer, format="jpeg", quality=self.quality, subsampling=0)
        else:
            pixels.save(buffer, format="png", compress_level=1)   # fast, ~20% larger
        return buffer.getvalue()


def shows_errors(output):
    """Decorator for an ipywidgets callback (``on_click``, ``observe``): an exception it raises
    is shown in the ``ipywidgets.Output`` widget ``output`` (which callback, and the error),
    instead of only in JupyterLab's log, and the control keeps working; the next call that
    succeeds clears the message.  Place ``output`` next to the control."""
    def wrap(callback):
        @functools.wraps(callback)
        def guarded(*args, **kwargs):
            try:
                result = callback(*args, **kwargs)
            except Exception as error:  # noqa: BLE001 - shown to the reader, not swallowed
                output.outputs = ()
                output.append_stderr(f"{callback.__name__} failed: "
                                     + "".join(traceback.format_exception_only(error)))
                return None
            output.outputs = ()
            return result
        return guarded
    return wrap
