"""Show launch buttons only once the book has a repository URL.

_config.yml configures Binder, Colab and Thebe under ``launch_buttons:``, but they can only link
to a public repository. While ``repository.url`` is empty this removes the launch buttons (and
sphinx-book-theme's repository-derived buttons) so that the build neither fails nor warns, and no
page links to a placeholder. Set ``repository.url`` and they appear on every notebook page.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config


def drop_launch_buttons_without_repo(app: Sphinx, config: Config) -> None:
    options = config.html_theme_options
    if not (options.get("repository_url") or "").strip():
        options.pop("launch_buttons", None)
        options.pop("repository_url", None)
        config.thebe_config = {**getattr(config, "thebe_config", {}), "always_load": False}


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", drop_launch_buttons_without_repo, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
