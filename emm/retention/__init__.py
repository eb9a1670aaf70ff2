"""Retention (covenant art. 7), data-subject rights (art. 9, 10) and a party's exit (art. 14.3)."""
