"""Background tasks of the leerkringen app (Django's tasks framework, django-tasks backport).

Task arguments hold ids and a kind only, never personal data: the task backend may store them
(database backend) and log them.
"""

from django_tasks import task

from leerkringen import emails


@task()
def send_aanmelding_mail(aanmelding_id: int, kind: str, bijeenkomst_id: int | None = None):
    """Send one e-mail of ``kind`` (leerkringen.mailkinds.MailKind) to a sign-up, if it still
    applies. ``bijeenkomst_id`` names the meeting a reminder is about."""
    return emails.send(aanmelding_id, kind, bijeenkomst_id)


@task()
def send_bericht_mail(bericht_id: int, aanmelding_id: int):
    """Send an organiser's message (leerkringen.models.Bericht) to one sign-up."""
    return emails.send_bericht(bericht_id, aanmelding_id)
