"""Coffee with the Mayor: questions, support, the agenda, answers and public commitments."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from initiatives.selectors import organisations_of

from .. import selectors
from ..forms import AnswerForm, DoneForm, QuestionForm
from ..models import Commitment, Event, Question
from ..services import meetings


class QuestionsView(View):
    """Everyone sees the questions; signed-in people submit and support; staff moderate."""

    template_name = "events/questions.html"

    def _render(self, request, event, form=None, *, answering=None, bound_answer_form=None):
        context = {
            "answering": answering,
            "bound_answer_form": bound_answer_form,
            "event": event,
            "questions": selectors.questions_of(event, request.user),
            "form": form
            or (
                QuestionForm(organisations=organisations_of(request.user))
                if request.user.is_authenticated
                else None
            ),
            "can_moderate": request.user.has_perm("events.change_question"),
            "answer_form": AnswerForm(),
            "is_upcoming": event.starts_at > timezone.now(),
        }
        return render(request, self.template_name, context)

    def get(self, request, slug):
        return self._render(
            request, get_object_or_404(Event, slug=slug, kind__in=meetings.MEETING_KINDS)
        )

    def post(self, request, slug):
        event = get_object_or_404(Event, slug=slug, kind__in=meetings.MEETING_KINDS)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        form = QuestionForm(request.POST, organisations=organisations_of(request.user))
        if form.is_valid():
            try:
                meetings.question_submit(
                    event=event,
                    author=request.user,
                    text=form.cleaned_data["text"],
                    organisation=form.cleaned_data["organisation"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Your question is sent. The centre will put it on the agenda.")
                )
                return redirect("events:questions", slug)
        return self._render(request, event, form)


class SupportView(View):
    http_method_names = ["post"]

    def post(self, request, pk):
        question = get_object_or_404(Question.objects.select_related("event"), pk=pk)
        if not request.user.is_authenticated:
            return redirect_to_login(reverse("events:questions", args=[question.event.slug]))
        try:
            meetings.question_support(question=question, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your support is counted."))
        return redirect("events:questions", question.event.slug)


class ModerateView(PermissionRequiredMixin, View):
    permission_required = "events.change_question"
    http_method_names = ["post"]

    def post(self, request, pk, action):
        question = get_object_or_404(Question.objects.select_related("event"), pk=pk)
        if action == "answer":
            return self._answer(request, question)
        try:
            position = request.POST.get("position") or None
            meetings.question_moderate(
                question=question,
                accept=action == "accept",
                position=int(position) if position else None,
                user=request.user,
            )
        except (ValidationError, ValueError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("events:questions", question.event.slug)

    def _answer(self, request, question):
        """The answer and its commitment; on an error the page comes back with what was
        typed and the error beside it (found: it redirected and lost the text)."""
        form = AnswerForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            commitments = (
                [(data["what"], data["responsible"], data["due_on"])] if data.get("what") else []
            )
            try:
                meetings.question_answer(
                    question=question,
                    answer=data["answer"],
                    commitments=commitments,
                    user=request.user,
                )
            except ValidationError as error:
                form.add_error("due_on" if error.code == "due_on" else None, error)
            else:
                messages.success(request, _("The answer is recorded."))
                return redirect("events:questions", question.event.slug)
        return QuestionsView()._render(
            request, question.event, answering=question.pk, bound_answer_form=form
        )


class CommitmentsView(TemplateView):
    """Public: what was promised at meetings, by whom, by when — done or overdue."""

    template_name = "events/commitments.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Open ones first, the most overdue at the top; done ones after, latest first.
        commitments = Commitment.objects.select_related("event", "question").order_by(
            F("done_on").desc(nulls_first=True), "due_on", "id"
        )
        context.update(
            commitments=commitments,
            today=timezone.localdate(),
            made=commitments.count(),
            done=commitments.filter(done_on__isnull=False).count(),
            can_close=self.request.user.has_perm("events.change_commitment"),
            done_form=DoneForm(initial={"done_on": timezone.localdate()}),
        )
        return context


class CommitmentDoneView(PermissionRequiredMixin, View):
    permission_required = "events.change_commitment"
    http_method_names = ["post"]

    def post(self, request, pk):
        commitment = get_object_or_404(Commitment, pk=pk)
        form = DoneForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(_("Enter the date when it was done."))
            meetings.commitment_done(commitment=commitment, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The commitment is marked done."))
        return redirect("events:commitments")
