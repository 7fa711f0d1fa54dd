"""Fixed sample data for every layout (print previews, test sheets, golden tests)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from printers.document import Document
from printers.layouts.apology import ApologyData, build_apology
from printers.layouts.control import ControlData, ControlStep, build_control
from printers.layouts.guide import GuideData, build_guide
from printers.layouts.receipt import ReceiptData, build_receipt
from printers.layouts.refusal import RefusalData, build_refusal
from printers.layouts.supplement import SupplementData, build_supplement
from printers.layouts.ticket import TicketData, build_ticket

__all__ = ["SAMPLES", "sample_documents"]

OFFICE = "UBND xã Tân Phú"
CODE = "000.17.22.H56-210531-0001"
RECEIVED = datetime(2021, 5, 31, 8, 45)
DUE = datetime(2021, 6, 7, 14, 0)
PROCEDURE = "Đăng ký khai sinh"

RECEIPT = ReceiptData(
    office_name=OFFICE, number="125/TN", dossier_code=CODE,
    applicant_name="Nguyễn Thị Hồng Nhung",
    applicant_address="Thôn Đông Hải, xã Tân Phú, huyện Đức Trọng, tỉnh Lâm Đồng",
    applicant_phone="0912 345 678", procedure_name=PROCEDURE,
    documents=("Tờ khai đăng ký khai sinh", "Giấy chứng sinh (bản chính)",
               "Căn cước của cha, mẹ (bản sao)"),
    sets=1, time_limit_text="05 ngày làm việc", received_at=RECEIVED, appointment_at=DUE,
    collect_at="Bộ phận Một cửa, UBND xã Tân Phú", clerk_name="Trần Văn Đức",
    status_url="https://dichvucong.tanphu.gov.vn/tra-cuu?ma=000.17.22.H56-210531-0001",
)
TICKET = TicketData(office_name=OFFICE, service_name="Tư pháp - Hộ tịch", number="A015",
                    issued_at=datetime(2021, 5, 31, 9, 12), people_ahead=4,
                    priority_reason="Người cao tuổi")
SUPPLEMENT = SupplementData(
    office_name=OFFICE, number="12/BS", dossier_code=CODE,
    applicant_name="Nguyễn Thị Hồng Nhung", procedure_name=PROCEDURE, received_at=RECEIVED,
    requests=("Bổ sung bản chính Giấy chứng sinh", "Ghi rõ quê quán của người mẹ trên tờ khai"),
    clerk_name="Trần Văn Đức", issued_at=datetime(2021, 6, 1, 10, 30),
    contact="0263 3845 123")
REFUSAL = RefusalData(
    office_name=OFFICE, number="03/TC", applicant_name="Lê Văn Ẩn",
    procedure_name="Chứng thực bản sao từ bản chính",
    reasons=("Bản chính đã bị tẩy xóa, sửa chữa nội dung",),
    clerk_name="Trần Văn Đức", issued_at=datetime(2021, 6, 2, 15, 5))
APOLOGY = ApologyData(
    office_name=OFFICE, dossier_code=CODE, applicant_name="Nguyễn Thị Hồng Nhung",
    old_appointment=DUE, new_appointment=datetime(2021, 6, 10, 14, 0),
    reason="Cần xác minh thông tin hộ tịch với UBND huyện Đức Trọng")
CONTROL = ControlData(
    office_name=OFFICE, dossier_code=CODE, applicant_name="Nguyễn Thị Hồng Nhung",
    procedure_name=PROCEDURE, received_at=RECEIVED, appointment_at=DUE,
    steps=(ControlStep("Bộ phận Một cửa", "Công chức Tư pháp", datetime(2021, 5, 31, 9, 0),
                       "Đúng hạn"),
           ControlStep("Công chức Tư pháp", "Chủ tịch UBND", datetime(2021, 6, 3, 16, 0),
                       "Đúng hạn"),
           ControlStep("Chủ tịch UBND", "Bộ phận Một cửa", datetime(2021, 6, 4, 10, 0),
                       "Đã ký")))
GUIDE = GuideData(
    office_name=OFFICE, procedure_name=PROCEDURE,
    documents=("Tờ khai theo mẫu", "Giấy chứng sinh", "Căn cước của người đi đăng ký"),
    fee="Miễn phí (đúng hạn 60 ngày)", time_limit_text="Trong ngày làm việc",
    where="Bộ phận Một cửa, UBND xã Tân Phú",
    public_url="https://dichvucong.gov.vn/thu-tuc/1.001193")

SAMPLES: dict[str, Callable[[], Document]] = {
    "receipt": lambda: build_receipt(RECEIPT),
    "ticket": lambda: build_ticket(TICKET),
    "supplement": lambda: build_supplement(SUPPLEMENT),
    "refusal": lambda: build_refusal(REFUSAL),
    "apology": lambda: build_apology(APOLOGY),
    "control": lambda: build_control(CONTROL),
    "guide": lambda: build_guide(GUIDE),
}


def sample_documents() -> dict[str, Document]:
    return {name: make() for name, make in SAMPLES.items()}
