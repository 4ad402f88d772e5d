"""Widgets for the lessons of chapters 1, 4, 6 and 8, and the player of pre-rendered frames."""
import base64
import hashlib

from . import _assets

PLAYER_MODES = ("once", "loop", "reflect")


def player_html(frames, alt, interval=200, mode="once", element_id=None):
    """HTML that plays ``frames`` (PNG pictures as bytes) in the page: one picture, a frame
    slider, and first / previous / play-pause / next / last buttons.

    ``alt`` describes what the frames show; ``interval`` is the time per frame in ms when
    playing; ``mode`` what play does at the last frame: "once" (stop), "loop" (go on from the
    first) or "reflect" (turn back).  The element id is made from the frames themselves (unless
    given), so the same frames give the same HTML.  :func:`nnlib.plotting.animation_html`
    makes the frames of a matplotlib animation and calls this.
    """
    frames = list(frames)
    if not frames or not all(isinstance(f, bytes) and f.startswith(b"\x89PNG") for f in frames):
        raise ValueError("frames must be a non-empty list of PNG pictures (bytes)")
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("alt must be a non-empty description of the frames")
    if mode not in PLAYER_MODES:
        raise ValueError(f"mode must be one of {', '.join(PLAYER_MODES)}, got {mode!r}")
    if isinstance(interval, bool) or not isinstance(interval, (int, float)) or not interval > 0:
        raise ValueError(f"interval must be a positive number of milliseconds, got {interval!r}")
    sources = ["data:image/png;base64," + base64.b64encode(f).decode("ascii") for f in frames]
    if element_id is None:
        element_id = "player-" + hashlib.sha256("".join(sources).encode()).hexdigest()[:16]
    # the first frame is in the <img> already, so the list leaves it out (null)
    data = {"sources": [None] + sources[1:], "interval": interval, "mode": mode}
    body = _assets.render("player.html", first=sources[0], last=len(frames) - 1,
                          count=len(frames), alt=_assets.attribute(alt),
                          frames_json=_assets.data_script("nnlib-frames", data))
    return _assets.widget("player animation", element_id, body, ("player.js",), "player",
                          library=("draw.js",))
