"""Editor panels of the kennisbank's pages that show information rather than a field.

- :class:`ReviewCommentPanel`: when a reviewer sent the page back ("wijziging gevraagd"), their
  comment at the top of the editor, until the page is submitted again.
- :class:`ErkenningClaimPanel`: for the reviewers (national editors), a practice that claims a
  recognition level, with the link to check it against ("te controleren claim").
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.models import WorkflowState

from gezondin.roles import is_national_editor


def changes_requested(page):
    """The rejected task state of a page that was sent back for changes, or None."""
    if page is None or not page.pk:
        return None
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = state.current_task_state
    return task_state.specific if task_state is not None else None


class ReviewCommentPanel(Panel):
    """The reviewer's comment on a page sent back for changes."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Wijziging gevraagd"))
        kwargs.setdefault("icon", "warning")
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "review-comment"

    class BoundPanel(Panel.BoundPanel):
        template_name = "kennisbank/admin/review_comment_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.task_state = changes_requested(self.instance)

        def is_shown(self):
            return self.task_state is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["task_state"] = self.task_state
            context["comment"] = self.task_state.get_comment() if self.task_state else ""
            return context


class ErkenningClaimPanel(Panel):
    """A claimed recognition level, for the reviewers to check."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Te controleren claim"))
        kwargs.setdefault("icon", "warning")
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "erkenning-claim"

    class BoundPanel(Panel.BoundPanel):
        template_name = "kennisbank/admin/erkenning_claim_panel.html"

        def is_shown(self):
            return (
                self.instance is not None
                and getattr(self.instance, "erkenning_claimed", False)
                and self.request is not None
                and is_national_editor(self.request.user)
            )

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["page"] = self.instance
            return context
