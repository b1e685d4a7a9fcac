"""``viewer serve``: the app in a web browser, through textual-serve, drivable only by
whoever holds the token printed at start (``access``), on a page that loads nothing from
another machine (``server``)."""
