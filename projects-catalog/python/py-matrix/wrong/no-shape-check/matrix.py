def transpose(m: list[list[int]]) -> list[list[int]]:
    return [list(column) for column in zip(*m)]


def multiply(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    # zip() stops at the shorter input: incompatible shapes give a wrong result
    # instead of a ValueError.
    columns = transpose(b)
    return [[sum(x * y for x, y in zip(row, column)) for column in columns] for row in a]
