"""The select of a person's initiatives is read in one plain query, not a server-side cursor."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from consulting.forms import BookingForm
from events.forms import OrganisationChoiceForm
from initiatives.models import Membership
from initiatives.selectors import organisations_of
from tests.factories import OrganisationFactory
from training.forms import EnrolForm


def test_a_persons_initiatives_are_offered_from_one_plain_query(activist):
    for name in ("Соседский совет", "Зелёный двор"):
        Membership.objects.create(
            organisation=OrganisationFactory(name=name), user=activist, role="leader"
        )
    OrganisationFactory(name="Чужая инициатива")
    forms = (
        BookingForm(organisations=organisations_of(activist)),
        EnrolForm(organisations=organisations_of(activist)),
        OrganisationChoiceForm(organisations=organisations_of(activist)),
    )
    for form in forms:
        with CaptureQueriesContext(connection) as queries:
            html = str(form["organisation"])
        assert [query["sql"].split()[0] for query in queries.captured_queries] == ["SELECT"]
        assert html.index("Зелёный двор") < html.index("Соседский совет")
        assert "Чужая инициатива" not in html
        assert "Лично, не от инициативы" in html
