"""Wagtail's moderation e-mails wholly in the recipient's language.

Wagtail writes the subject and the text of each notification in the recipient's admin language,
but the HTML version (with WAGTAILADMIN_NOTIFICATION_USE_HTML) in the language of the request
that set it off: a Dutch reviewer's "wijziging gevraagd" reached an English-speaking editor as
an English text with a Dutch HTML part. These notifiers render each recipient's whole e-mail in
their language. The texts themselves are Wagtail's templates, some overridden in
kennisbank/templates/wagtailadmin/notifications/ (docs/publishing.md).

They take the place of Wagtail's own receivers by using the same dispatch_uid: connected before
Wagtail's (this app comes first in INSTALLED_APPS), Wagtail's connect is then a no-op; the
disconnect covers a site that lists the apps the other way round.
"""

from django.utils.translation import override
from wagtail.admin import mail
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted


class InRecipientsLanguage:
    def send_emails(self, template_set, context, recipients, **kwargs):
        sent = True
        for recipient in recipients:
            with override(recipient.wagtail_userprofile.get_preferred_language()):
                sent = super().send_emails(template_set, context, [recipient], **kwargs) and sent
        return sent


class TaskSubmitted(InRecipientsLanguage, mail.GroupApprovalTaskStateSubmissionEmailNotifier):
    pass


class WorkflowSubmitted(InRecipientsLanguage, mail.WorkflowStateSubmissionEmailNotifier):
    pass


class WorkflowApproved(InRecipientsLanguage, mail.WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejected(InRecipientsLanguage, mail.WorkflowStateRejectionEmailNotifier):
    pass


# (signal, sender, Wagtail's dispatch_uid, notifier): wagtail/admin/signal_handlers.py.
RECEIVERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification", TaskSubmitted),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowSubmitted,
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        WorkflowApproved,
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        WorkflowRejected,
    ),
]


def connect():
    for signal, sender, dispatch_uid, notifier in RECEIVERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier(), sender=sender, dispatch_uid=dispatch_uid, weak=False)
