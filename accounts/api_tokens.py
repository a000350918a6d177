"""Staff members' keys to the read API's exports: made on the profile page, shown once, kept
as a SHA-256 hash; a key acts with its owner's permissions while the owner's account is
active, until it expires or is revoked."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from civiccenter.kernel import audit

from .models import ApiToken, User

KEY_PREFIX = "cc_"


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def token_make(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new key for the person; returns the row and the key, which is not kept."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        key_hash=_hash(key),
        prefix=key[:10],
        expires_at=timezone.now() + timedelta(days=settings.API_TOKEN_DAYS),
    )
    audit.record(token, actor=user, action="api_token_made")
    return token, key


def token_revoke(*, user: User, pk: int) -> bool:
    """Revokes one of the person's own keys; False when it is not theirs or already revoked."""
    revoked = ApiToken.objects.filter(user=user, pk=pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    return bool(revoked)


def user_for(key: str) -> User | None:
    """The owner of a valid key (not revoked, not expired, account active), or None. The use is
    recorded at most once a minute per key, so a busy export costs no write per request."""
    if not key.startswith(KEY_PREFIX) or len(key) > 100:
        return None
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(
            key_hash=_hash(key),
            revoked_at__isnull=True,
            expires_at__gt=now,
            user__is_active=True,
            user__anonymised_at__isnull=True,
        )
        .first()
    )
    if token is None:
        return None
    if token.last_used_at is None or token.last_used_at < now - timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def tokens_of(user: User):
    return ApiToken.objects.filter(user=user).only(
        "name", "prefix", "created_at", "expires_at", "last_used_at", "revoked_at"
    )
