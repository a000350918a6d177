from allauth.account.adapter import DefaultAccountAdapter

from civiccenter.kernel.mail import send_after_commit


class AccountAdapter(DefaultAccountAdapter):
    """allauth's adapter, with its e-mails delivered by Celery instead of in the request."""

    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        send_after_commit(message)
