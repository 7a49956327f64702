import re

WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def word_count(text: str) -> dict[str, int]:
    counts = {}
    for word in WORD.findall(text.lower()):
        counts[word] = counts.get(word, 0) + 1
    return counts
