def transpose(m: list[list[int]]) -> list[list[int]]:
    result = []
    for j in range(len(m[0])):
        result.append([row[j] for row in m])
    return result


def multiply(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    if len(a) == 0 and len(b) == 0:
        return []
    if len(a) == 0 or len(a[0]) != len(b):
        raise ValueError("incompatible shapes")
    columns = transpose(b)
    return [[sum(x * y for x, y in zip(row, column)) for column in columns] for row in a]
