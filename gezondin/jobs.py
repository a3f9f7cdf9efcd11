"""The registry of periodic steps run by ``manage.py gezondin_jobs`` (every 10 minutes from
cron, a systemd timer or the platform's scheduler; docs/installing.md).

A feature app registers its steps from a module its ``AppConfig.ready()`` imports::

    @jobs.register("share-retention", order=100)
    def share_retention():
        return "3 unconfirmed submission(s) deleted"

A step works from the state in the database, so a missed run is made up by the next one and
running it twice does nothing twice; it returns a one-line summary with counts, never anything
personal. The agenda's own steps keep their command, ``manage.py leerkringen_jobs``.
"""

_steps = {}


def register(name, order=100):
    """Register ``step()`` (returning its summary) under ``name``; steps run by ``order``."""

    def decorator(step):
        _steps[name] = (order, step)
        return step

    return decorator


def steps():
    """``{name: step}`` in the order they run."""
    return {name: step for name, (_order, step) in sorted(_steps.items(), key=lambda i: i[1][0])}
