"""A process-wide, pre-warmed PDF engine for the TUI.

Importing fpdf2 (with fontTools, numpy and cryptography behind it) costs ~0.4 s of CPU, and
the first page also loads the three shipped faces, python-barcode, qrcode and Pillow: done in
the clerk's first letter, that was the wait behind "Đang lập văn bản…". The app calls `warm()`
in a worker after its first paint, so the first A4 document costs what every later one does.
"""

from __future__ import annotations

from printers.pdf.page import Letterhead, OfficialPdf


def warm() -> int:
    """Make one throw-away page with every part an A4 document uses; its size in bytes."""
    pdf = OfficialPdf(Letterhead(office_name="UBND xã Mẫu", place="Hà Nội"))
    pdf.letterhead("01/PXL")
    pdf.heading("VĂN BẢN XIN LỖI", "Mã hồ sơ: 000.00.00.H00-000000-0000")
    pdf.qr("000.00.00.H00-000000-0000", 22, pdf.w - pdf.r_margin - 22, pdf.get_y())
    pdf.barcode("000.00.00.H00-000000-0000")
    pdf.para("Kính gửi: Ông/Bà Nguyễn Văn Hiệp", bold=True, indent=False, align="C")
    pdf.para("Rất mong nhận được sự thông cảm của Ông/Bà./.", italic=True)
    pdf.signatures([("Chủ tịch", "(Ký, ghi rõ họ tên, đóng dấu)", "Trần Văn Minh")])
    return len(pdf.pdf_bytes())
