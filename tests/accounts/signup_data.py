"""A valid POST of the sign-up form, consent given, for the tests that sign people up."""

SIGNUP = {
    "last_name": "Соколова",
    "first_name": "Анна",
    "email": "anna@example.org",
    "password1": "correct-horse-battery-7",
    "password2": "correct-horse-battery-7",
    "personal_data_consent": "on",
}
