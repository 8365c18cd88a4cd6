"""The handbook core: content loading, validation and page rendering, independent of MkDocs.

MkDocs hooks in the parent folder import it; so do the command line (`python -m handbook`) and
the tests. Nothing here imports MkDocs, which keeps it fast to test and free to move.
"""
