from django.urls import path
from django.views.generic import RedirectView

from editorial.web import actions, desk, drafts, export, history, live

app_name = "editorial"
urlpatterns = [
    path("", desk.desk, name="desk"),
    path("waiting/", desk.waiting, name="waiting"),
    path("drafts/", RedirectView.as_view(pattern_name="editorial:desk")),
    path("drafts/new/", drafts.draft_new, name="draft_new"),
    path("drafts/check-live/", live.check_live, name="check_live"),
    path("drafts/<int:pk>/", drafts.draft_detail, name="draft"),
    path("drafts/<int:pk>/edit/", drafts.draft_edit, name="draft_edit"),
    path("drafts/<int:pk>/comments/", drafts.comment_add, name="comment_add"),
    path("drafts/<int:pk>/suggestions/<int:cid>/", actions.suggestion_decide, name="suggestion_decide"),
    path("drafts/<int:pk>/transition/", actions.transition, name="transition"),
    path("drafts/<int:pk>/assign/", actions.assign, name="assign"),
    path("drafts/<int:pk>/recheck/", actions.recheck, name="recheck"),
    path("drafts/<int:pk>/delete/", actions.delete, name="delete"),
    path("drafts/<int:pk>/findings/<int:fid>/dismiss/", actions.finding_dismiss, name="dismiss"),
    path("drafts/<int:pk>/findings/<int:fid>/apply/", actions.suggestion_apply, name="apply"),
    path("drafts/<int:pk>/dismissals/<int:did>/undo/", actions.dismissal_undo, name="undo_dismissal"),
    path("drafts/<int:pk>/revisions/<int:number>/restore/", actions.revision_restore, name="restore"),
    path("drafts/<int:pk>/diff/", history.revision_diff, name="diff"),
    path("drafts/<int:pk>/download/", export.download, name="download"),
]
