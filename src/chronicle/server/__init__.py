"""The HTTP side of chronicle: a FastAPI app (JSON API and web pages) over a store.

`create_app` in `app.py` builds it; `views.py` holds the pure view functions the API and
the pages share; `api.py` the JSON routes; `pages.py` (when present) the HTML pages.
"""
