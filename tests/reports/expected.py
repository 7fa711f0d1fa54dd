"""The figures of the fixture history (tests/reports/conftest.py) for 02/11–13/11/2026,
computed by hand from the dossier list in conftest's docstring."""

from __future__ import annotations

from datetime import date

Z = dict.fromkeys(("carried_over", "new_direct", "new_online", "new_postal", "early", "on_time",
                   "late", "open_not_due", "open_overdue", "paused", "refused", "withdrawn",
                   "stopped", "apologies", "returned", "returned_postal"), 0)

# Total: carried over A B C F Q; new direct G J K M N O, online H L, postal I; resolved early
# A G, on time B H J, late C I; in progress at the end: not due N, overdue F O, paused M;
# refused K, withdrawn L, stopped Q; apologies C O (F's was before the period); returned in the
# period A B G I J, by post B I.
TOTAL = {**Z, "carried_over": 5, "new_direct": 6, "new_online": 2, "new_postal": 1, "early": 2,
         "on_time": 3, "late": 2, "open_not_due": 1, "open_overdue": 2, "paused": 1,
         "refused": 1, "withdrawn": 1, "stopped": 1, "apologies": 2, "returned": 5,
         "returned_postal": 2}
TOTAL_DERIVED = {"received": 14, "resolved": 7, "in_progress": 4, "on_time_rate": 5 / 7,
                 "online_share": 2 / 9, "postal_return_share": 2 / 5}

FIELDS = {
    # HT: A C G K M O (1.004873) + J (1.001193)
    "HT": {**Z, "carried_over": 2, "new_direct": 5, "early": 2, "on_time": 1, "late": 1,
           "open_overdue": 1, "paused": 1, "refused": 1, "apologies": 2, "returned": 3},
    # CU: B Q (carried), H L (online)
    "CU": {**Z, "carried_over": 2, "new_online": 2, "on_time": 2, "withdrawn": 1, "stopped": 1,
           "returned": 1, "returned_postal": 1},
    # CT: F (carried), I (postal), N (direct)
    "CT": {**Z, "carried_over": 1, "new_direct": 1, "new_postal": 1, "late": 1,
           "open_not_due": 1, "open_overdue": 1, "returned": 1, "returned_postal": 1},
}
PROCEDURES = {
    "1.004873": {**Z, "carried_over": 2, "new_direct": 4, "early": 2, "late": 1,
                 "open_overdue": 1, "paused": 1, "refused": 1, "apologies": 2, "returned": 2},
    "1.001193": {**Z, "new_direct": 1, "on_time": 1, "returned": 1},
    "1.004194": FIELDS["CU"],
    "2.001019": FIELDS["CT"],
}

# New dossiers and results per local day (days not listed: 0).
RECEIVED_BY_DAY = {date(2026, 11, 2): 1, date(2026, 11, 3): 1, date(2026, 11, 4): 1,
                   date(2026, 11, 5): 1, date(2026, 11, 9): 2, date(2026, 11, 10): 1,
                   date(2026, 11, 12): 1, date(2026, 11, 13): 1}
RESOLVED_BY_DAY = {date(2026, 11, 2): 1, date(2026, 11, 4): 2, date(2026, 11, 5): 1,
                   date(2026, 11, 6): 1, date(2026, 11, 9): 1, date(2026, 11, 12): 1}

# Ratings 03/11–08/11: counter 1 (Lan) 3 very + 1 satisfied; counter 2 (Minh) 1 + 1 not.
SATISFACTION = {"total": (3, 2, 1, 5 / 6), "1": (3, 1, 0, 1.0), "2": (0, 1, 1, 0.5)}

# Indicator 1: (2 early × 2 + 3 on time × 1 + 2 late × 0) / 7 = 1.0; indicator 9: online share
# 2/9 = 22 % → 1 point; 2.0 of 4 → 9.0 on 18 → Khá.
SCORE = {"ind1": 1.0, "ind9": 1.0, "points": 2.0, "max": 4.0, "estimate": 9.0, "band": "kha"}

# Form 06: the nine dossiers received in the period, in order of receipt.
BOOK_ORDER = ["G", "H", "I", "K", "O", "L", "M", "J", "N"]
