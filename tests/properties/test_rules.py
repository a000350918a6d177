"""Property-based tests of the rules that take free text, numbers, dates and times."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consulting.slots import Window, slots_for
from events.teams import TeamsDoNotFit, form_teams
from initiatives.names import normalise_name, normalise_url
from initiatives.services.importing import check_row
from portal.services.passports import AMOUNT_LIMIT, parse_amount

ZONE = ZoneInfo("Asia/Yekaterinburg")
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
# Names of organisations: Russian and Latin letters, digits, spaces and punctuation.
NAME = st.text(
    alphabet=st.sampled_from(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;!?()-–—«»\"'№"
    ),
    max_size=60,
)


@given(NAME)
def test_name_keys_are_stable_and_ignore_case_quotes_and_yo(name):
    key = normalise_name(name)
    assert normalise_name(key) == key
    assert normalise_name(f"«{name.upper()}»".replace("Е", "Ё")) == normalise_name(
        name.replace("е", "ё")
    )


@given(st.from_regex(r"[a-z0-9]{1,10}\.(ru|com)(/[a-z0-9_]{1,8}){0,3}", fullmatch=True))
def test_url_keys_ignore_scheme_www_case_and_trailing_slash(url):
    assert normalise_url(f"HTTPS://www.{url.upper()}/") == normalise_url(f"http://{url}")


@given(st.decimals(min_value=0, max_value=Decimal("999999999.99"), places=2))
def test_amounts_written_the_russian_way_parse_back(amount):
    whole, fraction = f"{amount:.2f}".split(".")
    grouped = f"{int(whole):,}".replace(",", "\u00a0")
    assert parse_amount(f"{grouped},{fraction} руб.") == amount


@given(TEXT)
def test_amount_parsing_either_succeeds_or_says_no(text):
    try:
        value = parse_amount(text)
    except ValueError:
        return
    assert value.is_finite() and 0 <= value < AMOUNT_LIMIT


@pytest.mark.parametrize("text", ["NaN", "sNaN", "Infinity", "-inf", "1e99", "-5"])
def test_amounts_that_are_not_a_sum_of_money_are_refused(text):
    """Found by the test above: «NAN» passed Decimal and then failed the comparison."""
    with pytest.raises(ValueError):
        parse_amount(text)


@settings(max_examples=200)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "name",
                "kind",
                "members_count",
                "volunteers_count",
                "links",
                "website",
                "topics",
                "founded",
            ]
        ),
        TEXT,
    )
)
def test_an_import_row_never_breaks_the_checker(row):
    data, errors = check_row(row, topics={})
    assert isinstance(errors, list)
    if not errors:
        assert data["name"] and isinstance(data["members_count"], int)


@given(
    st.lists(
        st.tuples(
            st.integers(0, 6), st.integers(7, 20), st.integers(1, 4), st.sampled_from([15, 30, 60])
        ),
        max_size=4,
    ),
    st.lists(st.tuples(st.integers(0, 13), st.integers(0, 23), st.integers(15, 240)), max_size=6),
    st.integers(0, 23),
)
def test_free_slots_fit_the_windows_and_never_overlap_a_booking(windows, bookings, hour_now):
    monday = date(2026, 11, 30)
    windows = [
        Window(day, time(start), time(min(start + length, 23)), step)
        for day, start, length, step in windows
    ]
    taken = [
        (
            datetime.combine(monday + timedelta(days=d), time(h), ZONE),
            datetime.combine(monday + timedelta(days=d), time(h), ZONE) + timedelta(minutes=m),
        )
        for d, h, m in bookings
    ]
    not_before = datetime.combine(monday, time(hour_now), ZONE)
    slots = slots_for(
        consultant_id=1,
        windows=windows,
        days_off=[],
        taken=taken,
        first_day=monday,
        days=14,
        not_before=not_before,
    )

    assert slots == sorted(slots)
    for slot in slots:
        assert slot.starts_at >= not_before
        assert all(slot.ends_at <= start or slot.starts_at >= end for start, end in taken)
        local = slot.starts_at.astimezone(ZONE)
        assert any(
            w.weekday == local.weekday()
            and w.starts <= local.time()
            and slot.ends_at.astimezone(ZONE).time() <= w.ends
            for w in windows
        )
    # And none is missing: every window step that is late enough and overlaps no booking.
    expected = set()
    for offset in range(14):
        day = monday + timedelta(days=offset)
        for w in windows:
            if w.weekday != day.weekday():
                continue
            start = datetime.combine(day, w.starts, ZONE)
            while start + timedelta(minutes=w.slot_minutes) <= datetime.combine(day, w.ends, ZONE):
                end = start + timedelta(minutes=w.slot_minutes)
                if start >= not_before and all(end <= b or start >= e for b, e in taken):
                    expected.add((start, end))
                start = end
    assert {(slot.starts_at, slot.ends_at) for slot in slots} == expected


@given(
    st.lists(
        st.sampled_from(["пенсионеры", "студенты", "бизнес", "родители", "чиновники"]),
        min_size=1,
        max_size=150,
    ),
    st.integers(1, 15),
    st.integers(1, 12),
    st.integers(0, 3),
)
def test_teams_are_within_bounds_and_groups_spread(groups, team_count, min_size, extra):
    people = list(enumerate(groups, start=1))
    try:
        teams = form_teams(
            people, team_count=team_count, min_size=min_size, max_size=min_size + extra
        )
    except TeamsDoNotFit:
        assert not team_count * min_size <= len(people) <= team_count * (min_size + extra)
        return
    sizes = [len(team) for team in teams]
    assert (
        all(min_size <= size <= min_size + extra for size in sizes) and max(sizes) - min(sizes) <= 1
    )
    for group in set(groups):
        per_team = [sum(dict(people)[p] == group for p in team) for team in teams]
        assert max(per_team) - min(per_team) <= 1
