"""What the handbook's hook modules share. Not a hook: mkdocs.yml lists the hooks (hooks/handbook_*.py).

- `state`: the one object per build that the hooks share (the loaded handbook, the QR codes), and
  whether MkDocs was started by `mkdocs serve` or `mkdocs build`.
- `i18n`: everything the hooks read of mkdocs-static-i18n, in one place.
"""
