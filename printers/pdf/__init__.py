"""A4 PDFs (fpdf2) of Forms 01–05 and the apology letter, in the layout of an official
Vietnamese document, from the dataclasses of printers.layouts.

`form_pdf(data, letterhead) -> bytes`; one function per form as well.
"""

from printers.pdf.forms import (
    APOLOGY_TITLES,
    FORMS,
    FormData,
    apology_pdf,
    control_pdf,
    form_pdf,
    receipt_pdf,
    refusal_pdf,
    supplement_pdf,
)
from printers.pdf.page import Letterhead, vn_date

__all__ = ["APOLOGY_TITLES", "FORMS", "FormData", "Letterhead", "apology_pdf", "control_pdf",
           "form_pdf", "receipt_pdf", "refusal_pdf", "supplement_pdf", "vn_date"]
