"""The queue: tickets, appointments, wait estimates, ratings, spoken calls."""
