def transpose(m: list[list[int]]) -> list[list[int]]:
    rows = len(m)
    columns = len(m[0]) if m else 0
    result = [[0] * rows] * columns  # the same row list, repeated
    for i in range(rows):
        for j in range(columns):
            result[j][i] = m[i][j]
    return result


def multiply(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    n = len(a[0]) if a else 0
    if n != len(b):
        raise ValueError("incompatible shapes")
    c = len(b[0]) if b else 0
    result = [[0] * c] * len(a)  # the same row list, repeated
    for i in range(len(a)):
        for j in range(c):
            result[i][j] = sum(a[i][k] * b[k][j] for k in range(n))
    return result
