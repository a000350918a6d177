import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from initiatives.validators import validate_inn, validate_logo, validate_ogrn


def _png(size=(64, 64)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#0b5c8c").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("value", ["7707083893", "500100732259"])
def test_valid_inn(value):
    validate_inn(value)


@pytest.mark.parametrize("value", ["7707083894", "12345", "abcdefghij"])
def test_invalid_inn_is_explained_in_russian(value):
    with pytest.raises(ValidationError) as error:
        validate_inn(value)
    assert "ИНН" in str(error.value.messages[0])


def test_ogrn():
    validate_ogrn("1027700132195")
    with pytest.raises(ValidationError) as error:
        validate_ogrn("1027700132196")
    assert "ОГРН" in error.value.messages[0]


def test_a_png_logo_passes():
    validate_logo(SimpleUploadedFile("logo.png", _png(), content_type="image/png"))


def test_a_text_file_named_png_is_refused():
    fake = SimpleUploadedFile("logo.png", b"<script>alert(1)</script>", content_type="image/png")
    with pytest.raises(ValidationError) as error:
        validate_logo(fake)
    assert error.value.code == "logo_not_image"


def test_an_oversized_logo_is_refused():
    big = SimpleUploadedFile(
        "logo.png", _png() + b"\0" * (2 * 1024 * 1024), content_type="image/png"
    )
    with pytest.raises(ValidationError) as error:
        validate_logo(big)
    assert error.value.code == "logo_too_large"


def test_a_gif_is_refused_by_format():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "GIF")
    with pytest.raises(ValidationError) as error:
        validate_logo(SimpleUploadedFile("logo.gif", buffer.getvalue()))
    assert error.value.code == "logo_format"
