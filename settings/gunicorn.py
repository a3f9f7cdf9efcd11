"""Gunicorn's settings for the reference site (docs/deployment.md)::

    gunicorn -c python:settings.gunicorn settings.wsgi --bind 127.0.0.1:8000 --workers 2

Gunicorn's own log lines pass the same filter as the site's (gezondin.logging): its access log
writes every request line, and the paths behind the links in e-mails hold signed tokens (a
mistyped one can hold an e-mail address), so they come out as ``/nl/aanmelding/[token]/...``.
The access line leaves out the referrer (a page reached from a token's page names it) and the
user agent; the visitor's address is in the proxy's log, which the host configures.
"""

# The request line, status, size and duration in milliseconds; the address is the proxy's.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'

logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"personal_data": {"()": "gezondin.logging.RedactPersonalData"}},
    "formatters": {
        "generic": {
            "format": "%(asctime)s [%(process)d] [%(levelname)s] %(message)s",
            "datefmt": "[%Y-%m-%d %H:%M:%S %z]",
        }
    },
    "handlers": {
        "access": {
            "class": "logging.StreamHandler",
            "formatter": "generic",
            "filters": ["personal_data"],
            "stream": "ext://sys.stdout",
        },
        "error": {
            "class": "logging.StreamHandler",
            "formatter": "generic",
            "filters": ["personal_data"],
            "stream": "ext://sys.stderr",
        },
    },
    "root": {"level": "INFO", "handlers": ["error"]},
    "loggers": {
        "gunicorn.access": {"level": "INFO", "handlers": ["access"], "propagate": False},
        "gunicorn.error": {"level": "INFO", "handlers": ["error"], "propagate": False},
    },
}
