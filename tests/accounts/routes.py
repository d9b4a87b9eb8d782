"""Authorization entries for account routes."""

from tests.authz.matrix import DENY, LOGIN, Route, public, signed_in

BOGUS = "not-a-token"
ROUTES = [
    public("accounts.register", lambda w: "/auth/register"),
    public("accounts.register", lambda w: "/auth/register", "POST"),
    Route("accounts.verify_email", "GET", lambda w: f"/auth/verify/{BOGUS}", default=400),
    signed_in("accounts.resend_verification", lambda w: "/auth/verify/resend", "POST"),
    public("accounts.login", lambda w: "/auth/login"),
    public("accounts.login", lambda w: "/auth/login", "POST"),
    # Without a pending sign-in (password step done) both 2FA steps send everyone to sign in.
    Route("accounts.two_factor", "GET", lambda w: "/auth/two-factor", default=LOGIN),
    Route("accounts.two_factor", "POST", lambda w: "/auth/two-factor", default=LOGIN),
    signed_in("accounts.two_factor_setup", lambda w: "/auth/two-factor/setup"),
    signed_in("accounts.two_factor_setup", lambda w: "/auth/two-factor/setup", "POST"),
    Route(
        "accounts.two_factor_disable",
        "POST",
        lambda w: "/auth/two-factor/disable",
        expect={"anonymous": LOGIN},
        default=DENY,
    ),  # nobody in the world has 2FA on
    public("accounts.logout", lambda w: "/auth/logout", "POST"),
    public("accounts.forgot_password", lambda w: "/auth/forgot"),
    public("accounts.forgot_password", lambda w: "/auth/forgot", "POST"),
    Route("accounts.reset_password", "GET", lambda w: f"/auth/reset/{BOGUS}", default=400),
    Route("accounts.reset_password", "POST", lambda w: f"/auth/reset/{BOGUS}", default=400),
    signed_in("accounts.profile", lambda w: "/auth/profile"),
    signed_in("accounts.profile", lambda w: "/auth/profile", "POST"),
    signed_in("accounts.change_password", lambda w: "/auth/profile/password", "POST"),
    signed_in("accounts.change_email", lambda w: "/auth/profile/email", "POST"),
    Route(
        "accounts.confirm_email_change",
        "GET",
        lambda w: f"/auth/email/confirm/{BOGUS}",
        default=400,
    ),
]
