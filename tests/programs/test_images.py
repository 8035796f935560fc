"""The image library: what an upload becomes, what is refused, and the renditions."""

import io
import struct
import zlib
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.template import Context, Template
from django.urls import reverse
from PIL import Image as PillowImage
from PIL import TiffImagePlugin

from programs import cache as page_cache
from programs import images
from programs.models import Image
from tests.factories import make_user
from tests.programs.factories import make_image, picture_bytes

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:programs_image_add")
GPS_IFD = 0x8825
ORIENTATION = 0x0112
# What a file Pillow writes itself may carry: its encoding, never anything about where,
# when or with what the picture was taken.
HARMLESS_INFO = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "progressive"}
HARMLESS_INFO |= {"progression", "loop", "background", "duration", "timestamp", "gamma"}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """An empty storage for each test here: they look at every file stored."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def marketing(client):
    client.force_login(make_user("morgan", groups=("Marketing",)))
    return client


def camera_photo(size=(1200, 800), orientation=6):
    """A JPEG as a phone writes it: camera details, a serial number, a GPS position, a
    comment, an XMP packet and an orientation tag saying it must be turned."""
    picture = PillowImage.new("RGB", size, (90, 140, 170))
    # Two colours, so which way up it is can be checked: the left half is darker.
    picture.paste((20, 40, 60), (0, 0, size[0] // 2, size[1]))
    exif = picture.getexif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone 15"
    exif[ORIENTATION] = orientation
    exif[0xA431] = "SERIAL-0042-XYZ"  # BodySerialNumber
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (TiffImagePlugin.IFDRational(45), TiffImagePlugin.IFDRational(31), 0)
    gps[3] = "W"
    gps[4] = (TiffImagePlugin.IFDRational(122), TiffImagePlugin.IFDRational(40), 0)
    output = io.BytesIO()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">Taken at 45.52,-122.68</x:xmpmeta>'
    picture.save(output, "JPEG", exif=exif, comment=b"SERIAL-0042-XYZ", xmp=xmp)
    return output.getvalue()


def png_header_only(width, height):
    """A PNG that claims to be width x height pixels (a decompression bomb's header)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def upload(marketing, content, name="photo.jpg", **overrides):
    data = {
        "title": "Evening group",
        "file": SimpleUploadedFile(name, content, content_type="image/jpeg"),
        "alt_text": "A counselor listens in a quiet room.",
    }
    data.update(overrides)
    return marketing.post(ADD_URL, data)


def assert_no_metadata(content):
    picture = PillowImage.open(io.BytesIO(content))
    assert dict(picture.getexif()) == {}
    assert set(picture.info) <= HARMLESS_INFO, set(picture.info) - HARMLESS_INFO
    for trace in (b"Exif", b"SERIAL-0042", b"PhoneMaker", b"xmpmeta", b"45.52"):
        assert trace not in content


def form_errors(response):
    return [
        str(error)
        for errors in response.context["adminform"].form.errors.values()
        for error in errors
    ]


def stored_files():
    """Every file in the storage, by name."""

    def walk(folder):
        directories, files = default_storage.listdir(folder)
        for name in files:
            yield f"{folder}/{name}" if folder else name
        for directory in directories:
            yield from walk(f"{folder}/{directory}" if folder else directory)

    return sorted(walk(""))


# --- Cleaning ---------------------------------------------------------------------------


def test_upload_with_gps_exif_is_stored_and_rendered_without_any_metadata(marketing):
    response = upload(marketing, camera_photo())

    assert response.status_code == 302
    image = Image.objects.get()
    with default_storage.open(image.file.name) as stored:
        assert_no_metadata(stored.read())
    renditions = [name for name in stored_files() if name.startswith("renditions/")]
    assert len(renditions) == len(images.all_rendition_files(image)) > 0
    for name in renditions:
        with default_storage.open(name) as rendition:
            assert_no_metadata(rendition.read())


def test_upload_is_turned_the_right_way_up(marketing):
    # Orientation 6: the camera was held turned, the picture must be turned 90° clockwise.
    upload(marketing, camera_photo(size=(1200, 800), orientation=6))

    image = Image.objects.get()
    assert (image.width, image.height) == (800, 1200)
    with default_storage.open(image.file.name) as stored:
        picture = PillowImage.open(stored)
        picture.load()
    assert picture.size == (800, 1200)
    # The dark left half of the sensor is now the top half.
    top, bottom = picture.getpixel((400, 100)), picture.getpixel((400, 1100))
    assert sum(top) < sum(bottom)


def test_upload_as_sent_is_never_stored(marketing):
    sent = camera_photo()

    upload(marketing, sent, name="IMG_0042.JPG")

    image = Image.objects.get()
    assert image.file.name.startswith("images/")
    assert image.file.name.endswith("/img_0042.jpg")
    for name in stored_files():
        with default_storage.open(name) as stored:
            assert stored.read() != sent


def test_renamed_non_image_is_refused_with_a_message(marketing):
    response = upload(marketing, b"%PDF-1.7 not a picture at all", name="team.jpg")

    assert response.status_code == 200
    assert form_errors(response) == [
        "This file is not a JPEG, PNG or WebP picture (whatever its name says). Please "
        "export the picture as one of these and upload it again."
    ]
    assert Image.objects.count() == 0
    assert stored_files() == []


def test_picture_of_another_format_renamed_is_refused(marketing):
    response = upload(marketing, picture_bytes(image_format="GIF"), name="logo.png")

    assert form_errors(response) == [
        "This file is not a JPEG, PNG or WebP picture (whatever its name says). Please "
        "export the picture as one of these and upload it again."
    ]


@pytest.mark.parametrize(
    ("width", "height", "message"),
    [
        # Past Pillow's limit: Pillow itself refuses it.
        (
            20_000,
            20_000,
            "This picture has more than the 40 million pixels allowed. Please make it "
            "smaller and upload it again.",
        ),
        # Past the limit but under twice it, where Pillow only warns.
        (
            8_000,
            6_000,
            "This picture has more than the 40 million pixels allowed. Please make it "
            "smaller and upload it again.",
        ),
    ],
)
def test_decompression_bomb_is_refused_with_a_message(marketing, width, height, message):
    response = upload(marketing, png_header_only(width, height), name="bomb.png")

    assert response.status_code == 200
    assert form_errors(response) == [message]
    assert Image.objects.count() == 0


def test_pixel_limit_is_pillows_too(settings):
    assert PillowImage.MAX_IMAGE_PIXELS == settings.IMAGE_MAX_PIXELS == 40_000_000


def test_too_many_pixels_under_pillows_limit_names_the_size(marketing, settings):
    settings.IMAGE_MAX_PIXELS = 500_000

    response = upload(marketing, picture_bytes(size=(1000, 600)))

    assert form_errors(response) == [
        "This picture is 1000 by 600 pixels, more than the 0.5 million pixels allowed. "
        "Please make it smaller and upload it again."
    ]


def test_file_too_large_is_refused(marketing, settings):
    settings.IMAGE_MAX_UPLOAD_BYTES = 1000

    response = upload(marketing, b"x" * 2048)

    assert form_errors(response) == [
        "This file is 2.0\xa0KB; pictures can be at most 1000\xa0bytes."
    ]


def test_truncated_picture_is_refused(marketing):
    response = upload(marketing, camera_photo()[:2000])

    assert form_errors(response) == [
        "This picture is damaged or cut short. Please export it again."
    ]


def test_animated_picture_is_refused(marketing):
    frames = [PillowImage.new("RGB", (50, 50), color) for color in ("red", "blue")]
    output = io.BytesIO()
    frames[0].save(output, "WEBP", save_all=True, append_images=frames[1:])

    response = upload(marketing, output.getvalue(), name="moving.webp")

    assert form_errors(response) == [
        "Moving (animated) pictures are not accepted: please upload a still one."
    ]


def test_alt_text_is_required_unless_decorative(marketing):
    response = upload(marketing, picture_bytes(), alt_text="")

    assert form_errors(response) == [
        "Describe what the picture shows, or tick “decorative only” if it adds nothing a "
        "visitor needs."
    ]


def test_decorative_picture_has_no_alt_text(marketing):
    response = upload(marketing, picture_bytes(), alt_text="Waves", is_decorative="on")

    assert form_errors(response) == [
        "A decorative picture has no text alternative: empty this box, or untick “decorative only”."
    ]


def test_decorative_picture_without_alt_text_is_accepted(marketing):
    response = upload(marketing, picture_bytes(), alt_text="", is_decorative="on")

    assert response.status_code == 302
    assert Image.objects.get().alt == ""


def test_database_refuses_a_picture_with_neither_alt_text_nor_decorative_mark():
    image = make_image()

    with pytest.raises(IntegrityError):
        Image.objects.filter(pk=image.pk).update(alt_text="")


def test_png_with_transparency_keeps_it_with_png_fallback():
    image = make_image(
        name="wave.png", content=picture_bytes(image_format="PNG", color=(1, 2, 3, 0))
    )

    assert image.file.name.endswith(".png")
    assert image.has_transparency
    names = [file.name for file in images.all_rendition_files(image)]
    assert {name.rsplit(".", 1)[1] for name in names} == {"webp", "png"}


def test_webp_upload_is_accepted_and_kept_as_webp():
    image = make_image(name="room.webp", content=picture_bytes(image_format="WEBP"))

    assert image.file.name.endswith(".webp")
    assert (image.width, image.height) == (1000, 600)


def test_large_upload_is_stored_at_most_2400_pixels_wide():
    image = make_image(content=picture_bytes(size=(4000, 3000)))

    assert (image.width, image.height) == (2400, 1800)


def test_changing_the_alt_text_keeps_the_file_and_its_renditions(marketing):
    image = make_image()
    before = stored_files()
    change_url = reverse("admin:programs_image_change", args=[image.pk])

    response = marketing.post(
        change_url, {"title": "Group room", "alt_text": "An empty group room.", "file": ""}
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.alt_text == "An empty group room."
    assert stored_files() == before


# --- Renditions ------------------------------------------------------------------------


def test_renditions_are_made_once_at_upload_in_each_width_and_format():
    image = make_image(content=picture_bytes(size=(1400, 700)))

    files = images.all_rendition_files(image)
    made = {}
    for file in files:
        with default_storage.open(file.name) as stored:
            picture = PillowImage.open(stored)
            made[(picture.format, picture.size)] = True
    assert sorted(made) == [
        ("JPEG", (400, 200)),
        ("JPEG", (800, 400)),
        ("JPEG", (1200, 600)),
        ("JPEG", (1400, 700)),
        ("WEBP", (400, 200)),
        ("WEBP", (800, 400)),
        ("WEBP", (1200, 600)),
        ("WEBP", (1400, 700)),
    ]
    assert images.make_renditions(image) == 0


def test_renditions_are_remade_when_missing():
    image = make_image()
    first = images.all_rendition_files(image)[0]
    default_storage.delete(first.name)

    assert images.make_renditions(image) == 1
    assert default_storage.exists(first.name)


class ImgParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def rendered(template, **context):
    parser = ImgParser()
    parser.feed(Template("{% load pictures %}" + template).render(Context(context)))
    return parser.tags


def test_picture_tag_prints_srcsets_size_alt_and_lazy_loading(django_assert_num_queries):
    image = make_image(content=picture_bytes(size=(1000, 500)))

    with django_assert_num_queries(0):
        tags = rendered('{% picture image sizes="50vw" %}', image=image)

    (picture, _), (source_tag, source), (img_tag, img) = tags
    assert (picture, source_tag, img_tag) == ("picture", "source", "img")
    webp = [file.url for file in images.all_rendition_files(image) if file.name.endswith(".webp")]
    assert source == {
        "type": "image/webp",
        "srcset": f"{webp[0]} 400w, {webp[1]} 800w, {webp[2]} 1000w",
        "sizes": "50vw",
    }
    assert img["srcset"].count("w, ") == 2
    assert img["srcset"].endswith(" 1000w")
    assert all(url.startswith("/media/renditions/") for url in img["srcset"].split()[::2])
    assert (img["width"], img["height"], img["alt"], img["loading"]) == (
        "1000",
        "500",
        "Chairs in a circle in a bright group room.",
        "lazy",
    )
    assert "fetchpriority" not in img


def test_picture_tag_for_the_top_of_the_page_loads_first():
    image = make_image()

    (_, _, (_, img)) = rendered("{% picture image eager=True %}", image=image)

    assert img["fetchpriority"] == "high"
    assert "loading" not in img


def test_picture_tag_for_a_decorative_picture_has_empty_alt():
    image = make_image(alt_text="", is_decorative=True)

    (_, _, (_, img)) = rendered("{% picture image %}", image=image)

    assert img["alt"] == ""


# --- Page cache ------------------------------------------------------------------------


def test_uploading_or_changing_a_picture_renders_pages_afresh():
    cache.set(page_cache.VERSION_KEY, "before")
    image = make_image()
    assert cache.get(page_cache.VERSION_KEY) != "before"

    cache.set(page_cache.VERSION_KEY, "before")
    image.alt_text = "Another description."
    image.save()
    assert cache.get(page_cache.VERSION_KEY) != "before"


# --- Deleting --------------------------------------------------------------------------


def delete_url(image):
    return reverse("admin:programs_image_delete", args=[image.pk])


def test_deleting_a_picture_removes_its_file_and_renditions_once_committed(
    marketing, client, django_capture_on_commit_callbacks
):
    make_image(title="Kept", name="kept.jpg")
    kept_files = stored_files()
    image = make_image()
    original_url = image.file.url
    assert len(stored_files()) > len(kept_files)

    with django_capture_on_commit_callbacks() as callbacks:
        response = marketing.post(delete_url(image), {"post": "yes"})
        # Not yet committed: the files are all still there.
        assert stored_files() != kept_files
    for callback in callbacks:
        callback()

    assert response.status_code == 302
    assert not Image.objects.filter(pk=image.pk).exists()
    # Only the other picture's files are left, and the old address answers no more.
    assert stored_files() == kept_files
    assert client.get(original_url).status_code == 404


def test_deleting_pictures_from_the_list_removes_their_files(
    marketing, django_capture_on_commit_callbacks
):
    first, second = make_image(title="One", name="one.jpg"), make_image(name="two.jpg")

    with django_capture_on_commit_callbacks(execute=True):
        response = marketing.post(
            reverse("admin:programs_image_changelist"),
            {"action": "delete_selected", "_selected_action": [first.pk, second.pk], "post": "yes"},
        )

    assert response.status_code == 302
    assert Image.objects.count() == 0
    assert stored_files() == []


def test_a_deletion_rolled_back_keeps_the_files(django_capture_on_commit_callbacks):
    from django.db import transaction

    image = make_image()
    pk = image.pk
    before = stored_files()

    def delete_then_fail():
        with transaction.atomic():
            image.delete()
            raise RuntimeError("the deletion fails after the row is gone")

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        delete_then_fail()

    assert callbacks == []
    assert Image.objects.filter(pk=pk).exists()
    assert stored_files() == before


def use_as_lead_image_of_a_page(image):
    from tests.factories import make_page

    make_page(title="Parking", slug="parking", lead_image=image)
    return "Page: Parking"


def use_as_lead_image_of_an_article(image):
    from tests.programs.factories import make_article

    make_article(title="Evenings", lead_image=image)
    return "Article: Evenings"


def use_as_a_photo(image):
    from tests.programs.factories import make_person

    make_person(photo=image)
    return "Person: Dana Reyes, LCSW"


def use_as_a_badge(image):
    from tests.factories import make_accreditation

    make_accreditation(badge=image)
    return "Accreditation or membership: The Joint Commission: Behavioral Health Care Accreditation"


def use_as_the_sharing_image(image):
    from tests.factories import make_clinic_settings

    make_clinic_settings(sharing_image=image)
    return "Clinic settings: Test Clinic"


@pytest.mark.parametrize(
    "use",
    [
        use_as_lead_image_of_a_page,
        use_as_lead_image_of_an_article,
        use_as_a_photo,
        use_as_a_badge,
        use_as_the_sharing_image,
    ],
)
def test_picture_in_use_is_not_deleted_and_the_admin_says_where(
    marketing, use, django_capture_on_commit_callbacks
):
    from tests.html import page_of

    image = make_image()
    where = use(image)
    before = stored_files()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        asked = marketing.get(delete_url(image))
        confirmed = marketing.post(delete_url(image), {"post": "yes"})

    for response in (asked, confirmed):
        assert response.status_code == 200
        content = page_of(response).find("div", id="content")
        assert content.find("p").text() == (
            "“Group room” cannot be deleted: it is still shown in the places below. Choose "
            "another picture (or none) in each of them, save, and then delete this one."
        )
        assert [item.text() for item in content.find("ul").find_all("li")] == [where]
        assert content.find_all("form") == []
    assert callbacks == []
    assert Image.objects.filter(pk=image.pk).exists()
    assert stored_files() == before


def test_pictures_in_use_are_not_deleted_from_the_list(marketing):
    from tests.factories import make_page
    from tests.html import page_of

    used, unused = make_image(), make_image(title="Spare", name="spare.jpg")
    make_page(title="Parking", slug="parking", lead_image=used)

    response = marketing.post(
        reverse("admin:programs_image_changelist"),
        {"action": "delete_selected", "_selected_action": [used.pk, unused.pk], "post": "yes"},
    )

    assert response.status_code == 200
    content = page_of(response).find("div", id="content")
    assert content.find("p").text() == (
        "None of the selected pictures was deleted: some are still shown in the places below. "
        "Choose another picture (or none) in each of them, save, and then delete the pictures."
    )
    assert [item.text() for item in content.find("ul").find_all("li")] == ["Page: Parking"]
    assert Image.objects.count() == 2


# --- Making renditions ahead of time ---------------------------------------------------


def make_renditions_command(*args):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("make_renditions", *args, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def renditions_stored():
    return [name for name in stored_files() if name.startswith("renditions/")]


def test_make_renditions_makes_only_the_missing_ones():
    image = make_image()
    expected = sorted(file.name for file in images.all_rendition_files(image))
    for name in expected[:3]:
        default_storage.delete(name)

    assert make_renditions_command() == "3 rendition(s) written for 1 picture(s)."
    assert renditions_stored() == expected
    assert make_renditions_command() == "0 rendition(s) written for 1 picture(s)."


def test_make_renditions_with_force_makes_every_one_again():
    make_image()
    make_image(title="Wave", name="wave.png", content=picture_bytes(image_format="PNG"))
    before = renditions_stored()

    assert make_renditions_command("--force") == (
        f"{len(before)} rendition(s) written for 2 picture(s)."
    )
    assert renditions_stored() == before


def test_make_renditions_after_a_change_of_widths_updates_the_texts(monkeypatch, client):
    from tests.factories import make_clinic_settings, make_page

    make_clinic_settings()
    image = make_image(content=picture_bytes(size=(1000, 600)))
    make_page(slug="parking", body=f"![A room](image:{image.pk})")
    monkeypatch.setattr(images, "RENDITION_WIDTHS", (300, 600, 1600))

    assert make_renditions_command() == "4 rendition(s) written for 1 picture(s)."

    html = client.get("/parking/").content.decode()
    (img,) = [attrs for tag, attrs in rendered_tags(html) if tag == "img"]
    widths = [candidate.split()[1] for candidate in img["srcset"].split(", ")]
    assert widths == ["300w", "600w", "1000w"]
    for url in [img["src"], *(c.split()[0] for c in img["srcset"].split(", "))]:
        response = client.get(url)
        response.close()
        assert response.status_code == 200, url


def test_make_renditions_names_a_picture_whose_file_is_missing():
    from io import StringIO

    from django.core.management import CommandError, call_command

    image = make_image()
    default_storage.delete(image.file.name)
    errors = StringIO()

    with pytest.raises(CommandError, match="1 picture"):
        call_command("make_renditions", stdout=StringIO(), stderr=errors)

    assert errors.getvalue().strip() == (
        f"MISSING  image {image.pk} “Group room”: {image.file.name} is not in the storage; "
        "upload the picture again."
    )


def test_imagekits_generateimages_knows_none_of_these_renditions():
    # Why the site has make_renditions: imagekit only makes its registered generators'
    # files, and these renditions are specs made per picture.
    from io import StringIO

    from django.core.management import call_command

    make_image()
    for name in renditions_stored():
        default_storage.delete(name)

    call_command("generateimages", stdout=StringIO())

    assert renditions_stored() == []


def rendered_tags(html):
    parser = ImgParser()
    parser.feed(html)
    return parser.tags


def test_replacing_the_picture_removes_the_old_file_and_renditions_once_committed(
    marketing, client, django_capture_on_commit_callbacks
):
    image = make_image()
    old_files, old_url = stored_files(), image.file.url
    change_url = reverse("admin:programs_image_change", args=[image.pk])
    new_picture = SimpleUploadedFile(
        "group-room.jpg", picture_bytes(size=(900, 600), color=(40, 90, 120)), "image/jpeg"
    )

    with django_capture_on_commit_callbacks() as callbacks:
        response = marketing.post(
            change_url, {"title": "Group room", "alt_text": "A group room.", "file": new_picture}
        )
        # Not yet committed: the old files are still there.
        assert set(old_files) <= set(stored_files())
    for callback in callbacks:
        callback()

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.width == 900
    assert stored_files() == sorted(images.stored_names(image))
    assert not set(old_files) & set(stored_files())
    assert client.get(old_url).status_code == 404
