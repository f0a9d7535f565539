"""The editors' tools: roles and permissions, review, reminders, translation files and report,
content loading, export and import, two-factor sign-in."""
