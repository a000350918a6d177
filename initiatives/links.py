"""Social-network links: which network a link belongs to."""

from urllib.parse import urlsplit

NETWORK_HOSTS = {
    "vk": ("vk.com", "vk.ru", "vkontakte.ru"),
    "telegram": ("t.me", "telegram.me"),
    "ok": ("ok.ru", "odnoklassniki.ru"),
    "youtube": ("youtube.com", "youtu.be"),
    "rutube": ("rutube.ru",),
    "facebook": ("facebook.com", "fb.com"),
}


def host_of(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.").removeprefix("m.")


def network_of(url: str) -> str:
    host = host_of(url)
    for network, hosts in NETWORK_HOSTS.items():
        if host in hosts:
            return network
    return "other"


def with_scheme(url: str) -> str:
    url = url.strip()
    return url if "://" in url else "https://" + url
