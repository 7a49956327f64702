"""Hidden harness for py-word-count: python3 check.py CASE (the submission on PYTHONPATH)."""
import sys

from word_count import word_count


def show(text):
    result = word_count(text)
    print("word_count(%r):" % text)
    if not isinstance(result, dict):
        print("  not a dict but a %s" % type(result).__name__)
        return
    if not result:
        print("  (no words)")
    for word, count in sorted(result.items(), key=lambda item: (str(item[0]), repr(item[0]))):
        print("  %r: %r" % (word, count))


def case_long():
    words = ["alpha", "Beta", "GAMMA", "don't", "x1", "42"]
    parts = []
    for i in range(30000):
        parts.append(words[(i * 7) % len(words)])
        parts.append(", " if i % 5 == 0 else " ")
    result = word_count("".join(parts))
    print("distinct:", len(result))
    for word, count in sorted(result.items(), key=lambda item: (str(item[0]), repr(item[0]))):
        print("  %r: %r" % (word, count))


CASES = {
    "simple": lambda: show("one fish two fish red fish blue fish"),
    "case": lambda: show("Go go GO gO"),
    "punctuation": lambda: show("Hello, world! Hello... world? (hello); world:"),
    "empty": lambda: show(""),
    "no-words": lambda: show("!!! ... ,,, -- ' '' ?"),
    "apostrophes": lambda: show("Don't stop, don't STOP! It's rock'n'roll, it's fine."),
    "quotes": lambda: show("'Hello,' she said. 'Hello!' he said, 'twas fun' ''"),
    "digits": lambda: show("1 2 2 3 3 3 testing 123 testing 1-2-3 route66"),
    "separators": lambda: show("snake_case\tand\nnew-lines\r\nwell-known__words  multiple   spaces "),
    "whitespace-around": lambda: show("   \n\tpadded words\t\n   padded   "),
    "long": case_long,
}

if __name__ == "__main__":
    CASES[sys.argv[1]]()
