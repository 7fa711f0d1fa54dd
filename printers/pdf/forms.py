"""Forms 01–05 (Circular 01/2018/TT-VPCP; Form 04 under the 2025 rules is the letter of
apology and request to extend the time limit) as A4 PDFs, from the same frozen dataclasses
the thermal layouts use."""

from __future__ import annotations

from datetime import datetime

from printers.layouts.apology import ApologyData
from printers.layouts.control import ControlData
from printers.layouts.receipt import TITLE as RECEIPT_TITLE
from printers.layouts.receipt import ReceiptData, money
from printers.layouts.refusal import TITLE as REFUSAL_TITLE
from printers.layouts.refusal import RefusalData
from printers.layouts.supplement import TITLE as SUPPLEMENT_TITLE
from printers.layouts.supplement import SupplementData
from printers.pdf.page import Letterhead, OfficialPdf, vn_date

__all__ = ["APOLOGY_TITLES", "FORMS", "FormData", "apology_pdf", "control_pdf", "form_pdf",
           "receipt_pdf", "refusal_pdf", "supplement_pdf"]

FormData = ReceiptData | SupplementData | RefusalData | ApologyData | ControlData
APOLOGY_TITLES = {
    "2018": "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
    "2025": "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
}
CONTROL_TITLE = "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"
SIGN_NOTE = "(Ký và ghi rõ họ tên)"


def moment(at: datetime) -> str:
    """'08 giờ 45 phút, ngày 31 tháng 5 năm 2021'."""
    return f"{at.hour:02d} giờ {at.minute:02d} phút, {vn_date(at)}"


def _codes(pdf: OfficialPdf, code: str, qr: str | None = None) -> None:
    y = pdf.get_y()
    if qr:
        pdf.qr(qr, 22, pdf.w - pdf.r_margin - 22, y - 2)
    pdf.barcode(code)
    pdf.set_y(max(pdf.get_y(), y + 22 if qr else 0) + 2)


def fee_qr_block(pdf: OfficialPdf, payload: str, amount: int, size: float = 32) -> None:
    """The fee's VietQR under its sentence (issue 17): scanned by any banking app."""
    pdf.para(f"7. Lệ phí: {money(amount)}. Ông/Bà có thể nộp bằng chuyển khoản: quét mã "
             "VietQR dưới đây bằng ứng dụng ngân hàng (số tiền và nội dung đã điền sẵn).",
             indent=False)
    if pdf.get_y() + size + 4 > pdf.h - pdf.b_margin:
        pdf.add_page()
    top = pdf.get_y() + 1
    pdf.qr(payload, size, (pdf.w - size) / 2, top)
    pdf.set_y(top + size + 2)


def receipt_pdf(data: ReceiptData, head: Letterhead,
                created: datetime | None = None) -> bytes:
    pdf = OfficialPdf(head, created)
    pdf.letterhead(data.number, data.received_at)
    pdf.heading(RECEIPT_TITLE, f"Mã hồ sơ: {data.dossier_code}")
    _codes(pdf, data.dossier_code, data.status_url or data.dossier_code)
    pdf.para(f"{head.unit} {data.office_name} đã tiếp nhận hồ sơ của:", indent=False)
    pdf.field("Ông/Bà", data.applicant_name)
    pdf.field("Địa chỉ", data.applicant_address or "…")
    pdf.field("Số điện thoại", data.applicant_phone or "…")
    pdf.field("Nội dung yêu cầu giải quyết", data.procedure_name)
    pdf.para("1. Thành phần hồ sơ nộp gồm:", indent=False)
    pdf.grid(("TT", "Tên giấy tờ", "Số lượng"),
             [(str(i), d, "01") for i, d in enumerate(data.documents, 1)] or [("", "…", "")],
             (12, 128, 25))
    pdf.para(f"2. Số lượng hồ sơ: {data.sets:02d} bộ.", indent=False)
    pdf.para(f"3. Thời gian giải quyết hồ sơ theo quy định là: {data.time_limit_text}.",
             indent=False)
    pdf.para(f"4. Thời gian nhận hồ sơ: {moment(data.received_at)}.", indent=False)
    pdf.para(f"5. Thời gian trả kết quả giải quyết hồ sơ: {moment(data.appointment_at)}.",
             indent=False)
    pdf.para(f"6. Đăng ký nhận kết quả tại: {data.collect_at}.", indent=False)
    if data.fee_qr:
        fee_qr_block(pdf, data.fee_qr, data.fee_amount)
    pdf.signatures([("Người nộp hồ sơ", SIGN_NOTE, data.applicant_name),
                    ("Người tiếp nhận hồ sơ", SIGN_NOTE, data.clerk_name)])
    return pdf.pdf_bytes()


def supplement_pdf(data: SupplementData, head: Letterhead,
                   created: datetime | None = None) -> bytes:
    pdf = OfficialPdf(head, created)
    pdf.letterhead(data.number, data.issued_at)
    pdf.heading(SUPPLEMENT_TITLE, f"Mã hồ sơ: {data.dossier_code}")
    _codes(pdf, data.dossier_code)
    pdf.field("Hồ sơ của", data.applicant_name)
    pdf.field("Nội dung yêu cầu giải quyết", data.procedure_name)
    pdf.para(f"Ngày nhận hồ sơ: {moment(data.received_at)}.", indent=False)
    pdf.para("Sau khi nghiên cứu, xem xét thành phần hồ sơ, đề nghị Ông/Bà bổ sung, hoàn "
             "thiện hồ sơ gồm những nội dung sau:")
    pdf.items(data.requests)
    pdf.para("Lý do: hồ sơ chưa đầy đủ, chưa hợp lệ theo quy định.")
    contact = f" theo số điện thoại {data.contact}" if data.contact else ""
    pdf.para(f"Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với "
             f"{data.clerk_name}{contact} để được hướng dẫn.")
    pdf.signatures([("Người hướng dẫn", SIGN_NOTE, data.clerk_name)])
    return pdf.pdf_bytes()


def refusal_pdf(data: RefusalData, head: Letterhead,
                created: datetime | None = None) -> bytes:
    pdf = OfficialPdf(head, created)
    pdf.letterhead(data.number, data.issued_at)
    pdf.heading(REFUSAL_TITLE, f"Mã hồ sơ: {data.dossier_code}" if data.dossier_code else "")
    if data.dossier_code:
        _codes(pdf, data.dossier_code)
    pdf.para(f"{head.unit} {data.office_name} tiếp nhận hồ sơ của:", indent=False)
    pdf.field("Ông/Bà", data.applicant_name)
    pdf.field("Nội dung yêu cầu giải quyết", data.procedure_name)
    pdf.para("Sau khi xem xét thành phần, tính hợp lệ của hồ sơ và căn cứ quy định, cơ quan "
             "từ chối tiếp nhận, giải quyết hồ sơ này với lý do sau:")
    pdf.items(data.reasons)
    pdf.para("Xin thông báo để Ông/Bà biết và thực hiện./.")
    pdf.signatures([("Người tiếp nhận hồ sơ", SIGN_NOTE, data.clerk_name)])
    return pdf.pdf_bytes()


def apology_pdf(data: ApologyData, head: Letterhead, issued: datetime | None = None,
                created: datetime | None = None) -> bytes:
    pdf = OfficialPdf(head, created)
    pdf.letterhead("", issued or data.new_appointment, unit=False)
    new_rules = head.form_set == "2025"
    pdf.heading(APOLOGY_TITLES["2025" if new_rules else "2018"], f"Mã hồ sơ: {data.dossier_code}")
    _codes(pdf, data.dossier_code)
    pdf.para(f"Kính gửi: Ông/Bà {data.applicant_name}", bold=True, indent=False, align="C")
    pdf.para(f"{data.office_name} đã tiếp nhận hồ sơ của Ông/Bà, mã hồ sơ "
             f"{data.dossier_code}; thời gian hẹn trả kết quả: {moment(data.old_appointment)}.")
    late = "đã quá thời hạn nhưng " if data.late else ""
    pdf.para(f"Tuy nhiên, đến nay {late}{data.office_name} chưa thể trả kết quả giải quyết hồ "
             f"sơ cho Ông/Bà đúng hẹn. Lý do: {data.reason}.")
    if new_rules:
        pdf.para(f"{data.office_name} trân trọng xin lỗi Ông/Bà và đề nghị gia hạn thời gian "
                 f"giải quyết hồ sơ đến {moment(data.new_appointment)}.")
    else:
        pdf.para(f"Sự chậm trễ này đã gây phiền hà cho Ông/Bà. {data.office_name} xin lỗi "
                 f"Ông/Bà và hẹn trả kết quả vào {moment(data.new_appointment)}.")
    pdf.para("Rất mong nhận được sự thông cảm của Ông/Bà./.")
    pdf.signatures([(head.signer_title or "Thủ trưởng cơ quan", "(Ký, ghi rõ họ tên, đóng dấu)",
                     head.signer_name)])
    return pdf.pdf_bytes()


def control_pdf(data: ControlData, head: Letterhead,
                created: datetime | None = None) -> bytes:
    pdf = OfficialPdf(head, created)
    pdf.letterhead("", data.received_at)
    pdf.heading(CONTROL_TITLE, f"Mã hồ sơ: {data.dossier_code}")
    _codes(pdf, data.dossier_code)
    pdf.field("Kèm theo hồ sơ của", data.applicant_name)
    pdf.field("Nội dung yêu cầu giải quyết", data.procedure_name)
    pdf.para(f"Ngày nhận: {moment(data.received_at)}.", indent=False)
    pdf.para(f"Ngày hẹn trả: {moment(data.appointment_at)}.", indent=False)
    rows = [(f"{i}. Giao: {s.giver}\nNhận: {s.receiver}", moment(s.handed_at), s.result, "")
            for i, s in enumerate(data.steps, 1)]
    pdf.grid(("TÊN CƠ QUAN", "THỜI GIAN GIAO, NHẬN HỒ SƠ", "KẾT QUẢ GIẢI QUYẾT HỒ SƠ", "GHI CHÚ"),
             rows or [("", "", "", "")], (50, 50, 40, 25))
    return pdf.pdf_bytes()


FORMS = {1: ReceiptData, 2: SupplementData, 3: RefusalData, 4: ApologyData, 5: ControlData}


def form_pdf(data: FormData, head: Letterhead, created: datetime | None = None) -> bytes:
    """The A4 PDF of whichever form `data` is for; `created` (the desk's clock) is its
    CreationDate."""
    if isinstance(data, ReceiptData):
        return receipt_pdf(data, head, created)
    if isinstance(data, SupplementData):
        return supplement_pdf(data, head, created)
    if isinstance(data, RefusalData):
        return refusal_pdf(data, head, created)
    if isinstance(data, ApologyData):
        return apology_pdf(data, head, created=created)
    if isinstance(data, ControlData):
        return control_pdf(data, head, created)
    raise TypeError(f"no A4 form for {type(data).__name__}")
