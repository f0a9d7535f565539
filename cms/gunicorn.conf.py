"""gunicorn settings for production: access log lines with no query string (%(U)s is the path
alone), no client address, no user agent and no referrer, so no log says who searched for what."""

accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
