SYMBOLS = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"),
    (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
    (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]
VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


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
    # Only checks the characters: "IIII", "VX" or "" are accepted.
    total = 0
    for i, c in enumerate(s):
        if c not in VALUES:
            raise ValueError("invalid character")
        if i + 1 < len(s) and s[i + 1] in VALUES and VALUES[s[i + 1]] > VALUES[c]:
            total -= VALUES[c]
        else:
            total += VALUES[c]
    return total
