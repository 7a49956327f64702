def flatten(items: list) -> list:
    # Splices each sublist into the list it was found in: no recursion, but the
    # caller's list is flattened in place (and returned instead of a new one).
    i = 0
    while i < len(items):
        if isinstance(items[i], list):
            items[i:i + 1] = items[i]
        else:
            i += 1
    return items
