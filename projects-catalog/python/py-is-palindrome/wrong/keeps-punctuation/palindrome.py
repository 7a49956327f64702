def is_palindrome(text: str) -> bool:
    lowered = text.lower().replace(" ", "")
    return lowered == lowered[::-1]
