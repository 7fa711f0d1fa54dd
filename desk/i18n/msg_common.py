"""Messages shared by every area."""

VI = {
    "yes": "Có",
    "no": "Không",
}
EN = {
    "yes": "Yes",
    "no": "No",
}
