"""Authorization entries for the portfolio: a public page and its CSV download."""

from tests.authz.matrix import public

ROUTES = [
    public("portfolio.index", lambda w: "/portfolio/"),
    public("portfolio.download", lambda w: "/portfolio/portfolio.csv"),
]
