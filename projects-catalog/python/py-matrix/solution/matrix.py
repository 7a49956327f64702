def shape(m: list[list[int]]) -> tuple[int, int]:
    return len(m), (len(m[0]) if m else 0)


def transpose(m: list[list[int]]) -> list[list[int]]:
    rows, columns = shape(m)
    return [[m[i][j] for i in range(rows)] for j in range(columns)]


def multiply(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    (r, n), (n2, c) = shape(a), shape(b)
    if n != n2:
        raise ValueError("cannot multiply a %dx%d matrix by a %dx%d matrix" % (r, n, n2, c))
    return [[sum(a[i][k] * b[k][j] for k in range(n)) for j in range(c)] for i in range(r)]
