"""Hidden harness for py-is-palindrome: python3 check.py CASE (the submission on PYTHONPATH)."""
import sys

from palindrome import is_palindrome


def show(*texts):
    for text in texts:
        print("is_palindrome(%r) = %r" % (text, is_palindrome(text)))


def case_long():
    half = "".join("abcdefghijklmnopqrstuvwxyz0123456789"[i % 36] for i in range(50000))
    yes = half + "X" + half[::-1].upper()
    no = half + "xy" + half[::-1]
    print("100001 characters, palindrome:", is_palindrome(yes))
    print("100002 characters, not a palindrome:", is_palindrome(no))


def case_types():
    for text in ("Abba", "abc", ""):
        print("%r -> %s" % (text, type(is_palindrome(text)).__name__))


CASES = {
    "simple": lambda: show("racecar", "level", "noon"),
    "sentence": lambda: show("A man, a plan, a canal: Panama", "Was it a car or a cat I saw?"),
    "not": lambda: show("hello", "ab", "palindrome"),
    "empty": lambda: show(""),
    "only-punctuation": lambda: show("!!! ,,, ...", "   ", "?!-_*"),
    "single": lambda: show("a", "Z", "7", " x "),
    "case": lambda: show("Abba", "RaceCar", "Noon", "aBc"),
    "digits": lambda: show("12321", "1 2 3 2 1", "12345", "0P", "1a2", "a1a"),
    "punctuation": lambda: show("No 'x' in Nixon", "Madam, I'm Adam.", "Step on no pets!",
                                "Eva, can I see bees in a cave?", "never odd or even...",
                                "Red rum, sir, is murder", "not-a-palindrome!"),
    "near-miss": lambda: show("abca", "Abcdecba", "race a car", "ab ba c"),
    "long": case_long,
    "types": case_types,
}

if __name__ == "__main__":
    CASES[sys.argv[1]]()
