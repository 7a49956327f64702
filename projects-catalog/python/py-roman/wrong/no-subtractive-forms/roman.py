SYMBOLS = [(1000, "M"), (500, "D"), (100, "C"), (50, "L"), (10, "X"), (5, "V"), (1, "I")]
VALUES = dict((symbol, value) for value, symbol in SYMBOLS)


def to_roman(n: int) -> str:
    if n < 1 or n > 3999:
        raise ValueError("out of range")
    parts = []
    for value, symbol in SYMBOLS:
        while n >= value:
            parts.append(symbol)
            n -= value
    return "".join(parts)


def from_roman(s: str) -> int:
    if not s or any(c not in VALUES for c in s):
        raise ValueError("invalid Roman numeral")
    total = sum(VALUES[c] for c in s)
    if to_roman(total) != s:
        raise ValueError("invalid Roman numeral")
    return total
