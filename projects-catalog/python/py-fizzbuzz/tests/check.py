"""Hidden harness for py-fizzbuzz: python3 check.py CASE (the submission on PYTHONPATH)."""
import sys

from fizzbuzz import fizzbuzz


def show(n):
    result = fizzbuzz(n)
    print("fizzbuzz(%d) = %r" % (n, result))


def case_summary(n):
    """Prints a summary of a long result instead of the whole list."""
    result = fizzbuzz(n)
    print("type:", type(result).__name__)
    print("length:", len(result))
    counts = {"Fizz": 0, "Buzz": 0, "FizzBuzz": 0, "number": 0, "wrong": 0}
    for i, item in enumerate(result, start=1):
        if i % 15 == 0:
            expected = "FizzBuzz"
        elif i % 3 == 0:
            expected = "Fizz"
        elif i % 5 == 0:
            expected = "Buzz"
        else:
            expected = str(i)
        if type(item) is not str or item != expected:
            counts["wrong"] += 1
        elif expected in counts:
            counts[expected] += 1
        else:
            counts["number"] += 1
    for key in ("Fizz", "Buzz", "FizzBuzz", "number", "wrong"):
        print("%s: %d" % (key, counts[key]))
    print("last:", repr(result[-3:]))


def case_types():
    result = fizzbuzz(20)
    print("result type:", type(result).__name__)
    print("item types:", sorted({type(item).__name__ for item in result}))


CASES = {
    "fifteen": lambda: show(15),
    "five": lambda: show(5),
    "one": lambda: show(1),
    "zero": lambda: show(0),
    "negative": lambda: show(-7),
    "two": lambda: show(2),
    "three": lambda: show(3),
    "thirty-one": lambda: show(31),
    "types": case_types,
    "hundred": lambda: case_summary(100),
    "ten-thousand": lambda: case_summary(10000),
}

if __name__ == "__main__":
    CASES[sys.argv[1]]()
