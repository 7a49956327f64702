"""Hidden harness for py-flatten: python3 check.py CASE (the submission on PYTHONPATH).

Deeply nested lists are built in loops and never printed, compared or copied with
recursive code: repr() and == on them would hit the recursion limit themselves."""
import sys

from flatten import flatten


def show(items):
    before = repr(items)
    result = flatten(items)
    print("flatten(%s) = %r" % (before, result))
    if repr(items) != before:
        print("the argument was changed into %r" % (items,))


def summary(result):
    print("type: %s, length: %d" % (type(result).__name__, len(result)))
    print("first: %r, last: %r, sum: %r" % (result[:3], result[-3:], sum(result)))


def deep(depth, where):
    """[1, [2, [3, ...]]] (where='after'), or [[[..., 3], 2], 1] (where='before')."""
    nested = []
    innermost = nested
    for i in range(1, depth + 1):
        inner = []
        if where == "after":
            innermost.extend([i, inner])
        else:
            innermost.extend([inner, depth + 1 - i])
        innermost = inner
    return nested


def case_deep(where):
    items = deep(5000, where)
    summary(flatten(items))
    # The argument must be unchanged: walk it in a loop.
    level, depth = items, 0
    while level:
        depth += 1
        level = level[1] if where == "after" else level[0]
    print("argument depth after the call:", depth)


def case_deep_empty():
    items = []
    for _ in range(5000):
        items = [items]
    result = flatten(items)
    print("flatten(5000 nested empty lists) = %r" % (result,))


def case_new_list():
    items = [1, 2, 3]
    result = flatten(items)
    print("result %r, argument %r" % (result, items))
    print("result is the argument:", result is items)
    result.append(4)
    print("after appending to the result, the argument is %r" % (items,))


def case_shared():
    """The same list object appears several times: each time counts."""
    shared = [1, 2]
    show([shared, [shared, 3], shared])


CASES = {
    "simple": lambda: show([1, [2, 3], [4, [5, [6]]], 7]),
    "flat": lambda: show([1, 2, 3]),
    "empty": lambda: show([]),
    "empty-sublists": lambda: show([[], [[]], [[], [[], []]], []]),
    "order": lambda: show([[[[1]]], 2, [[3, [4]], 5], [[[6], 7], 8], 9]),
    "keeps-non-lists": lambda: show([1, (2, 3), "abc", [4, ("x", [5])], [["de"]], ()]),
    "other-values": lambda: show([None, {"a": [1]}, [True, [0.5, [None]]], {1, 2}, [[b"xy", (None,)]]]),
    "shared-sublist": case_shared,
    "new-list": case_new_list,
    "deep-after": lambda: case_deep("after"),
    "deep-before": lambda: case_deep("before"),
    "deep-empty": case_deep_empty,
}

if __name__ == "__main__":
    CASES[sys.argv[1]]()
