"""screens/widgets."""
