"""Keys under which two names or two links count as the same, for finding duplicates.

Each rule is written twice, in Python (for rows of an uploaded file) and as a PostgreSQL
expression (a generated, indexed column), and a test keeps the two in step.
"""

import re

from django.db.models import F, Func, Value
from django.db.models.functions import Lower, Replace, Trim

_NAME_SEPARATORS = "[«»\"'“”„.,:;!?()\\-–—\\s]+"


def normalise_name(name: str) -> str:
    """«КБР Творческий кластер» and "КБР.Творческий кластер" are the same name."""
    text = name.lower().replace("ё", "е")
    return re.sub(_NAME_SEPARATORS, " ", text).strip()


def name_key_expression():
    return Trim(
        Func(
            Replace(Lower(F("name")), Value("ё"), Value("е")),
            Value(_NAME_SEPARATORS.replace("\\s", "[:space:]")),
            Value(" "),
            Value("g"),
            function="regexp_replace",
        )
    )


# «www.» and the mobile «m.» in front of a host that still has a dot after them
# (so «m.ru» stays «m.ru»); PostgreSQL's regular expressions read the lookahead too.
_HOST_PREFIXES = r"^(www\.)?(m\.)?(?=[^/]*\.)"


def normalise_url(url: str) -> str:
    """`https://www.vk.com/Club1/` and `vk.com/club1` are the same page."""
    text = url.strip().lower()
    text = re.sub(r"^[a-z]+://", "", text)
    text = re.sub(_HOST_PREFIXES, "", text)
    text = re.sub(r"[?#].*$", "", text)
    return text.rstrip("/")


def url_key_expression():
    def replace(expression, pattern):
        return Func(expression, Value(pattern), Value(""), function="regexp_replace")

    stripped = replace(replace(replace(Lower(F("url")), "^[a-z]+://"), _HOST_PREFIXES), "[?#].*$")
    return Func(stripped, Value("/"), function="rtrim")
