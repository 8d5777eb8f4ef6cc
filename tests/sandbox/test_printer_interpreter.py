"""The ESC/POS interpreter on hand-made bytes: text in each code page (Kazakh letters decoded right),
styles and sizes, feeds, raster images dot for dot, QR codes, cuts, status requests, bytes in pieces,
and a clear refusal of what it does not know (decision 0106)."""

from __future__ import annotations

import pytest
import zxingcpp
from PIL import Image
from PIL import ImageChops

from epay_desktop.sandbox.printer.interpreter import RONGTA_CODE_PAGES
from epay_desktop.sandbox.printer.interpreter import EscPosError
from epay_desktop.sandbox.printer.interpreter import Interpreter
from epay_desktop.sandbox.printer.interpreter import Paper
from epay_desktop.sandbox.printer.interpreter import render_escpos

INIT = b"\x1b@"
KAZAKH = "Сәлеметсіз бе! әғқңөұүһі ӘҒҚҢӨҰҮҺІ Қазақстан"  # 43 cells


def _inked(image: Image.Image) -> int:
    """Black dots on the paper."""
    return image.convert("L").histogram()[0]


def _raster(image: Image.Image) -> bytes:
    """``GS v 0`` of a 1-bit image whose width is a multiple of 8 (bit 1 = a black dot)."""
    ink = Image.eval(image.convert("L"), lambda v: 255 - v).convert("1")
    return (
        b"\x1dv0\x00"
        + bytes([image.width // 8 % 256, image.width // 8 // 256, image.height % 256, image.height // 256])
        + ink.tobytes()
    )


def test_kazakh_text_in_kz1048_is_printed_and_read_back_letter_for_letter():
    out = render_escpos(INIT + b"\x1bt\x35" + KAZAKH.encode("kz1048") + b"\n", 576)
    assert out.lines == [KAZAKH]
    assert out.image.size == (576, 30)  # one line at the power-on pitch
    assert _inked(out.image) > 1000


@pytest.mark.parametrize(
    ("slot", "codec", "pages"),
    [(17, "cp866", None), (46, "cp1251", None), (59, "cp866", None), (7, "cp866", RONGTA_CODE_PAGES)],
)
def test_russian_in_the_page_the_slot_names(slot, codec, pages):
    text = "Итого к оплате: 1 500,00 тг №42"
    kwargs = {"code_pages": pages} if pages else {}
    out = render_escpos(INIT + b"\x1bt" + bytes([slot]) + text.encode(codec) + b"\n", 384, **kwargs)
    assert out.lines == [text]


def test_the_same_bytes_read_in_another_page_give_other_letters():
    """What a printer in the wrong page prints: the reason the calibration page exists."""
    out = render_escpos(INIT + b"\x1bt\x11" + "Қазақ".encode("kz1048") + b"\n", 384)
    assert out.lines != ["Қазақ"]


def test_esc_at_returns_to_the_power_on_page():
    data = INIT + b"\x1bt\x35" + "Қ".encode("kz1048") + b"\n" + INIT + b"A\n"
    assert render_escpos(data, 384).lines == ["Қ", "A"]


def test_a_byte_the_page_has_no_letter_for_is_refused_with_its_offset():
    with pytest.raises(EscPosError, match=r"byte 5: byte 98 has no letter in cp1251"):
        render_escpos(INIT + b"\x1bt\x2e\x98\n", 384)


def test_an_unknown_command_is_refused_in_strict_mode_and_skipped_otherwise():
    data = INIT + b"\x1bZ\x01ok\n"
    with pytest.raises(EscPosError, match=r"byte 2: unknown command 1B 5A"):
        render_escpos(data, 384)
    lenient = render_escpos(data, 384, strict=False)
    assert lenient.skipped == 2  # ESC Z, then its parameter (a control byte)
    assert lenient.lines == ["ok"]


def test_a_slot_with_no_page_is_refused():
    with pytest.raises(EscPosError, match="ESC t 99: no code page in slot 99"):
        render_escpos(INIT + b"\x1btc", 384)


def test_a_job_that_ends_inside_a_command_is_refused():
    with pytest.raises(EscPosError, match="the job ends inside a command"):
        render_escpos(INIT + b"\x1dv0\x00\x02\x00\x05\x00\xff", 384)


def test_alignment_puts_the_line_left_centre_and_right():
    boxes = []
    for n in (0, 1, 2):
        out = render_escpos(INIT + b"\x1ba" + bytes([n]) + b"XX\n", 384)
        boxes.append(out.image.convert("L").point(lambda v: 255 - v).getbbox())
    left, centre, right = (box[0] for box in boxes)
    assert left < 12 and 180 <= centre <= 192 and right >= 384 - 24


def test_double_size_doubles_the_cells_and_the_line():
    normal = render_escpos(INIT + b"W\n", 384)
    double = render_escpos(INIT + b"\x1d!\x11W\n", 384)
    tall = render_escpos(INIT + b"\x1d!\x01W\n", 384)
    assert normal.image.height == 30 and double.image.height == 48 and tall.image.height == 48
    assert _inked(double.image) > 3 * _inked(normal.image)
    esc_bang = render_escpos(INIT + b"\x1b!\x30W\n", 384)  # ESC ! double width + height
    assert esc_bang.image.tobytes() == double.image.tobytes()


def test_bold_underline_and_reverse_ink_more():
    plain = _inked(render_escpos(INIT + b"Ab\n", 384).image)
    for style in (b"\x1bE\x01", b"\x1b-\x01", b"\x1dB\x01", b"\x1bG\x01"):
        assert _inked(render_escpos(INIT + style + b"Ab\n", 384).image) > plain, style


def test_a_full_line_wraps_like_a_printer():
    out = render_escpos(INIT + b"x" * 40 + b"\n", 384)  # 32 columns of Font A on 384 dots
    assert out.lines == ["x" * 32, "x" * 8]


def test_feeds_move_the_paper_by_lines_and_dots():
    assert render_escpos(INIT + b"\x1bd\x03", 384).image.height == 90
    assert render_escpos(INIT + b"\x1b3\x18\x1bd\x03", 384).image.height == 72
    assert render_escpos(INIT + b"\x1bJ\x07", 384).image.height == 7
    assert render_escpos(INIT + b"\x1b3\x18\x1b2\n", 384).image.height == 30


def test_a_raster_image_comes_back_dot_for_dot():
    picture = Image.new("1", (64, 40), 1)
    for x in range(64):
        for y in range(40):
            if (x * 7 + y * 3) % 5 == 0 or x == y:
                picture.putpixel((x, y), 0)
    out = render_escpos(INIT + _raster(picture), 384)
    assert out.image.size == (384, 40)
    assert (
        ImageChops.difference(out.image.crop((0, 0, 64, 40)).convert("L"), picture.convert("L")).getbbox()
        is None
    )
    assert _inked(out.image.crop((64, 0, 384, 40))) == 0


def test_a_raster_wider_than_the_head_is_refused():
    with pytest.raises(EscPosError, match="an image 576 dots wide on a 384-dot head"):
        render_escpos(INIT + _raster(Image.new("1", (576, 2), 1)), 384)


def test_a_stored_qr_code_prints_and_reads_back():
    payload = b"https://epay.example/receipt/000123456"
    size = len(payload) + 3
    data = (
        INIT
        + b"\x1ba\x01"
        + b"\x1d(k\x04\x001A2\x00"  # model 2
        + b"\x1d(k\x03\x001C\x06"  # 6 dots a module
        + b"\x1d(k\x03\x001E1"  # level M
        + b"\x1d(k"
        + bytes([size % 256, size // 256])
        + b"1P0"
        + payload
        + b"\x1d(k\x03\x001Q0"
        + b"\x1bd\x02"
    )
    out = render_escpos(data, 576)
    [found] = zxingcpp.read_barcodes(out.image.convert("L"))
    assert found.text == payload.decode()


def test_a_cut_is_marked_where_it_happens_and_the_drawer_kick_counted():
    out = render_escpos(INIT + b"\x1bp\x00\x32\x32" + b"end\n" + b"\x1dV\x42\x03" + b"more\n\x1dV\x00", 384)
    assert out.cuts == [33, 64]
    assert out.drawer_kicks == 1


def test_status_requests_are_answered_by_the_hook_in_order():
    asked = []
    printer = Interpreter(384, on_status=asked.append)
    printer.feed(INIT + b"\x10\x04\x01abc\n\x10\x04\x04")
    assert asked == [1, 4]
    assert printer.finish().status_requests == [1, 4]


def test_bytes_in_any_pieces_print_the_same_paper():
    whole = (
        INIT
        + b"\x1bt\x35\x1ba\x01\x1d!\x11"
        + "Чек".encode("kz1048")
        + b"\n\x1d!\x00"
        + KAZAKH.encode("kz1048")
        + b"\n"
        + _raster(Image.new("1", (16, 3), 0))
        + b"\x1dV\x01"
    )
    once = render_escpos(whole, 576)
    printer = Interpreter(576)
    for i in range(len(whole)):
        printer.feed(whole[i : i + 1])
    pieces = printer.finish()
    assert pieces.lines == once.lines and pieces.cuts == once.cuts
    assert pieces.image.tobytes() == once.image.tobytes()


def test_after_the_paper_runs_out_nothing_more_is_printed_but_status_is_answered():
    asked = []
    paper = Paper(lines_left=2)
    printer = Interpreter(384, paper=paper, on_status=asked.append)
    printer.feed(INIT + b"one\ntwo\nthree\nfour\n\x10\x04\x04")
    out = printer.finish()
    assert out.lines == ["one", "two"]
    assert paper.ended and asked == [4]
    assert out.lost_bytes == len(b"three\nfour\n")
    paper.load()
    assert not paper.ended
