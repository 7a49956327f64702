from collections import Counter


def word_count(text: str) -> dict[str, int]:
    cleaned = ""
    for c in text.lower():
        if c.isalnum() or c == "'":
            cleaned += c
        else:
            cleaned += " "
    return Counter(cleaned.split())
