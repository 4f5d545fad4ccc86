"""Spreadsheet column references, shared by the trim scripts."""


def col_number(ref):
    """'AB12' -> 28."""
    n = 0
    for ch in ref:
        if not ch.isalpha():
            break
        n = n * 26 + (ord(ch.upper()) - ord("A") + 1)
    return n


def col_letters(n):
    """28 -> 'AB'."""
    s = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        s = chr(ord("A") + rem) + s
    return s
