"""Form posts for wrk: a Lua script whose request number i posts body i as signed-in person i
(round robin over each list), with a CSRF secret sent as cookie and field."""

import json
import secrets

# Each of wrk's threads takes every THREADS-th request number, so no two requests share a body
# (a slot) or a person (a registration).
SCRIPT = """
local bodies = %(bodies)s
local cookies = %(cookies)s
local path = %(path)s
local csrf = %(csrf)s
local thread_count = %(threads)d
local threads, number = 0, 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function request()
  local i = number * thread_count + tid
  number = number + 1
  local headers = {}
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["Cookie"] = cookies[(i %% #cookies) + 1] .. "; csrftoken=" .. csrf
  return wrk.format("POST", path, headers, bodies[(i %% #bodies) + 1])
end
"""


def new_csrf_secret() -> str:
    """A CSRF secret (32 characters): Django accepts it as the cookie and as the form field."""
    return secrets.token_hex(16)


def _lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string of ASCII is a valid Lua string


def _lua_list(values: list[str]) -> str:
    return "{" + ",".join(_lua_string(v) for v in values) + "}"


def post_script(
    *, path: str, bodies: list[str], cookies: list[str], csrf: str, threads: int
) -> str:
    return SCRIPT % {
        "bodies": _lua_list(bodies),
        "cookies": _lua_list(cookies),
        "path": _lua_string(path),
        "csrf": _lua_string(csrf),
        "threads": threads,
    }
