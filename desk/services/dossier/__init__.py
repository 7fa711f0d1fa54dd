"""A dossier from intake to return: intake, lifecycle, views, fees, steps, search, receipts."""
