"""Translation status of any translatable object, and the editor panel that shows it."""
