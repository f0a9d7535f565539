"""Admin security: two-factor authentication for every admin account, on django-otp.

The middleware sends a signed-in user who has not confirmed a code in this session to the
verify page (or to the setup page when they have no device yet); the views enrol an authenticator
app (TOTP) with ten one-time backup codes, and check a code at each sign-in."""
