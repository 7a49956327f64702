"""Hidden harness for py-roman: python3 check.py CASE (the submission on PYTHONPATH)."""
import sys

from roman import from_roman, to_roman


def outcome(function, argument):
    """The result's repr, or the exception's name (ValueError for its subclasses too)."""
    try:
        return repr(function(argument))
    except ValueError:
        return "ValueError"
    except Exception as error:  # shown so the student sees which exception it was
        return type(error).__name__


def show_to(*numbers):
    for n in numbers:
        print("to_roman(%r) -> %s" % (n, outcome(to_roman, n)))


def show_from(*numerals):
    for s in numerals:
        print("from_roman(%r) -> %s" % (s, outcome(from_roman, s)))


# The expected numerals, built digit by digit from the subject's table.
UNITS = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
TENS = ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"]
HUNDREDS = ["", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"]
THOUSANDS = ["", "M", "MM", "MMM"]


def numeral(n):
    return THOUSANDS[n // 1000] + HUNDREDS[n // 100 % 10] + TENS[n // 10 % 10] + UNITS[n % 10]


def case_all_to():
    wrong = [n for n in range(1, 4000) if to_roman(n) != numeral(n)]
    print("to_roman: %d of 3999 wrong" % len(wrong))
    if wrong:
        print("first wrong:", wrong[0], "->", outcome(to_roman, wrong[0]))


def case_many_from():
    # Every 11th number (each digit takes every value) and the last ones: enough to
    # cover every pattern, and fast enough for a from_roman that searches 1 to 3999.
    numbers = list(range(1, 4000, 11)) + list(range(3990, 4000))
    wrong = [n for n in numbers if outcome(from_roman, numeral(n)) != repr(n)]
    print("from_roman: %d of %d wrong" % (len(wrong), len(numbers)))
    if wrong:
        print("first wrong:", numeral(wrong[0]), "->", outcome(from_roman, numeral(wrong[0])))


def case_types():
    print("type(to_roman(7)):", type(to_roman(7)).__name__)
    print("type(from_roman('VII')):", type(from_roman("VII")).__name__)


CASES = {
    "to-roman": lambda: show_to(1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999),
    "from-roman": lambda: show_from("I", "IV", "IX", "XIV", "XL", "XC", "CD", "MCMXCIV", "MMXXIV", "MMMCMXCIX"),
    "invalid-examples": lambda: show_from("IIII", "VX", ""),
    "out-of-range": lambda: show_to(0, -1, -3999, 4000, 10000),
    "bounds": lambda: show_to(1, 3999, 3888, 3000, 1000, 500, 5),
    "repeated": lambda: show_from("IIII", "XXXX", "CCCC", "MMMM", "VV", "LL", "DD", "IIIII", "MMMMCMXCIX"),
    "bad-subtraction": lambda: show_from("VX", "IL", "IC", "ID", "IM", "XD", "XM", "LC", "VL", "DM",
                                         "IIX", "XXC", "CCM", "IXIX", "IVI", "XCX", "CMC", "CMM"),
    "bad-characters": lambda: show_from("", "iv", "mcmxciv", "12", "X V", " X", "IV\n", "A", "MCMXCIVZ", "Ⅳ"),
    "all-to": case_all_to,
    "many-from": case_many_from,
    "types": case_types,
}

if __name__ == "__main__":
    CASES[sys.argv[1]]()
