import re


def word_count(text: str) -> dict[str, int]:
    counts = {}
    for word in re.findall(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*", text):
        counts[word] = counts.get(word, 0) + 1
    return counts
