"""Launch buttons (Binder, Colab, Live Code) only when the book has a public repository.

_config.yml configures Binder, Colab and Thebe under ``launch_buttons:``, but they can only link
to a public repository. The repository is chosen at build time, without editing _config.yml:

    BOOK_REPOSITORY_URL=https://github.com/OWNER/REPO make build    # branch: BOOK_REPOSITORY_BRANCH

(or ``repository.url`` in _config.yml). With a URL, every notebook page gets the rocket menu
and the Sphinx tag ``launch_buttons`` is set, so pages can say so with
``{only} launch_buttons`` (book/intro.md does). Without one, this removes the launch buttons
(and sphinx-book-theme's repository-derived buttons) so that the build neither fails nor warns,
no page links to a placeholder, and ``{only} not launch_buttons`` text is shown instead.
"""

from __future__ import annotations

import os

from sphinx.application import Sphinx
from sphinx.config import Config

ENV_URL = "BOOK_REPOSITORY_URL"
ENV_BRANCH = "BOOK_REPOSITORY_BRANCH"
TAG = "launch_buttons"


def configure_launch_buttons(app: Sphinx, config: Config) -> None:
    options = config.html_theme_options
    url = os.environ.get(ENV_URL, "").strip() or (options.get("repository_url") or "").strip()
    thebe = dict(getattr(config, "thebe_config", None) or {})
    if not url:
        options.pop("launch_buttons", None)
        options.pop("repository_url", None)
        config.thebe_config = {**thebe, "always_load": False}
        return
    url = url.rstrip("/")
    branch = os.environ.get(ENV_BRANCH, "").strip() or options.get("repository_branch") or "main"
    options["repository_url"] = url
    options["repository_branch"] = branch
    config.thebe_config = {**thebe, "repository_url": url, "repository_branch": branch}
    app.tags.add(TAG)


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", configure_launch_buttons, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
