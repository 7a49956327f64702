"""Hidden harness for py-matrix: python3 check.py CASE (the submission on PYTHONPATH)."""
import sys

from matrix import multiply, transpose


def outcome(function, *arguments):
    """The result's repr, or the exception's name (ValueError for its subclasses too);
    then checks that the arguments were left unchanged."""
    before = repr(arguments)
    try:
        shown = repr(function(*arguments))
    except ValueError:
        shown = "ValueError"
    except Exception as error:  # shown so the student sees which exception it was
        shown = type(error).__name__
    if repr(arguments) != before:
        shown += " (and the arguments were changed)"
    return shown


def show_transpose(*matrices):
    for m in matrices:
        print("transpose(%r) = %s" % (m, outcome(transpose, m)))


def show_multiply(*pairs):
    for a, b in pairs:
        print("multiply(%r, %r) = %s" % (a, b, outcome(multiply, a, b)))


def independent_rows(name, result):
    """Changes one element of the result: no other element may change with it."""
    copy = [list(row) for row in result]
    result[0][0] += 1000
    copy[0][0] += 1000
    print("%s: %r, rows %s" % (name, copy, "independent" if result == copy else "shared"))


def case_rows():
    m = [[7, 7, 7], [8, 8, 8]]
    independent_rows("transpose", transpose(m))
    identity = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    independent_rows("multiply", multiply([[1, 2, 3], [1, 2, 3]], identity))
    print("arguments after both:", m, identity)


def case_large():
    a = [[(i * 7 + j * 3) % 11 - 5 for j in range(40)] for i in range(30)]
    b = [[(i * 5 + j * 2) % 13 - 6 for j in range(20)] for i in range(40)]
    product = multiply(a, b)
    print("shape: %d x %d" % (len(product), len(product[0]) if product else 0))
    print("first row:", product[0])
    print("sum:", sum(sum(row) for row in product))
    t = transpose(a)
    print("transpose shape: %d x %d" % (len(t), len(t[0]) if t else 0))
    print("transpose twice is the same:", transpose(t) == a)
    print("(AB)^T == B^T A^T:", transpose(product) == multiply(transpose(b), transpose(a)))


CASES = {
    "transpose-square": lambda: show_transpose([[1, 2], [3, 4]], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]),
    "transpose-rectangle": lambda: show_transpose([[1, 2, 3], [4, 5, 6]], [[1, 2], [3, 4], [5, 6]]),
    "multiply-basic": lambda: show_multiply(([[1, 2], [3, 4]], [[5, 6], [7, 8]]),
                                            ([[1, 2, 3], [4, 5, 6]], [[7, 8], [9, 10], [11, 12]])),
    "transpose-empty": lambda: show_transpose([], [[]], [[], []]),
    "transpose-line": lambda: show_transpose([[1, 2, 3]], [[1], [2], [3]], [[42]]),
    "multiply-identity": lambda: show_multiply(([[1, 0, 0], [0, 1, 0], [0, 0, 1]], [[2, -3, 4], [5, 0, -1], [7, 8, 9]]),
                                               ([[2, -3], [5, 0]], [[1, 0], [0, 1]])),
    "multiply-vectors": lambda: show_multiply(([[1, 2, 3]], [[4], [5], [6]]), ([[4], [5], [6]], [[1, 2, 3]]),
                                              ([[3]], [[-4]])),
    "multiply-incompatible": lambda: show_multiply(([[1, 2, 3]], [[1, 2, 3]]), ([[1, 2], [3, 4]], [[1, 2, 3]]),
                                                   ([[1], [2]], [[1, 2], [3, 4]]),
                                                   ([[1, 2, 3], [4, 5, 6]], [[1, 2], [3, 4]])),
    "multiply-empty": lambda: show_multiply(([], []), ([], [[1]]), ([[1, 2]], []), ([[1]], [])),
    "negatives-and-zeros": lambda: show_multiply(([[0, -1], [-2, 3]], [[-4, 0], [5, -6]]),
                                                 ([[0, 0], [0, 0]], [[9, 9], [9, 9]])),
    "independent-rows": case_rows,
    "large": case_large,
}

if __name__ == "__main__":
    CASES[sys.argv[1]]()
