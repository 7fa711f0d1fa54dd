"""ESC/POS rendering for Vietnamese thermal printers.

Public API: `render(document, profile) -> bytes`, `PrinterProfile`, `PRESETS`,
`get_profile(name)`, and the decoder `decode`, `decode_text`, `decode_image`.
"""

from printers.escpos.decode import decode, decode_image, decode_text
from printers.escpos.profiles import PRESETS, PrinterProfile, get_profile
from printers.escpos.render import render

__all__ = ["PRESETS", "PrinterProfile", "decode", "decode_image", "decode_text",
           "get_profile", "render"]
