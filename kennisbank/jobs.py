"""The kennisbank's periodic steps, run by ``manage.py gezondin_jobs`` (gezondin.jobs)."""

from gezondin import jobs
from kennisbank import share


@jobs.register("share-retention", order=100)
def share_retention():
    """The sign-ups' retention rules for practices shared without an account (kennisbank.share)."""
    deleted, anonymised = share.apply_retention()
    return f"{deleted} unconfirmed shared practice(s) deleted, {anonymised} submitter(s) anonymised"
